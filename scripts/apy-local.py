#!/usr/bin/python3
# Runs apertium-apy bound to 127.0.0.1 only (APy itself binds every interface and has no host option).
# Usage: /usr/bin/python3 scripts/apy-local.py -p 2737 /usr/share/apertium/modes
import sys
import tornado.httpserver

_bind = tornado.httpserver.HTTPServer.bind
tornado.httpserver.HTTPServer.bind = lambda self, port, address=None, *a, **kw: _bind(self, port, address or '127.0.0.1', *a, **kw)

from apertium_apy.apy import main  # noqa: E402

sys.argv[0] = 'apertium-apy'
sys.exit(main())

#!/usr/bin/python3
# Runs apertium-apy bound to 127.0.0.1 only (APy itself binds every interface and has no host option).
# Usage: /usr/bin/python3 scripts/apy-local.py -p 2737 /usr/share/apertium/modes
import ctypes
import signal
import sys
import tornado.httpserver

# Stop with the process that started it, even one killed outright (a test run timed out): Linux's PR_SET_PDEATHSIG.
try:
    ctypes.CDLL(None).prctl(1, signal.SIGTERM)
except (OSError, AttributeError):
    pass

_bind = tornado.httpserver.HTTPServer.bind
tornado.httpserver.HTTPServer.bind = lambda self, port, address=None, *a, **kw: _bind(self, port, address or '127.0.0.1', *a, **kw)

from apertium_apy.apy import main  # noqa: E402

sys.argv[0] = 'apertium-apy'
sys.exit(main())

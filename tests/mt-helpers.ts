import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as netServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

export const hasApertium = ((): boolean => {
  const r = spawnSync('apertium', ['-l'], { encoding: 'utf8' });
  return r.status === 0 && /\beng-spa\b/u.test(r.stdout);
})();

export const hasApy =
  hasApertium &&
  spawnSync('/usr/bin/python3', ['-c', 'import apertium_apy, tornado'], { encoding: 'utf8' }).status === 0;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = netServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** The real APy on a free loopback port; stop() kills it by its pid. */
export async function startApy(): Promise<{ url: string; stop: () => void; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    '/usr/bin/python3',
    [join(ROOT, 'scripts', 'apy-local.py'), '-p', String(port), '/usr/share/apertium/modes'],
    { stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = (): void => {
    process.off('exit', stop);
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  // A suite whose stop is never reached (its setup timed out) still leaves no server behind.
  process.once('exit', stop);
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`${url}/listPairs`);
      if (res.ok) return { url, stop, child };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  stop();
  throw new Error('APy did not start within 10 s');
}

export interface FakeServer {
  readonly url: string;
  readonly requests: Array<{ path: string; headers: IncomingMessage['headers']; body: unknown }>;
  close(): Promise<void>;
}

/** A local HTTP server; `handle` answers each JSON request. */
export async function fakeServer(
  handle: (path: string, body: unknown, req: IncomingMessage, res: ServerResponse, count: number) => void,
): Promise<FakeServer> {
  const requests: FakeServer['requests'] = [];
  const server = createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString('utf8')));
    req.on('end', () => {
      let body: unknown = data;
      try {
        body = JSON.parse(data);
      } catch {
        // form or empty
      }
      requests.push({ path: req.url ?? '', headers: req.headers, body });
      handle(req.url ?? '', body, req, res, requests.length);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((r) => server.close(() => r())) };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** What a real engine does to words but not to tags: here, upper-case the text outside tags. */
export function shout(html: string): string {
  return html
    .split(/(<[^>]*>)/u)
    .map((p, i) => (i % 2 ? p : p.toUpperCase()))
    .join('');
}

import type { Writable } from 'node:stream';

/**
 * Resolves once `stream` holds nothing it has not passed on to the system (a slow reader of a pipe is waited for).
 * A write's callback runs only after every write before it is done, so an empty write marks the end of what was
 * printed. 'drain' alone is not enough: a stream emits it only after a write that returned false, and a short tail
 * queued behind a full pipe returns true — the wait would never end (and Node would exit 13, an unsettled await).
 */
export function drained(stream: Writable): Promise<void> {
  if (stream.writableLength === 0 || stream.destroyed || stream.writableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => resolve();
    stream.once('close', done).once('error', done);
    stream.write('', done);
  });
}

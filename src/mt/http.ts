import { MtError } from './types.js';

/** fetch with a timeout, and retries with exponential backoff for what is worth retrying (429, 5xx, network). */
export interface RetryOptions {
  readonly retries?: number;
  readonly baseDelayMs?: number;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(signal.reason);
    });
  });

export async function fetchWithRetry(
  url: string,
  init: RequestInit,
  describe: (res: Response, body: string) => MtError,
  options: RetryOptions = {},
): Promise<string> {
  const retries = options.retries ?? 4;
  let delay = options.baseDelayMs ?? 250;
  for (let attempt = 0; ; attempt++) {
    let error: MtError;
    try {
      const timeout = AbortSignal.timeout(options.timeoutMs ?? 60_000);
      const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
      const res = await fetch(url, { ...init, signal });
      const body = await res.text();
      if (res.ok) return body;
      error = describe(res, body);
      if (res.status === 429 || res.status >= 500) error = new MtError(error.message, error.hint, true);
      const retryAfter = Number(res.headers.get('retry-after'));
      if (Number.isFinite(retryAfter) && retryAfter > 0) delay = Math.max(delay, retryAfter * 1000);
    } catch (err) {
      if (options.signal?.aborted) throw err;
      error = new MtError(
        `cannot reach ${new URL(url).origin}: ${(err as Error).message}`,
        "check the engine's URL in locflow.config.json and that the service is running",
        true,
      );
    }
    if (!error.transient || attempt >= retries) throw error;
    await sleep(delay + Math.floor(Math.random() * delay * 0.2), options.signal);
    delay *= 2;
  }
}

/** Runs `tasks` with at most `limit` in flight; results in order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Groups segments into chunks of at most `maxBytes` (as `sizeOf` counts them, UTF-8 by default) and `maxItems`. */
export function chunk(
  segments: readonly string[],
  maxBytes: number,
  maxItems = Infinity,
  sizeOf: (s: string) => number = (s) => Buffer.byteLength(s),
): string[][] {
  const chunks: string[][] = [];
  let cur: string[] = [];
  let size = 0;
  for (const s of segments) {
    const bytes = sizeOf(s) + 64;
    if (cur.length && (size + bytes > maxBytes || cur.length >= maxItems)) {
      chunks.push(cur);
      cur = [];
      size = 0;
    }
    cur.push(s);
    size += bytes;
  }
  if (cur.length) chunks.push(cur);
  return chunks;
}

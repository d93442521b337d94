import { chunk, fetchWithRetry, mapLimit } from './http.js';
import { apertiumMode } from './languages.js';
import { url } from '../settings.js';
import { enginePlugin, MtError, type Engine } from './types.js';

/**
 * Apertium's HTTP server (APy). Requests stay under 35 KB: APy silently cuts
 * anything over 10 × 4096 bytes and still answers 200. Segments travel as one
 * HTML text with `<hr id="locflow-N"/>` markers between them.
 */
const MAX_REQUEST_BYTES = 35_000;

// One request at a time: measured here, APy mixes up or cuts answers when four large requests for the
// same pair run at once (a 186-segment request came back with 91), while one at a time is ~10 ms each.
export function apyEngine(baseUrl: string, concurrency = 1): Engine {
  const base = baseUrl.replace(/\/+$/u, '');
  let installed: Promise<string[]> | undefined;
  const describe = (res: Response, body: string): MtError => {
    let message = body.slice(0, 200);
    try {
      const j = JSON.parse(body) as { message?: string; explanation?: string };
      message = j.explanation ?? j.message ?? message;
    } catch {
      // not JSON
    }
    return new MtError(`APy answered ${res.status}: ${message}`);
  };
  const pairs = (): Promise<string[]> =>
    (installed ??= fetchWithRetry(`${base}/listPairs`, {}, describe).then((body) => {
      const j = JSON.parse(body) as { responseData: Array<{ sourceLanguage: string; targetLanguage: string }> };
      return j.responseData.map((p) => `${p.sourceLanguage}-${p.targetLanguage}`);
    }));

  return {
    name: 'apertium-apy',
    pairs,
    async translate(segments, pair, signal) {
      const list = await pairs();
      const mode = apertiumMode(pair.source, pair.target, list);
      if (!mode)
        throw new MtError(
          `APy at ${base} has no ${pair.source}→${pair.target} pair`,
          `pairs it serves: ${list.join(', ') || 'none'}; install apertium-<pair> on the server (e.g. apertium-eng-spa)`,
        );
      const langpair = mode.replace('-', '|');
      // Each chunk's markers are numbered from 0 so the request stays small; the budget counts them.
      // Sizes as sent: form-encoded, where one non-ASCII letter can take nine bytes.
      const chunks = chunk(segments, MAX_REQUEST_BYTES - 1024, Infinity, (s) => encodeURIComponent(s).length);
      const results = await mapLimit(chunks, concurrency, async (group) => {
        const q = group.map((s, i) => `${s}\n<hr id="locflow-${i}"/>\n`).join('');
        const form = new URLSearchParams({ q, langpair, markUnknown: 'no', format: 'html' });
        if (Buffer.byteLength(form.toString()) > 10 * 4096) {
          // Encoding inflates non-ASCII text; split further rather than let APy truncate silently.
          throw new MtError(
            'a segment is too long for APy (over 40 KB once encoded)',
            'use the local apertium engine for very long units',
          );
        }
        const body = await fetchWithRetry(
          `${base}/translate`,
          { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
          describe,
          { ...(signal ? { signal } : {}) },
        );
        const j = JSON.parse(body) as {
          responseData?: { translatedText?: string };
          responseStatus?: number;
          message?: string;
        };
        const text = j.responseData?.translatedText;
        if (typeof text !== 'string') throw new MtError(`APy answered without a translation: ${body.slice(0, 200)}`);
        const parts = text.split(/\s*<hr id="locflow-\d+"\s*\/>\s*/u);
        if (parts.length < group.length)
          throw new MtError(
            `APy returned ${parts.length} segments for ${group.length} (the request may have been truncated)`,
          );
        return parts.slice(0, group.length).map((p) => p.trim());
      });
      return results.flat();
    },
  };
}

export const apy = enginePlugin({
  settingsKey: 'apy',
  settings: { url: url('http://127.0.0.1:2737') },
  create: (settings) => apyEngine(settings.url),
});

import { fetchWithRetry, mapLimit } from './http.js';
import { apertiumMode } from './languages.js';
import { url } from '../settings.js';
import { enginePlugin, MtError, type Engine } from './types.js';

/**
 * Apertium's HTTP server (APy). Segments travel as one HTML text with `<hr id="locflow-N"/>` markers between them,
 * each request as full as APy translates whole: APy (apertium_apy/utils/translation.py, split_for_translation)
 * translates at most PIECES pieces of `q`, each at most PIPE_BUF bytes cut back to the last "." (else " ") in its
 * second half, drops the rest and still answers 200. Requests are filled by running that same split here.
 */
const PIECES = 10;
const PIPE_BUF = 4096;

/** How many code points of `q` APy translates when it has at most two requests at once (the usual case). */
export function apyCoverage(q: string): number {
  const chars = Array.from(q);
  let last = 0;
  for (let round = 0; round < PIECES && last < chars.length; round++) {
    // up_to_bytes: the code points of the rest that fit in PIPE_BUF bytes of UTF-8.
    let hardbreak = 0;
    for (let bytes = 0; last + hardbreak < chars.length; hardbreak++) {
      bytes += Buffer.byteLength(chars[last + hardbreak]!);
      if (bytes > PIPE_BUF) break;
    }
    if (chars.length - last <= hardbreak) return chars.length;
    const softnext = last + Math.floor(hardbreak / 2) + 1;
    const hardnext = last + hardbreak;
    const cut = (mark: string): number => {
      for (let i = hardnext - 1; i >= softnext; i--) if (chars[i] === mark) return i + 1;
      return -1;
    };
    const dot = cut('.');
    const space = dot < 0 ? cut(' ') : dot;
    last = space < 0 ? hardnext : space;
  }
  return Math.min(last, chars.length);
}

/** The request text of a group: each segment followed by its marker, numbered from 0. */
function requestText(group: readonly string[]): string {
  return group.map((s, i) => `${s}\n<hr id="locflow-${i}"/>\n`).join('');
}

/**
 * The segments in groups, each as large as APy translates whole: taken while the request stays within
 * PIECES × PIPE_BUF bytes, then cut back to the segments APy's split covers. A segment too long on its own
 * is an error.
 */
export function apyGroups(segments: readonly string[]): string[][] {
  const groups: string[][] = [];
  for (let from = 0; from < segments.length;) {
    let to = from;
    for (let bytes = 0; to < segments.length; to++) {
      bytes += Buffer.byteLength(segments[to]!) + 32;
      if (bytes > PIECES * PIPE_BUF && to > from) break;
    }
    for (;;) {
      const group = segments.slice(from, to);
      const q = requestText(group);
      const covered = apyCoverage(q);
      if (covered >= Array.from(q).length) break;
      // The segments whose text and marker lie within what APy translates.
      let fits = 0;
      for (let chars = 0; fits < group.length; fits++) {
        chars += Array.from(`${group[fits]!}\n<hr id="locflow-${fits}"/>\n`).length;
        if (chars > covered) break;
      }
      if (fits === 0)
        throw new MtError(
          `a segment is too long for APy (${Buffer.byteLength(segments[from]!)} bytes; APy translates about ${PIECES * PIPE_BUF} at most)`,
          'use the local apertium engine for very long units',
        );
      to = from + fits;
    }
    groups.push(segments.slice(from, to));
    from = to;
  }
  return groups;
}

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
      // A busy APy (three requests or more on one pipeline) cuts smaller pieces: an answer short of markers is
      // asked again in halves.
      const request = async (group: readonly string[]): Promise<string[]> => {
        const form = new URLSearchParams({ q: requestText(group), langpair, markUnknown: 'no', format: 'html' });
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
        // Every marker back, the last one included: the last segment was not cut short.
        if (parts.length > group.length) return parts.slice(0, group.length).map((p) => p.trim());
        if (group.length === 1)
          throw new MtError(
            `APy returned ${parts.length} segments for ${group.length} (the request may have been truncated)`,
          );
        const half = Math.ceil(group.length / 2);
        return [...(await request(group.slice(0, half))), ...(await request(group.slice(half)))];
      };
      const results = await mapLimit(apyGroups(segments), concurrency, request);
      return results.flat();
    },
  };
}

export const apy = enginePlugin({
  settingsKey: 'apy',
  settings: { url: url('http://127.0.0.1:2737') },
  create: (settings) => apyEngine(settings.url),
});

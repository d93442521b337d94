import { chunk, fetchWithRetry, mapLimit } from './http.js';
import { primarySubtag } from '../model/language.js';
import { text, url } from '../settings.js';
import { enginePlugin, MtError, type Engine } from './types.js';

/**
 * LibreTranslate (`POST /translate`, JSON): `q` as a list, `format: "html"`
 * so tags pass through, `api_key` when the server wants one. Errors come as
 * `{"error": "…"}` with 400, 403, 429 or 500.
 */
export function libreTranslateEngine(baseUrl: string, apiKey: string | undefined, concurrency = 2): Engine {
  const base = baseUrl.replace(/\/+$/u, '');
  const describe = (res: Response, body: string): MtError => {
    let detail = body.slice(0, 200);
    try {
      detail = (JSON.parse(body) as { error?: string }).error ?? detail;
    } catch {
      // not JSON
    }
    const hint =
      res.status === 403
        ? 'check the API key (mt.libretranslate.apiKeyEnv)'
        : res.status === 400
          ? 'is the language pair available on this server? GET /languages lists them'
          : undefined;
    return new MtError(`LibreTranslate answered ${res.status}: ${detail}`, hint);
  };
  return {
    name: 'libretranslate',
    async translate(segments, pair, signal) {
      const groups = chunk(segments, 64 * 1024, 100);
      const results = await mapLimit(groups, concurrency, async (q) => {
        const body = JSON.stringify({
          q,
          source: primarySubtag(pair.source),
          target: primarySubtag(pair.target),
          format: 'html',
          ...(apiKey ? { api_key: apiKey } : {}),
        });
        const answer = await fetchWithRetry(
          `${base}/translate`,
          { method: 'POST', body, headers: { 'content-type': 'application/json' } },
          describe,
          { ...(signal ? { signal } : {}) },
        );
        const j = JSON.parse(answer) as { translatedText?: string | string[] };
        const out = Array.isArray(j.translatedText)
          ? j.translatedText
          : typeof j.translatedText === 'string' && q.length === 1
            ? [j.translatedText]
            : null;
        if (!out || out.length !== q.length)
          throw new MtError(`LibreTranslate returned ${out?.length ?? 0} translations for ${q.length} texts`);
        return out;
      });
      return results.flat();
    },
  };
}

export const libretranslate = enginePlugin({
  settings: { url: url('http://127.0.0.1:5000'), apiKeyEnv: text('LIBRETRANSLATE_API_KEY') },
  create: (settings, env) => libreTranslateEngine(settings.url, env[settings.apiKeyEnv]),
});

import { fetchWithRetry, chunk, mapLimit } from './http.js';
import { primarySubtag } from '../model/language.js';
import { text, url } from '../settings.js';
import { enginePlugin, MtError, type Engine } from './types.js';

/**
 * DeepL API v2 (`POST /v2/translate`, JSON): up to 50 texts a request,
 * `tag_handling: "xml"` with `<x>` ignored, so protected spans come back as sent.
 * Authentication: `Authorization: DeepL-Auth-Key <key>`, the key read from an
 * environment variable named in the configuration.
 */
const STATUS: Readonly<Record<number, [string, string?]>> = {
  400: ['DeepL rejected the request (400)'],
  403: ['DeepL refused the API key (403)', 'check the key in the environment variable named by mt.deepl.apiKeyEnv'],
  404: ['DeepL has no such endpoint (404)', 'check mt.deepl.url: https://api.deepl.com or https://api-free.deepl.com'],
  413: ['the request is too large for DeepL (413)'],
  429: ['too many requests to DeepL (429)'],
  456: ['the DeepL quota is used up (456)', 'wait for the next billing period or raise the limit'],
  503: ['DeepL is unavailable (503)'],
};

function deeplTarget(tag: string): string {
  const p = primarySubtag(tag).toUpperCase();
  const region = tag.split(/[-_]/u)[1]?.toUpperCase();
  if (p === 'EN') return region === 'GB' ? 'EN-GB' : 'EN-US'; // DeepL requires a variant for English and Portuguese
  if (p === 'PT') return region === 'BR' ? 'PT-BR' : 'PT-PT';
  if (p === 'ZH') return region === 'TW' || region === 'HANT' ? 'ZH-HANT' : 'ZH-HANS';
  return p;
}

export function deeplEngine(baseUrl: string, apiKey: string | undefined, keyVariable: string, concurrency = 2): Engine {
  const base = baseUrl.replace(/\/+$/u, '');
  return {
    name: 'deepl',
    async translate(segments, pair, signal) {
      if (!apiKey)
        throw new MtError(
          `no DeepL API key: the environment variable ${keyVariable} is empty`,
          `export ${keyVariable}=<your key>`,
        );
      const describe = (res: Response, body: string): MtError => {
        const [message, hint] = STATUS[res.status] ?? [`DeepL answered ${res.status}`];
        let detail: string;
        try {
          detail = (JSON.parse(body) as { message?: string }).message ?? '';
        } catch {
          detail = body.slice(0, 120);
        }
        return new MtError(`${message}${detail ? `: ${detail}` : ''}`, hint);
      };
      const groups = chunk(segments, 120 * 1024, 50);
      const results = await mapLimit(groups, concurrency, async (texts) => {
        const body = JSON.stringify({
          text: texts,
          source_lang: primarySubtag(pair.source).toUpperCase(),
          target_lang: deeplTarget(pair.target),
          tag_handling: 'xml',
          ignore_tags: ['x'],
        });
        const answer = await fetchWithRetry(
          `${base}/v2/translate`,
          {
            method: 'POST',
            body,
            headers: { authorization: `DeepL-Auth-Key ${apiKey}`, 'content-type': 'application/json' },
          },
          describe,
          { ...(signal ? { signal } : {}) },
        );
        const j = JSON.parse(answer) as { translations?: Array<{ text: string }> };
        if (!j.translations || j.translations.length !== texts.length)
          throw new MtError(`DeepL returned ${j.translations?.length ?? 0} translations for ${texts.length} texts`);
        return j.translations.map((t) => t.text);
      });
      return results.flat();
    },
  };
}

export const deepl = enginePlugin({
  settings: { url: url('https://api-free.deepl.com'), apiKeyEnv: text('DEEPL_AUTH_KEY') },
  create: (settings, env) => deeplEngine(settings.url, env[settings.apiKeyEnv], settings.apiKeyEnv),
});

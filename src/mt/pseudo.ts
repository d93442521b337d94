import { pseudoText } from './pseudo-text.js';
import { enginePlugin, type Engine } from './types.js';

/** Pseudo-translation as an engine: letters outside tags and entities are accented and padded. */
export function pseudoEngine(): Engine {
  return {
    name: 'pseudo',
    async translate(segments) {
      return segments.map((html) => {
        const parts = html.split(/(<[^>]*>|&[#\w]+;)/u);
        const text = parts
          .filter((_, i) => i % 2 === 0)
          .join('')
          .replace(/\s+/gu, '');
        const body = parts.map((p, i) => (i % 2 === 0 ? pseudoText(p) : p)).join('');
        return `[${body} ${'·'.repeat(Math.max(1, Math.round(text.length * 0.3)))}]`;
      });
    },
  };
}

/** No settings: pseudo text needs no service. */
export const pseudo = enginePlugin({ settings: {}, create: () => pseudoEngine() });

import type { Content, InlineCode, Run } from '../model/content.js';
import { normalizeContent } from '../model/content.js';
import { PRINTF } from '../protect/patterns.js';

/**
 * Before MT every inline code and every protected text span (a name, a
 * placeholder written as text) becomes an empty `<x id="N"/>`; after MT each
 * is put back by its id. Engines keep tags byte for byte, so nothing an engine
 * does to words can touch what is protected.
 */
export type Slot =
  { readonly kind: 'code'; readonly code: InlineCode } | { readonly kind: 'text'; readonly text: string };

export interface Protected {
  readonly html: string;
  readonly slots: readonly Slot[];
}

/** A span of text to protect, and what to write back in its place (an approved rendering, or itself). */
export interface ProtectedTerm {
  readonly source: string;
  readonly replacement: string;
}

const escapeHtml = (s: string): string => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

// Placeholders written as text: {{x}}, {x}, %s, %1$s.
const TEXT_PLACEHOLDER = new RegExp(`\\{\\{[^{}]+\\}\\}|\\{[\\p{L}_][\\p{L}\\p{N}_]*\\}|${PRINTF.source}`, 'gu');

export function protectForMt(content: Content, terms: readonly ProtectedTerm[] = []): Protected {
  const slots: Slot[] = [];
  let html = '';
  const slot = (s: Slot): string => {
    slots.push(s);
    return `<x id="${slots.length}"/>`;
  };
  // Longest terms first, so "Islamic Resistance in Iraq" wins over "Iraq".
  const ordered = [...terms].filter((t) => t.source.trim() !== '').sort((a, b) => b.source.length - a.source.length);
  for (const run of normalizeContent(content)) {
    if (typeof run !== 'string') {
      html += slot({ kind: 'code', code: run });
      continue;
    }
    const spans: Array<{ start: number; end: number; text: string }> = [];
    const free = (s: number, e: number): boolean => !spans.some((x) => s < x.end && e > x.start);
    for (const m of run.matchAll(TEXT_PLACEHOLDER))
      if (free(m.index, m.index + m[0].length)) spans.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
    for (const t of ordered) {
      for (let at = run.indexOf(t.source); at >= 0; at = run.indexOf(t.source, at + 1)) {
        const end = at + t.source.length;
        const wordEdge = !/[\p{L}\p{N}]/u.test(run.charAt(at - 1)) && !/[\p{L}\p{N}]/u.test(run.charAt(end));
        if (wordEdge && free(at, end)) spans.push({ start: at, end, text: t.replacement });
      }
    }
    spans.sort((a, b) => a.start - b.start);
    let at = 0;
    for (const s of spans) {
      html += escapeHtml(run.slice(at, s.start)) + slot({ kind: 'text', text: s.text });
      at = s.end;
    }
    html += escapeHtml(run.slice(at));
  }
  return { html, slots };
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function unescapeHtml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

export interface Restored {
  readonly content: Run[];
  /** Slots the engine lost or repeated: the QA gate will see the consequences. */
  readonly missing: readonly number[];
  readonly repeated: readonly number[];
}

/** MT output back into Content: `<x id="N"/>` → its code or protected text; other markup the engine invented is dropped. */
export function restoreFromMt(html: string, slots: readonly Slot[], source: Content): Restored {
  const runs: Run[] = [];
  const seen = new Set<number>();
  const repeated: number[] = [];
  let at = 0;
  for (const m of html.matchAll(/<x\s+id="(\d+)"\s*\/>|<\/?[a-z][^>]*>/giu)) {
    runs.push(unescapeHtml(html.slice(at, m.index)));
    at = m.index + m[0].length;
    if (m[1] === undefined) continue;
    const n = Number(m[1]);
    const s = slots[n - 1];
    if (!s) continue;
    if (seen.has(n)) {
      repeated.push(n);
      continue;
    }
    seen.add(n);
    runs.push(s.kind === 'code' ? s.code : s.text);
  }
  runs.push(unescapeHtml(html.slice(at)));
  let content = normalizeContent(runs);
  content = tidySpaces(content, source);
  const missing = slots.map((_, i) => i + 1).filter((n) => !seen.has(n));
  return { content, missing, repeated };
}

/** Engines leave doubled spaces where words moved, and lose the source's leading and trailing white space. */
function tidySpaces(content: Run[], source: Content): Run[] {
  const src = source.map((r) => (typeof r === 'string' ? r : '\uFFFC')).join('');
  const keepDoubles = / {2,}/u.test(src);
  const out = content.map((r) => (typeof r === 'string' && !keepDoubles ? r.replace(/ {2,}/gu, ' ') : r));
  const first = out[0];
  const lead = /^\s*/u.exec(typeof source[0] === 'string' ? source[0] : '')![0];
  const trail = /\s*$/u.exec(
    typeof source[source.length - 1] === 'string' ? (source[source.length - 1] as string) : '',
  )![0];
  if (typeof first === 'string') out[0] = lead + first.trimStart();
  else if (lead) out.unshift(lead);
  const end = out.length - 1;
  const tail = out[end];
  if (typeof tail === 'string') out[end] = tail.trimEnd() + trail;
  else if (trail) out.push(trail);
  return normalizeContent(out);
}

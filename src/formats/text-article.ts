import type { Content, Run } from '../model/content.js';
import type { Block, Document, SkeletonPart } from '../model/document.js';
import { writeSkeleton, type Render } from './skeleton.js';
import { formatPlugin } from './format.js';
import { DEFAULT_BOILERPLATE, DEFAULT_RELATED, TEXT_ARTICLE_SETTINGS } from './settings.js';
import { UnitIdAllocator } from '../model/ids.js';
import type { Role, Unit } from '../model/unit.js';
import { parseDateTime } from '../locale/dates.js';
import { protect } from '../protect/protect.js';
import { segmentSpans } from '../segment/segmenter.js';

/**
 * Reader for news articles in plain text: blocks separated by blank lines,
 * each line given a role (headline, standfirst, caption and credit,
 * boilerplate, related link, timestamp, paragraph), each role cut into
 * sentences. Everything that is not a unit stays in the skeleton verbatim.
 */

export interface TextArticleOptions {
  /** Lines that are site furniture rather than article text. */
  readonly boilerplate?: readonly RegExp[];
  /** Labels that introduce a link to another story ("Live updates: …"). */
  readonly relatedLabels?: readonly string[];
}

// "…strikes.  AP": a credit set off by two or more spaces (or a bar) after a caption.
const CREDIT =
  /^(.*\S)(\s{2,}|\s+\|\s+)((?:(?:Photo|Picture|Image|Video)s?:\s*)?[\p{Lu}][\p{L}.&'’-]*(?:[ /][\p{Lu}][\p{L}.&'’-]*){0,4})$/u;
// "Updated: December 05, 2023, 2:15 PM" — any short label followed by a date.
const LABELLED = /^([\p{L}][\p{L} ]{0,30}?):\s+(.+?)\s*$/u;

interface Line {
  readonly start: number;
  readonly end: number;
}

interface Piece {
  role: Role;
  start: number;
  end: number;
}

export function readTextArticle(
  text: string,
  meta: { id: string; path: string; sourceLang: string },
  options: TextArticleOptions = {},
): Document {
  const boilerplate = options.boilerplate ?? DEFAULT_BOILERPLATE;
  const related = new Set((options.relatedLabels ?? DEFAULT_RELATED).map((l) => l.toLowerCase()));
  const blocks = nonBlankLineGroups(text);
  const pieces: Piece[] = [];

  blocks.forEach((lines, blockIndex) => {
    let paragraph: Piece | null = null;
    for (const line of lines) {
      const body = text.slice(line.start, line.end);
      const lead = body.length - body.trimStart().length;
      const start = line.start + lead;
      const end = line.start + body.trimEnd().length;
      const content = text.slice(start, end);
      const role = lineRole(content, blockIndex, lines.length, meta.sourceLang, boilerplate, related);
      if (role === 'paragraph' && paragraph && /^\p{Ll}/u.test(content)) {
        paragraph.end = end; // a hard-wrapped line continues the paragraph
        continue;
      }
      const credit =
        (role === 'paragraph' || role === 'caption') && /\s\s|\s\|\s/u.test(content) ? CREDIT.exec(content) : null;
      if (
        credit &&
        credit[1] !== undefined &&
        credit[2] !== undefined &&
        credit[3] !== undefined &&
        /[.!?"”’)]$/u.test(credit[1])
      ) {
        pieces.push({ role: 'caption', start, end: start + credit[1].length });
        pieces.push({ role: 'credit', start: end - credit[3].length, end });
        paragraph = null;
        continue;
      }
      const piece: Piece = { role, start, end };
      pieces.push(piece);
      paragraph = role === 'paragraph' ? piece : null;
    }
  });

  const ids = new UnitIdAllocator();
  const drafts: Draft[] = [];
  const docBlocks: Block[] = [];
  const skeleton: SkeletonPart[] = [];
  let written = 0;

  pieces.forEach((piece, blockIndex) => {
    const blockUnits: string[] = [];
    const sentences =
      piece.role === 'paragraph' || piece.role === 'caption' || piece.role === 'standfirst'
        ? segmentSpans(text.slice(piece.start, piece.end), meta.sourceLang, { lineBreaks: 'space' }).map((s) => ({
            start: piece.start + s.start,
            end: piece.start + s.end,
          }))
        : [{ start: piece.start, end: piece.end }];
    sentences.forEach((span, sentenceIndex) => {
      if (span.start > written) skeleton.push(text.slice(written, span.start));
      const raw = text.slice(span.start, span.end);
      const source = piece.role === 'timestamp' ? timestampContent(raw, meta.sourceLang) : protect(raw);
      const id = ids.next(raw);
      drafts.push({ id, source, raw, role: piece.role, block: blockIndex + 1, sentence: sentenceIndex + 1 });
      blockUnits.push(id);
      skeleton.push({ unit: id });
      written = span.end;
    });
    docBlocks.push({ role: piece.role, translate: true, units: blockUnits });
  });
  if (written < text.length) skeleton.push(text.slice(written));

  return {
    id: meta.id,
    path: meta.path,
    sourceLang: meta.sourceLang,
    format: 'text',
    blocks: docBlocks,
    units: finishUnits(drafts),
    skeleton,
  };
}

function lineRole(
  content: string,
  blockIndex: number,
  linesInBlock: number,
  lang: string,
  boilerplate: readonly RegExp[],
  related: ReadonlySet<string>,
): Role {
  const labelled = content.length < 120 ? LABELLED.exec(content) : null;
  // A timestamp is a short line with a four-digit year; only such lines are worth parsing as dates.
  if (content.length < 120 && /\d{4}/u.test(content)) {
    if (labelled && labelled[2] !== undefined && parseDateTime(labelled[2], lang)) return 'timestamp';
    if (parseDateTime(content, lang)) return 'timestamp';
  }
  if (boilerplate.some((re) => re.test(content))) return 'boilerplate';
  if (labelled && labelled[1] !== undefined && related.has(labelled[1].toLowerCase().trim())) return 'related-link';
  if (blockIndex === 0 && linesInBlock === 1) return 'headline';
  if (blockIndex === 1 && linesInBlock === 1 && !CREDIT.test(content)) return 'standfirst';
  return 'paragraph';
}

/** "Updated: December 05, 2023, 2:15 PM" → the label as text, the date as a code a build can re-format. */
function timestampContent(raw: string, lang: string): Content {
  const labelled = LABELLED.exec(raw);
  const dateText = labelled?.[2] ?? raw;
  const parsed = parseDateTime(dateText, lang);
  const at = raw.lastIndexOf(dateText);
  if (!parsed || at < 0) return protect(raw);
  const runs: Run[] = [];
  if (at > 0) runs.push(raw.slice(0, at));
  runs.push({
    code: 'standalone',
    id: '1',
    type: 'date',
    data: dateText,
    value: parsed.hasTime ? parsed.iso : parsed.iso,
  });
  if (at + dateText.length < raw.length) runs.push(raw.slice(at + dateText.length));
  return runs;
}

const ROLE_NOTES: Readonly<Record<Role, string>> = {
  headline: 'Headline: keep it short and punchy.',
  standfirst: 'Standfirst: the summary under the headline.',
  caption: 'Photo caption.',
  credit: 'Photo credit: usually an agency name; keep it unless the publication has a local form.',
  boilerplate: 'Site boilerplate shown with the article.',
  'related-link': 'Link to a related story.',
  paragraph: 'Body text.',
  timestamp: 'Timestamp: the date is a placeholder and is formatted for the target locale at build time.',
  message: 'App string.',
};

const ROLE_NOTE_LISTS = Object.fromEntries(Object.entries(ROLE_NOTES).map(([role, note]) => [role, [note]])) as Record<
  Role,
  string[]
>;

interface Draft {
  readonly id: string;
  readonly source: Content;
  readonly raw: string;
  readonly role: Role;
  readonly block: number;
  readonly sentence: number;
}

/** Units with their neighbours' text as context, built in one pass (this runs for every sentence of large corpora). */
function finishUnits(drafts: readonly Draft[]): Unit[] {
  const units: Unit[] = new Array<Unit>(drafts.length);
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    const previous = i > 0 ? drafts[i - 1]!.raw : undefined;
    const next = i + 1 < drafts.length ? drafts[i + 1]!.raw : undefined;
    const context =
      previous !== undefined && next !== undefined
        ? { role: d.role, block: d.block, sentence: d.sentence, previous, next }
        : previous !== undefined
          ? { role: d.role, block: d.block, sentence: d.sentence, previous }
          : next !== undefined
            ? { role: d.role, block: d.block, sentence: d.sentence, next }
            : { role: d.role, block: d.block, sentence: d.sentence };
    units[i] = { id: d.id, source: d.source, context, notes: ROLE_NOTE_LISTS[d.role] };
  }
  return units;
}

/** Groups of consecutive non-blank lines, with offsets (line ends exclude the newline). */
function nonBlankLineGroups(text: string): Line[][] {
  const groups: Line[][] = [];
  let current: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = text.length;
    const end = nl > start && text.charAt(nl - 1) === '\r' ? nl - 1 : nl;
    if (text.slice(start, end).trim() === '') {
      if (current.length) groups.push(current);
      current = [];
    } else current.push({ start, end });
    start = nl + 1;
  }
  if (current.length) groups.push(current);
  return groups;
}

/** Writes the document back: skeleton verbatim, each unit rendered by `render`. */
export function writeTextArticle(doc: Document, render: Render): string {
  return writeSkeleton(doc, render, (text) => text);
}

/** Plain-text articles; boilerplate lines and related-link labels are the project's to tune ("text" section). */
export const textFormat = formatPlugin({
  settings: TEXT_ARTICLE_SETTINGS,
  read: (text, meta, settings) =>
    readTextArticle(text, meta, {
      boilerplate: settings.boilerplate.map((p) => new RegExp(p, 'iu')),
      relatedLabels: settings.relatedLabels,
    }),
  write: writeTextArticle,
});

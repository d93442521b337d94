import type { Content, Run } from '../model/content.js';
import type { Block, Document, SkeletonPart } from '../model/document.js';
import { writeSkeleton, type Render } from './skeleton.js';
import { formatPlugin } from './format.js';
import type { SettingsOf } from '../settings.js';
import { DEFAULT_BOILERPLATE, DEFAULT_RELATED, TEXT_ARTICLE_SETTINGS } from './settings.js';
import { UnitIdAllocator } from '../model/ids.js';
import type { Role, Unit } from '../model/unit.js';
import { parseDateTime } from '../locale/dates.js';
import { protect } from '../protect/protect.js';
import { segmentSpans, type SegmentOptions } from '../segment/segmenter.js';
import { isSpace } from '../segment/space.js';

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
// What may set a credit off (two spaces, or a bar between spaces): CREDIT is tried only where this is found. The
// shared first space written once: most lines have single spaces only, and each is then tried once, not twice.
const MAY_CREDIT = /\s(?:\s|\|\s)/u;
// A hard-wrapped line going on in lower case; a caption's end; a year (a line worth parsing as a date).
const LOWER_START = /^\p{Ll}/u;
const CAPTION_END = /[.!?"”’)]$/u;
const YEAR = /\d{4}/u;
// A piece's lines are one paragraph: its line breaks are spaces (one options object for every piece).
const HARD_WRAPPED: SegmentOptions = { lineBreaks: 'space' };

interface Line {
  readonly start: number;
  readonly end: number;
}

/** A group of consecutive non-blank lines: its text, where it starts in the document, its lines (document positions). */
interface LineGroup {
  readonly text: string;
  readonly at: number;
  readonly lines: readonly Line[];
}

interface Piece {
  role: Role;
  start: number;
  end: number;
}

/** A sentence (or a whole line) that becomes a unit, where the document has it. */
interface Draft {
  readonly id: string;
  readonly source: Content;
  readonly raw: string;
  readonly role: Role;
  readonly block: number;
  readonly sentence: number;
  readonly start: number;
  readonly end: number;
}

/**
 * The article read as its text arrives: `push` takes the next piece of the document (cut anywhere) and returns
 * the units completed so far, `end` the rest. A unit waits only for its next neighbour (its context), so a
 * document of any size is read with one group of lines and one unit held.
 */
export class TextArticleReader {
  private readonly boilerplate: readonly RegExp[];
  private readonly related: ReadonlySet<string>;
  private readonly ids = new UnitIdAllocator();
  /** Text not yet cut into line groups, starting at a line start (`bufferAt` in the document). */
  private buffer = '';
  private bufferAt = 0;
  /** How far into the buffer lines were looked at; the open group's first line and end. */
  private scanned = 0;
  private groupStart = -1;
  private groupEnd = 0;
  private groupLines: Line[] = [];
  private groups = 0;
  private pieces = 0;
  private last: Draft | undefined;
  private beforeLast: string | undefined;

  constructor(
    private readonly meta: { readonly id: string; readonly path: string; readonly sourceLang: string },
    options: TextArticleOptions = {},
    /** Told of every block (a piece of one role) and every unit's place, for the skeleton. */
    private readonly layout?: { block(role: Role): void; unit(draft: Draft): void },
  ) {
    this.boilerplate = options.boilerplate ?? DEFAULT_BOILERPLATE;
    this.related = relatedSet(options.relatedLabels ?? DEFAULT_RELATED);
  }

  push(text: string): Unit[] {
    const units: Unit[] = [];
    this.buffer += text;
    let nl: number;
    while ((nl = this.buffer.indexOf('\n', this.scanned)) >= 0) {
      this.line(this.scanned, nl, units);
      this.scanned = nl + 1;
    }
    if (this.groupStart < 0) this.drop(this.scanned);
    else if (this.groupStart > 0) this.drop(this.groupStart);
    return units;
  }

  end(): Unit[] {
    const units: Unit[] = [];
    this.line(this.scanned, this.buffer.length, units); // the last line, newline or not
    this.closeGroup(units);
    if (this.last) units.push(this.unit(this.last, undefined));
    this.last = undefined;
    return units;
  }

  /** Forgets the buffer before `at` (nothing before it is needed again). */
  private drop(at: number): void {
    if (at === 0) return;
    this.buffer = this.buffer.slice(at);
    this.bufferAt += at;
    this.scanned -= at;
    if (this.groupStart >= 0) {
      this.groupStart -= at;
      this.groupEnd -= at;
    }
  }

  /** One line of the buffer, from `start` to the newline at `nl` (a carriage return before it is not the line's). */
  private line(start: number, nl: number, units: Unit[]): void {
    const buffer = this.buffer;
    const end = nl > start && buffer.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    // Blank (nothing String#trim would keep), told without making the line's string.
    let visible = start;
    while (visible < end && isSpace(buffer.charCodeAt(visible))) visible++;
    if (visible === end) {
      this.closeGroup(units);
      return;
    }
    if (this.groupStart < 0) {
      this.groupStart = start;
      this.groupLines = [];
    }
    // Where the document has it: the buffer's start moves as it is read, the document's positions do not.
    this.groupLines.push({ start: this.bufferAt + start, end: this.bufferAt + end });
    this.groupEnd = end;
  }

  private closeGroup(units: Unit[]): void {
    if (this.groupStart < 0) return;
    const from = this.groupStart;
    const group: LineGroup = {
      text: this.buffer.slice(from, this.groupEnd),
      at: this.bufferAt + from,
      lines: this.groupLines,
    };
    this.groupStart = -1;
    this.groupLines = [];
    for (const piece of this.piecesOf(group, this.groups++)) this.cut(group, piece, units);
  }

  /** A group's lines as pieces: each line given a role, wrapped lines joined, captions split from credits. */
  private piecesOf(group: LineGroup, blockIndex: number): Piece[] {
    const { text, at, lines } = group;
    const pieces: Piece[] = [];
    let paragraph: Piece | null = null;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      // The line's bounds without the white space String#trim removes (no trimmed copies made to measure them).
      let start = line.start - at;
      let end = line.end - at;
      while (start < end && isSpace(text.charCodeAt(start))) start++;
      while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
      const content = text.slice(start, end);
      const role = lineRole(content, blockIndex, lines.length, this.meta.sourceLang, this.boilerplate, this.related);
      if (role === 'paragraph' && paragraph && LOWER_START.test(content)) {
        paragraph.end = end; // a hard-wrapped line continues the paragraph
        continue;
      }
      const credit =
        (role === 'paragraph' || role === 'caption') && MAY_CREDIT.test(content) ? CREDIT.exec(content) : null;
      if (
        credit &&
        credit[1] !== undefined &&
        credit[2] !== undefined &&
        credit[3] !== undefined &&
        CAPTION_END.test(credit[1])
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
    return pieces;
  }

  /** A piece cut into sentences (running text) or kept whole, each a unit once its next neighbour is known. */
  private cut(group: LineGroup, piece: Piece, units: Unit[]): void {
    const block = ++this.pieces;
    this.layout?.block(piece.role);
    if (piece.role === 'paragraph' || piece.role === 'caption' || piece.role === 'standfirst') {
      const { start } = piece;
      const spans = segmentSpans(group.text.slice(start, piece.end), this.meta.sourceLang, HARD_WRAPPED);
      for (let i = 0; i < spans.length; i++)
        this.sentence(group, piece.role, block, i + 1, start + spans[i]!.start, start + spans[i]!.end, units);
    } else this.sentence(group, piece.role, block, 1, piece.start, piece.end, units);
  }

  /** One sentence of a piece (from `start` to `end` in its group) as a draft; the one before it becomes a unit. */
  private sentence(
    group: LineGroup,
    role: Role,
    block: number,
    sentence: number,
    start: number,
    end: number,
    units: Unit[],
  ): void {
    const raw = group.text.slice(start, end);
    const source = role === 'timestamp' ? timestampContent(raw, this.meta.sourceLang) : protect(raw);
    const draft: Draft = {
      id: this.ids.next(raw),
      source,
      raw,
      role,
      block,
      sentence,
      start: group.at + start,
      end: group.at + end,
    };
    this.layout?.unit(draft);
    if (this.last) units.push(this.unit(this.last, raw));
    this.beforeLast = this.last?.raw;
    this.last = draft;
  }

  /** The unit of the draft waiting, its neighbours' text as context. */
  private unit(d: Draft, next: string | undefined): Unit {
    const previous = this.beforeLast;
    const context =
      previous !== undefined && next !== undefined
        ? { role: d.role, block: d.block, sentence: d.sentence, previous, next }
        : previous !== undefined
          ? { role: d.role, block: d.block, sentence: d.sentence, previous }
          : next !== undefined
            ? { role: d.role, block: d.block, sentence: d.sentence, next }
            : { role: d.role, block: d.block, sentence: d.sentence };
    return { id: d.id, source: d.source, context, notes: ROLE_NOTE_LISTS[d.role] };
  }
}

/** The related-link labels in lower case, made once per list (a reader is made for each document of a run). */
const relatedSets = new WeakMap<readonly string[], ReadonlySet<string>>();

function relatedSet(labels: readonly string[]): ReadonlySet<string> {
  let set = relatedSets.get(labels);
  if (!set) relatedSets.set(labels, (set = new Set(labels.map((l) => l.toLowerCase()))));
  return set;
}

export function readTextArticle(
  text: string,
  meta: { id: string; path: string; sourceLang: string },
  options: TextArticleOptions = {},
): Document {
  const docBlocks: Block[] = [];
  const skeleton: SkeletonPart[] = [];
  let written = 0;
  let blockUnits: string[] = [];
  const reader = new TextArticleReader(meta, options, {
    block: (role) => docBlocks.push({ role, translate: true, units: (blockUnits = []) }),
    unit: (draft) => {
      if (draft.start > written) skeleton.push(text.slice(written, draft.start));
      skeleton.push({ unit: draft.id });
      written = draft.end;
      blockUnits.push(draft.id);
    },
  });
  const units = [...reader.push(text), ...reader.end()];
  if (written < text.length) skeleton.push(text.slice(written));
  return {
    id: meta.id,
    path: meta.path,
    sourceLang: meta.sourceLang,
    format: 'text',
    blocks: docBlocks,
    units,
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
  // A label needs its colon: most lines have none, and the pattern is costly to try on each.
  const labelled = content.length < 120 && content.includes(':') ? LABELLED.exec(content) : null;
  // A timestamp is a short line with a four-digit year; only such lines are worth parsing as dates.
  if (content.length < 120 && YEAR.test(content)) {
    if (labelled && labelled[2] !== undefined && parseDateTime(labelled[2], lang)) return 'timestamp';
    if (parseDateTime(content, lang)) return 'timestamp';
  }
  if (matchesAny(boilerplate, content)) return 'boilerplate';
  if (labelled && labelled[1] !== undefined && related.has(labelled[1].toLowerCase().trim())) return 'related-link';
  if (blockIndex === 0 && linesInBlock === 1) return 'headline';
  if (blockIndex === 1 && linesInBlock === 1 && !CREDIT.test(content)) return 'standfirst';
  return 'paragraph';
}

function matchesAny(patterns: readonly RegExp[], text: string): boolean {
  for (let i = 0; i < patterns.length; i++) if (patterns[i]!.test(text)) return true;
  return false;
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

/** Writes the document back: skeleton verbatim, each unit rendered by `render`. */
export function writeTextArticle(doc: Document, render: Render): string {
  return writeSkeleton(doc, render, (text) => text);
}

/** Plain-text articles; boilerplate lines and related-link labels are the project's to tune ("text" section). */
export const textFormat = formatPlugin({
  settings: TEXT_ARTICLE_SETTINGS,
  read: (text, meta, settings) => readTextArticle(text, meta, optionsOf(settings)),
  unitReader: (meta, settings) => new TextArticleReader(meta, optionsOf(settings)),
  write: writeTextArticle,
});

/** The options of a format's settings, made once per settings (the patterns compiled once per run, not per document). */
const optionsMade = new WeakMap<SettingsOf<typeof TEXT_ARTICLE_SETTINGS>, TextArticleOptions>();

function optionsOf(settings: SettingsOf<typeof TEXT_ARTICLE_SETTINGS>): TextArticleOptions {
  let options = optionsMade.get(settings);
  if (!options) {
    // Neither global nor sticky: a pattern keeps no state between the lines it is tried on.
    options = {
      boilerplate: settings.boilerplate.map((p) => new RegExp(p, 'iu')),
      relatedLabels: settings.relatedLabels,
    };
    optionsMade.set(settings, options);
  }
  return options;
}

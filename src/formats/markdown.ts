import type { Nodes, Parent, PhrasingContent, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { isMap, isScalar, parseDocument } from 'yaml';
import type { InlineCode, Run } from '../model/content.js';
import type { Document } from '../model/document.js';
import { documentFromSpans, writeSkeleton, type Render } from './skeleton.js';
import { formatPlugin } from './format.js';
import { MARKDOWN_SETTINGS } from './settings.js';
import { MAX_EMPHASIS_MARKERS, MAX_MARKDOWN_CONTAINERS, MAX_NESTING, tooDeep } from '../io/limits.js';
import { LocflowError } from '../errors.js';

/**
 * CommonMark (with GFM tables and YAML front matter), parsed by mdast-util-from-markdown
 * with source offsets. Headings, paragraphs and table cells are units; emphasis, links
 * and inline code are inline codes (a link's text and title are translatable, its URL is
 * not; an image's alt text is translatable); code blocks and HTML blocks are skeleton.
 * Front matter values are translatable for the keys named in the configuration.
 */
export interface MarkdownOptions {
  readonly frontMatter: readonly string[];
}

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

const startOf = (n: Nodes): number => n.position!.start.offset!;
const endOf = (n: Nodes): number => n.position!.end.offset!;

export function readMarkdown(
  text: string,
  meta: { id: string; path: string; sourceLang: string },
  options: MarkdownOptions,
): Document {
  refuseDeepContainers(text, meta.path);
  refuseEmphasisFloods(text, meta.path);
  const tree: Root = fromMarkdown(text, {
    extensions: [frontmatter(['yaml']), gfmTable()],
    mdastExtensions: [frontmatterFromMarkdown(['yaml']), gfmTableFromMarkdown()],
  });
  const spans: Array<{ start: number; end: number; content: Run[]; role: string }> = [];

  const visit = (node: Nodes): void => {
    if (node.type === 'yaml') {
      spans.push(...frontMatterSpans(text, node, options.frontMatter));
      return;
    }
    if (BLOCKS.has(node.type)) {
      const kids = (node as Parent).children as PhrasingContent[];
      if (kids.length && text.slice(startOf(kids[0]!), endOf(kids[kids.length - 1]!)).trim() !== '') {
        spans.push({
          start: startOf(kids[0]!),
          end: endOf(kids[kids.length - 1]!),
          content: phrasing(text, kids),
          role: node.type === 'heading' ? 'headline' : 'paragraph',
        });
      }
      return;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  refuseDeepTree(tree, meta.path);
  visit(tree);

  return documentFromSpans(
    text,
    meta,
    'markdown',
    spans.map((s) => ({
      ...s,
      role: s.role === 'headline' ? 'headline' : 'paragraph',
      note: s.role === 'front-matter' ? 'Front matter value.' : s.role === 'headline' ? 'Heading.' : 'Text block.',
    })),
  );
}

/**
 * Lists and block quotes nested deeper than MAX_MARKDOWN_CONTAINERS, told from each line's start
 * (its indentation and its run of ">", "-", "*", "+", "1." markers), are refused before parsing: the
 * parser's time grows with the cube of their depth. Thematic breaks ("- - -") are not lists.
 */
function refuseDeepContainers(text: string, file: string): void {
  let line = 0;
  for (const raw of text.split('\n')) {
    line++;
    if (raw.length < MAX_MARKDOWN_CONTAINERS || /^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/u.test(raw)) continue;
    const indent = /^[ \t]*/u.exec(raw)![0];
    let rest = raw.slice(indent.length);
    let depth = 0;
    // Each level of a nested list is indented by two columns at least.
    const indented = Math.floor(indent.replace(/\t/gu, '    ').length / 2);
    for (let m = CONTAINER.exec(rest); m && m[0].length; m = CONTAINER.exec(rest)) {
      if (++depth + indented > MAX_MARKDOWN_CONTAINERS)
        throw tooDeep(file, 'Markdown lists and block quotes', MAX_MARKDOWN_CONTAINERS, { line });
      rest = rest.slice(m[0].length);
    }
  }
}
const CONTAINER = /^(?:>[ \t]*|(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$))/u;

/**
 * A paragraph (or heading, list item, table row: a line that starts one ends the last) with more
 * than MAX_EMPHASIS_MARKERS runs of "*" or "_" is refused before parsing, with its line: the
 * parser's time grows with the square of their number.
 */
function refuseEmphasisFloods(text: string, file: string): void {
  let runs = 0;
  let start = 1;
  let line = 0;
  for (const raw of text.split('\n')) {
    line++;
    if (raw.trim() === '') [runs, start] = [0, line + 1];
    else if (/^[ \t]*(?:[>#|]|[-+*][ \t]|\d{1,9}[.)][ \t])/u.test(raw)) [runs, start] = [0, line];
    const found = raw.match(/\*+|_+/gu);
    if (!found) continue;
    runs += found.length;
    if (runs > MAX_EMPHASIS_MARKERS)
      throw new LocflowError(
        `the paragraph that starts on line ${start} has more than ${MAX_EMPHASIS_MARKERS} runs of "*" or "_"; locflow refuses it rather than parse it for minutes`,
        {
          file,
          line,
          hint: 'split the paragraph with blank lines, or put the text in a code block (indented or between ``` lines)',
        },
      );
  }
}

/** Any other nesting (emphasis in emphasis…) deeper than MAX_NESTING is refused before the recursive walks. */
function refuseDeepTree(tree: Root, file: string): void {
  const stack: Array<[Nodes, number]> = [[tree, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_NESTING)
      throw tooDeep(file, 'Markdown elements', MAX_NESTING, { line: node.position?.start.line ?? 1 });
    if ('children' in node) for (const child of node.children as Nodes[]) stack.push([child, depth + 1]);
  }
}

/** Phrasing content → runs: text as written; markup around it as inline codes. */
function phrasing(text: string, nodes: readonly PhrasingContent[]): Run[] {
  const runs: Run[] = [];
  let id = 0;
  const code = (kind: InlineCode['code'], from: number, to: number, type: InlineCode['type'], pair?: string): void => {
    if (to > from) runs.push({ code: kind, id: pair ?? String(++id), type, data: text.slice(from, to) });
  };
  const walk = (list: readonly PhrasingContent[], from: number, to: number): void => {
    let at = from;
    for (const n of list) {
      if (startOf(n) > at) runs.push(text.slice(at, startOf(n)));
      const s = startOf(n);
      const e = endOf(n);
      if (n.type === 'text') runs.push(text.slice(s, e));
      else if (
        (n.type === 'emphasis' ||
          n.type === 'strong' ||
          n.type === 'delete' ||
          n.type === 'link' ||
          n.type === 'linkReference') &&
        n.children.length
      ) {
        const first = startOf(n.children[0]!);
        const last = endOf(n.children[n.children.length - 1]!);
        const pair = String(++id);
        code('open', s, first, n.type === 'link' || n.type === 'linkReference' ? 'link' : 'tag', pair);
        walk(n.children, first, last);
        const title = n.type === 'link' ? n.title : null;
        const titleAt = title ? text.lastIndexOf(title, e) : -1;
        if (title && titleAt > last) {
          // The title is words: "](url "Title")" → code, title, code.
          code('standalone', last, titleAt, 'link');
          runs.push(text.slice(titleAt, titleAt + title.length));
          code('close', titleAt + title.length, e, 'link', pair);
        } else code('close', last, e, n.type === 'link' || n.type === 'linkReference' ? 'link' : 'tag', pair);
      } else if (n.type === 'image' && n.alt) {
        const altAt = text.indexOf(n.alt, s + 2);
        if (altAt > s && altAt + n.alt.length <= e) {
          code('standalone', s, altAt, 'tag');
          runs.push(text.slice(altAt, altAt + n.alt.length));
          code('standalone', altAt + n.alt.length, e, 'tag');
        } else code('standalone', s, e, 'tag');
      } else code('standalone', s, e, n.type === 'inlineCode' ? 'placeholder' : 'tag'); // inline code, HTML, breaks
      at = e;
    }
    if (to > at) runs.push(text.slice(at, to));
  };
  walk(nodes, startOf(nodes[0]!), endOf(nodes[nodes.length - 1]!));
  return runs;
}

/**
 * Values of the YAML front matter for the keys to translate, located with the `yaml` parser:
 * plain and quoted single-line scalars (the words between the quotes); block scalars and
 * non-string values are left alone.
 */
function frontMatterSpans(
  text: string,
  node: Nodes,
  keys: readonly string[],
): Array<{ start: number; end: number; content: Run[]; role: string }> {
  const out: Array<{ start: number; end: number; content: Run[]; role: string }> = [];
  const value = (node as { value: string }).value;
  const offset = text.indexOf(value, startOf(node)); // the YAML between the --- fences
  const doc = parseDocument(value);
  if (!isMap(doc.contents)) return out;
  for (const pair of doc.contents.items) {
    if (
      !isScalar(pair.key) ||
      !keys.includes(String(pair.key.value)) ||
      !isScalar(pair.value) ||
      typeof pair.value.value !== 'string'
    )
      continue;
    const scalar = pair.value;
    if (!scalar.range || !['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'].includes(String(scalar.type))) continue;
    const quoted = scalar.type !== 'PLAIN' ? 1 : 0;
    const start = offset + scalar.range[0] + quoted;
    const end = offset + scalar.range[1] - quoted;
    if (end <= start || text.slice(start, end).includes('\n')) continue;
    out.push({ start, end, content: [text.slice(start, end)], role: 'front-matter' });
  }
  return out;
}

/**
 * New words for Markdown: "<", "[", "]" and "|" not already escaped get a backslash, so a translation
 * can bring no raw HTML, autolink, link, image or table cell the source did not have (those are the
 * source's codes, never words); the characters still read as themselves. A backslash the translator
 * wrote before one of them is kept as an escape of its own.
 */
export function escapeMarkdownText(text: string): string {
  return text.replace(/(\\*)([<[\]|])/gu, (_m, slashes: string, c: string) =>
    slashes.length % 2 === 0 ? `${slashes}\\${c}` : `${slashes}${c}`,
  );
}

/**
 * New words for a YAML front matter value, by the scalar's style, so a translation cannot end the
 * value and add keys of its own: in double quotes an unescaped '"', a line break or a stray
 * backslash is escaped; in single quotes a lone "'" is doubled and a line break becomes a space; a
 * plain value that plain YAML cannot hold (": ", " #", a leading indicator, a line break) is
 * written double-quoted instead. Escapes the translator kept from the source stay as they are.
 */
export function escapeYamlScalar(text: string, style: '"' | "'" | ''): string {
  if (style === "'") return text.replace(/''|'/gu, "''").replace(/\r?\n/gu, ' ');
  if (style === '"') {
    return text
      .replace(/\\(?:[0abtnvfre "/\\N_LP\t]|x[\da-fA-F]{2}|u[\da-fA-F]{4}|U[\da-fA-F]{8})|\\|"|\r?\n|\t/gu, (m) =>
        m.length > 1 && m.startsWith('\\') ? m : m === '\\' ? '\\\\' : m === '"' ? '\\"' : m === '\t' ? '\\t' : '\\n',
      )

      .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/gu, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  }
  // A plain value must also stay a string: "true", "null", "12" would not.
  const plainSafe =
    text.trim() === text &&
    text !== '' &&
    !/^[-?:,[\]{}#&*!|>'"%@`+.\d~]/u.test(text) &&
    !/: |:$| #|[\r\n\t]/u.test(text) &&
    !/^(?:true|false|null|yes|no|on|off|y|n)$/iu.test(text);
  return plainSafe ? text : JSON.stringify(text);
}

export function writeMarkdown(doc: Document, render: Render): string {
  // Front matter values are YAML: escaped for their scalar's style (told by the character before them), not for Markdown.
  const yamlStyle = new Map<string, '"' | "'" | ''>();
  const fm = new Set(doc.units.filter((u) => u.notes[0] === 'Front matter value.').map((u) => u.id));
  doc.skeleton.forEach((part, i) => {
    if (typeof part === 'string' || !('unit' in part) || !fm.has(part.unit)) return;
    const before = doc.skeleton[i - 1];
    const q = typeof before === 'string' ? before.slice(-1) : '';
    yamlStyle.set(part.unit, q === '"' || q === "'" ? q : '');
  });
  return writeSkeleton(
    doc,
    (unit, escape) => {
      if (!escape) return render(unit);
      const style = yamlStyle.get(unit.id);
      return style === undefined ? render(unit, escape) : render(unit, (t) => escapeYamlScalar(t, style));
    },
    escapeMarkdownText,
  );
}

/** Markdown; the front matter keys whose values are translated are the project's to choose ("text.frontMatter"). */
export const markdownFormat = formatPlugin({
  settings: MARKDOWN_SETTINGS,
  read: (text, meta, settings) => readMarkdown(text, meta, { frontMatter: settings.frontMatter }),
  write: writeMarkdown,
});

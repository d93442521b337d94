import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { LocflowError } from '../errors.js';
import { MAX_NESTING, tooDeep } from '../io/limits.js';

/**
 * JSON with source positions (jsonc-parser, strict JSON: no comments, no
 * trailing commas). Every string value is found with its key path and the
 * exact span of its literal, so a writer can put translations back in place.
 */
export interface JsonString {
  readonly path: readonly string[];
  readonly value: string;
  /** Offsets of the literal's content, without the quotes. */
  readonly start: number;
  readonly end: number;
  /** The property node's parent object, for grouping siblings (plural forms). */
  readonly parent: Node | undefined;
  /** The whole "key": "value" member, and where its neighbours end and begin (for removing it cleanly). */
  readonly member?: {
    readonly start: number;
    readonly end: number;
    readonly previousEnd?: number;
    readonly nextStart?: number;
  };
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}

/** The offset where objects and arrays first nest deeper than `limit`, outside strings; -1 when they never do. */
export function tooDeepAt(text: string, limit: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: the next character is escaped
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > limit) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return -1;
}

export function parseJsonStrings(text: string, file: string): { root: Node; strings: JsonString[] } {
  // The parser and the walk below recurse once a level: a file nested deeper is refused before either runs.
  const deep = tooDeepAt(text, MAX_NESTING);
  if (deep >= 0) throw tooDeep(file, 'JSON objects and arrays', MAX_NESTING, lineColumn(text, deep));
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length || !root) {
    const e = errors[0];
    const at = lineColumn(text, e?.offset ?? 0);
    throw new LocflowError(`invalid JSON: ${e ? printParseErrorCode(e.error) : 'empty file'}`, {
      file,
      ...at,
      hint: 'fix the JSON; nothing was read from this file',
    });
  }
  if (root.type !== 'object')
    throw new LocflowError('expected a JSON object of messages at the top level', {
      file,
      ...lineColumn(text, root.offset),
    });
  const strings: JsonString[] = [];
  const walk = (node: Node, path: string[], member?: JsonString['member']): void => {
    if (node.type === 'object') {
      const props = node.children ?? [];
      props.forEach((prop, i) => {
        const [key, value] = prop.children ?? [];
        const prev = props[i - 1];
        const next = props[i + 1];
        if (key && value) {
          walk(value, [...path, String(key.value)], {
            start: prop.offset,
            end: prop.offset + prop.length,
            ...(prev ? { previousEnd: prev.offset + prev.length } : {}),
            ...(next ? { nextStart: next.offset } : {}),
          });
        }
      });
    } else if (node.type === 'array') {
      (node.children ?? []).forEach((child, i) => walk(child, [...path, String(i)]));
    } else if (node.type === 'string') {
      // "\udc00" is valid JSON but no character: no file locflow writes (XLIFF, bundles, builds) could hold it.
      if (/\p{Cs}/u.test(String(node.value)))
        throw new LocflowError(
          'a string holds a lone surrogate escape (\\uD800–\\uDFFF without its pair), which is no character',
          {
            file,
            ...lineColumn(text, node.offset),
            hint: 'write the character itself, or both halves of its surrogate pair; nothing was read from this file',
          },
        );
      strings.push({
        path,
        value: String(node.value),
        start: node.offset + 1,
        end: node.offset + node.length - 1,
        parent: node.parent?.parent,
        ...(member ? { member } : {}),
      });
    }
  };
  walk(root, []);
  return { root, strings };
}

/** A string's JSON literal content: escaped, without quotes. */
export function jsonEscape(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

import { isUtf8 } from 'node:buffer';

/**
 * The members of a JSON text's top-level "docs" object, found without building them: each member's value is
 * parsed when asked. A language export record holds every document's unit ids; parsed whole it is ≈ 3.5× its
 * size in live objects for the whole run (50 MB for 37,000 documents), when a command needs one document's
 * record at a time. Here the run keeps where each member lies (two numbers a document) and reads a member's text when
 * asked: from the file (`read`, so that the file's bytes need not be held either) or from the bytes indexed.
 */
export class DocsIndex {
  private constructor(
    private readonly read: (start: number, end: number) => string,
    private readonly members: MemberNames,
    private readonly bounds: Uint32Array,
  ) {}

  /**
   * The index of `bytes`, or undefined when they are not UTF-8 JSON (no BOM) of an object whose last "docs"
   * member is an object: such text is for JSON.parse to judge and read whole. `read` gives the text of bytes
   * [start, end) later (the same bytes, read again from where they came from); by default the index keeps `bytes`.
   */
  static of(bytes: Buffer, read?: (start: number, end: number) => string): DocsIndex | undefined {
    if (bytes[0] !== OPEN_BRACE || !isUtf8(bytes)) return undefined;
    let members: MemberNames | undefined;
    let bounds: number[] = [];
    const end = afterMembers(bytes, 0, (keyStart, keyEnd, valueStart) => {
      if (keyText(bytes, keyStart, keyEnd) !== 'docs') return afterValue(bytes, valueStart);
      // The last "docs" counts, as for JSON.parse.
      members = undefined;
      bounds = [];
      if (bytes[valueStart] !== OPEN_BRACE) return afterValue(bytes, valueStart);
      const names: string[] = [];
      const after = afterMembers(bytes, valueStart, (start, stop, value) => {
        const valueEnd = afterValue(bytes, value);
        names.push(keyText(bytes, start, stop));
        bounds.push(value, valueEnd);
        return valueEnd;
      });
      members = new MemberNames(names);
      return after;
    });
    if (end < 0 || space(bytes, end) !== bytes.length || members === undefined) return undefined;
    return new DocsIndex(read ?? textOf(bytes), members, Uint32Array.from(bounds));
  }

  /** The document's member parsed (any JSON value); undefined when "docs" has no such member. */
  get(id: string): unknown {
    const member = this.members.find(id);
    if (member < 0) return undefined;
    return JSON.parse(this.read(this.bounds[2 * member]!, this.bounds[2 * member + 1]!)) as unknown;
  }
}

/**
 * The members' names, found by name: one string of them all (exact for any name, a lone surrogate too) and a hash
 * table of member numbers (a repeated name finds its last member, as for JSON.parse). A run over 37,000 documents
 * keeps ≈ 35 bytes a document here, where a Map of strings keeps ≈ 80.
 */
class MemberNames {
  private readonly text: string;
  /** Where each member's name ends in `text` (it starts where the one before ends). */
  private readonly ends: Uint32Array;
  /** Member number + 1 by hash slot; 0: an empty slot. */
  private readonly slots: Int32Array;

  constructor(names: readonly string[]) {
    this.text = names.join('');
    this.ends = new Uint32Array(names.length);
    let at = 0;
    names.forEach((name, i) => (this.ends[i] = at += name.length));
    // (at most 4 slots in 5 taken)
    let size = 8;
    while (size * 4 < names.length * 5) size *= 2;
    this.slots = new Int32Array(size);
    names.forEach((name, i) => (this.slots[this.slotOf(name)] = i + 1)); // a repeated name: the last member
  }

  /** The member named `id`, or -1. */
  find(id: string): number {
    return this.slots[this.slotOf(id)]! - 1;
  }

  /** The slot of `name`: its member's, else the empty one where it would go (open addressing, linear probing). */
  private slotOf(name: string): number {
    const mask = this.slots.length - 1;
    for (let slot = hash(name) & mask; ; slot = (slot + 1) & mask) {
      const member = this.slots[slot]!;
      if (member === 0 || this.named(member - 1, name)) return slot;
    }
  }

  private named(member: number, name: string): boolean {
    const start = member === 0 ? 0 : this.ends[member - 1]!;
    return this.ends[member]! - start === name.length && this.text.startsWith(name, start);
  }
}

/** FNV-1a of the string's code units. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Text of the bytes themselves (a function of its own: the index then holds them, and nothing else of `of`). */
function textOf(bytes: Buffer): (start: number, end: number) => string {
  return (start, end) => bytes.toString('utf8', start, end);
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;

/** The text of the member name b[start, end) (quotes included). */
function keyText(b: Buffer, start: number, end: number): string {
  for (let at = start + 1; at < end; at++)
    if (b[at] === BACKSLASH) return JSON.parse(b.toString('utf8', start, end)) as string;
  return b.toString('utf8', start + 1, end - 1);
}

function space(b: Buffer, i: number): number {
  let at = i;
  for (;;) {
    const c = b[at];
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return at;
    at++;
  }
}

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 0x30 && c <= 0x39;
}

function isHex(c: number | undefined): boolean {
  return c !== undefined && (isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66));
}

/** Where the string starting at b[i] (a quote) ends, after its closing quote; -1 when it is not JSON. */
function afterString(b: Buffer, i: number): number {
  let at = i + 1;
  while (at < b.length) {
    const c = b[at];
    if (c === QUOTE) return at + 1;
    if (c < 0x20) return -1;
    if (c !== BACKSLASH) {
      at++;
      continue;
    }
    const e = b[at + 1];
    if (e === 0x75) {
      if (!(isHex(b[at + 2]) && isHex(b[at + 3]) && isHex(b[at + 4]) && isHex(b[at + 5]))) return -1;
      at += 6;
    } else if (e !== undefined && '"\\/bfnrt'.includes(String.fromCharCode(e))) at += 2;
    else return -1;
  }
  return -1;
}

/** After a number, true, false or null starting at b[i]; -1 when there is none. */
function afterScalar(b: Buffer, i: number): number {
  for (const word of ['true', 'false', 'null'])
    if (b.toString('latin1', i, i + word.length) === word) return i + word.length;
  let at = b[i] === 0x2d ? i + 1 : i;
  if (b[at] === 0x30) at++;
  else if (isDigit(b[at])) while (isDigit(b[at])) at++;
  else return -1;
  if (b[at] === 0x2e) {
    if (!isDigit(b[++at])) return -1;
    while (isDigit(b[at])) at++;
  }
  if (b[at] === 0x65 || b[at] === 0x45) {
    at++;
    if (b[at] === 0x2b || b[at] === 0x2d) at++;
    if (!isDigit(b[at])) return -1;
    while (isDigit(b[at])) at++;
  }
  return at;
}

/** After `"name" :` starting at b[i] (space skipped); -1 when there is none. */
function afterName(b: Buffer, i: number): number {
  const at = space(b, i);
  if (b[at] !== QUOTE) return -1;
  const end = afterString(b, at);
  if (end < 0) return -1;
  const colon = space(b, end);
  return b[colon] === COLON ? colon + 1 : -1;
}

/** Where the JSON value at or after b[i] ends; -1 when it is not JSON. Nested values on a stack, not by recursion. */
function afterValue(b: Buffer, i: number): number {
  const closers: number[] = [];
  let at = i;
  for (;;) {
    at = space(b, at);
    const c = b[at];
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      const close = c === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET;
      const inner = space(b, at + 1);
      if (b[inner] === close) at = inner + 1;
      else {
        closers.push(close);
        at = close === CLOSE_BRACE ? afterName(b, inner) : inner;
        if (at < 0) return -1;
        continue;
      }
    } else at = c === QUOTE ? afterString(b, at) : afterScalar(b, at);
    if (at < 0) return -1;
    // After a value: close what it ends, or go on to the next one.
    for (;;) {
      const close = closers.at(-1);
      if (close === undefined) return at;
      at = space(b, at);
      if (b[at] === COMMA) {
        at = close === CLOSE_BRACE ? afterName(b, at + 1) : at + 1;
        if (at < 0) return -1;
        break;
      }
      if (b[at] !== close) return -1;
      closers.pop();
      at++;
    }
  }
}

/**
 * Walks the object starting at b[i] (an opening brace): `member` gets each name's bounds (quotes included) and
 * where its value starts, and returns where the value ends (-1: not JSON). Returns where the object ends, or -1.
 */
function afterMembers(
  b: Buffer,
  i: number,
  member: (keyStart: number, keyEnd: number, valueStart: number) => number,
): number {
  let at = space(b, i + 1);
  if (b[at] === CLOSE_BRACE) return at + 1;
  for (;;) {
    at = space(b, at);
    if (b[at] !== QUOTE) return -1;
    const keyEnd = afterString(b, at);
    if (keyEnd < 0) return -1;
    const colon = space(b, keyEnd);
    if (b[colon] !== COLON) return -1;
    const end = member(at, keyEnd, space(b, colon + 1));
    if (end < 0) return -1;
    at = space(b, end);
    if (b[at] === CLOSE_BRACE) return at + 1;
    if (b[at] !== COMMA) return -1;
    at++;
  }
}

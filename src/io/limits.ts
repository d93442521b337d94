import { LocflowError } from '../errors.js';

/**
 * How deep input may nest. No real document comes near these; a file that does is refused with its
 * place rather than read with recursion that overflows the stack, or with parsers whose time grows
 * with the square of the depth.
 */
export const MAX_NESTING = 500;
/** Markdown lists and block quotes: the parser's time grows fast with their depth. */
export const MAX_MARKDOWN_CONTAINERS = 100;
/**
 * Runs of "*" or "_" in one Markdown paragraph, heading, list item or table row: the parser pairs
 * emphasis markers in time that grows with the square of their number (2,000 take under a second,
 * 48,000 took 150 s). Prose has a few per paragraph.
 */
export const MAX_EMPHASIS_MARKERS = 2000;

/** The refusal of a file that nests too deep, at the place where it passes the limit. */
export function tooDeep(
  file: string,
  what: string,
  limit: number,
  at: { line?: number; column?: number } = {},
): LocflowError {
  return new LocflowError(`${what} nest more than ${limit} levels deep here; locflow refuses files nested this deep`, {
    file,
    ...(at.line !== undefined ? { line: at.line } : {}),
    ...(at.column !== undefined ? { column: at.column } : {}),
    hint: 'flatten the structure; nothing was read from this file',
  });
}

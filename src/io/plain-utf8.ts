import { readFileSync } from 'node:fs';
import { decodeText, HTML_PATH } from './encoding.js';
import { readText, readTextIfAny } from './files.js';

/**
 * Text files read and decoded by Node in one call (readFileSync as UTF-8), for the many small files a run reads
 * (each source and bundle of a build), when that gives what readText gives: a file read as UTF-8 by default (the
 * configuration names no other encoding) that decodeText has nothing to decide about. Anything else — a byte order
 * mark, a start that may declare an encoding (XML, HTML, UTF-16 detected by its "<"), an HTML file by its name, a byte
 * that is not UTF-8 (decoded as U+FFFD, which a valid file may hold too), a file that cannot be read — is read again
 * by readText, which decides and reports as always.
 */

/** A start readText may read otherwise: a byte order mark, or "<" after spaces (an XML or HTML declaration, UTF-16). */
const OTHER_READING = /^(?:\uFEFF|\s*<)/u;

/** readText(path, what, fallback), in one call when the file is plain UTF-8. */
export function readPlainText(path: string, what: string, fallback = 'utf-8'): string {
  const text = quickly(path, fallback);
  return text ?? readText(path, what, fallback);
}

/** readTextIfAny(path, what), in one call when the file is plain UTF-8. */
export function readPlainTextIfAny(path: string, what: string): string | undefined {
  const text = quickly(path, 'utf-8');
  return text ?? readTextIfAny(path, what);
}

/** The file's text when one call reads it as readText would; undefined when readText must decide. */
function quickly(path: string, fallback: string): string | undefined {
  if (!readsAsPlain(path, fallback)) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  return plainOnly(text);
}

/** readText's text of a file from its bytes (read already, as by a read-ahead thread): decoded in one call when plain. */
export function plainTextOf(bytes: Buffer, path: string, what: string, fallback = 'utf-8'): string {
  const text = readsAsPlain(path, fallback) ? plainOnly(bytes.toString('utf8')) : undefined;
  return text ?? decodeText(bytes, path, what, fallback).text;
}

/**
 * A file's text decoded by Node as UTF-8 elsewhere (a read-ahead thread), when readText would read the file so; else
 * undefined (the caller then reads the file as it would have without it).
 */
export function plainDecoded(text: string, path: string, fallback = 'utf-8'): string | undefined {
  return readsAsPlain(path, fallback) ? plainOnly(text) : undefined;
}

/**
 * readText's text of a file from what a read-ahead thread gave — its text decoded there, its bytes, or nothing — and
 * from `readFile` where that is not enough.
 */
export function textReadAhead<T extends string | undefined>(
  got: Buffer | string | undefined,
  path: string,
  what: string,
  fallback: string,
  readFile: () => T,
): string | T {
  if (typeof got === 'string') return plainDecoded(got, path, fallback) ?? readFile();
  return got ? plainTextOf(got, path, what, fallback) : readFile();
}

/** Whether plainDecoded may take a file's text decoded elsewhere (else its bytes are what is needed). */
export function readsAsPlain(path: string, fallback = 'utf-8'): boolean {
  return fallback === 'utf-8' && !HTML_PATH.test(path);
}

/** Text Node decoded as UTF-8, when readText would take it as it is; undefined when readText must decide. */
function plainOnly(text: string): string | undefined {
  return OTHER_READING.test(text) || text.includes('\uFFFD') ? undefined : text;
}

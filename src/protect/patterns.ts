/**
 * The patterns for things no translation may change, shared by the protector
 * (which turns them into codes), the segmenter (which never ends a sentence in
 * them) and the QA checks (which compare them).
 *
 * Each is cheap to skip: test its hint (a plain substring) before running it.
 */

/**
 * A URL, without the punctuation that may follow it in a sentence (in any
 * script: "،" and "。" end a URL as "," and "." do).
 */
export const URL = /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"]*[^\s<>".,;:!?)\]'’”»›،؛؟。、，；：！？）」』]/giu;

/** Whether a text may hold a URL: URL only matches where this is true. */
export const URL_HINT = /:\/\/|www\./iu;

/**
 * An e-mail address whose domain ends in a letter TLD. It starts only where a
 * run of address characters starts, so a text without "@" costs one scan, not
 * one attempt per letter.
 */
export const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

/**
 * A printf conversion (%s, %1$s, %.2f, %@), not a percent sign in prose ("30% in"), or Apple's plural variable
 * (%#@files@, %1$#@files@: replaced by a stringsdict rule's text, so its name is code, not words).
 */
export const PRINTF =
  /%(?:\d+\$)?(?:#@[\p{L}_][\p{L}\p{N}_]*@|[-+0#]*\d*(?:\.\d+)?[sdifeEgGxXoucb@](?![\p{L}\p{N}]))/gu;

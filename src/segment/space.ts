/**
 * The white space String#trim removes (ECMAScript WhiteSpace and LineTerminator, the same as /\s/u matches), told by
 * its code: scanning for it finds a line's or a sentence's bounds without making the trimmed string. Most text is
 * below U+00A0, answered by the first two tests.
 */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

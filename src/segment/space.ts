/**
 * The white space String#trim removes (ECMAScript WhiteSpace and LineTerminator), told by its code: scanning for it
 * finds a line's or a sentence's bounds without making the trimmed string.
 */
export function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
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

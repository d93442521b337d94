/**
 * Control characters from translations made visible, so a report never lets a target drive the
 * terminal (ESC sequences, BEL) or carry raw C0 bytes into HTML: C0 controls and DEL become their
 * Control Pictures (U+241B "␛" for ESC), C1 controls a "\u009b" escape.
 * `keep` lists the controls left as they are (e.g. tab and newline where layout allows them).
 */
export function visibleControls(s: string, keep = ''): string {
  return s.replace(/[\u0000-\u001F\u007F-\u009F]/gu, (c) => {
    if (keep.includes(c)) return c;
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

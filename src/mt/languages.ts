// (in a module of their own, which imports nothing: the program's first module reads them, mt/apertium-early.ts)
export { apertiumMode, iso6393 } from './apertium-modes.js';

/**
 * A pseudo-locale: Microsoft's qps-* (qps-ploc, qps-plocm), the XA/XB/XC regions Android and
 * Chromium use (en-XA accented, ar-XB right to left), or a private-use tag (es-x-mt, de-x-pseudo),
 * which names a project's own draft store rather than a language readers get.
 */
export function isPseudoLocale(tag: string): boolean {
  const parts = tag.toLowerCase().split(/[-_]/u);
  return (
    parts[0] === 'qps' || parts.slice(1).some((p) => p === 'xa' || p === 'xb' || p === 'xc') || parts.includes('x')
  );
}

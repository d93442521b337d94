import { calendarNames } from './calendar-names.js';

/**
 * Locale-aware reading of the dates news sites print ("December 05, 2023, 2:15 PM",
 * "5 December 2023 14:15", "2023-12-05T14:15"). Month names come from Intl (CLDR),
 * so any locale Node's ICU knows is read without hand-made tables; those of the common
 * languages are Intl's own, written out (locale/calendar-names.ts: the first Intl date
 * format of a process costs ≈ 11 ms, most of a small extract's start-up).
 */

export interface ParsedDate {
  /** Wall-clock value as an ISO string without zone: "2023-12-05T14:15" or "2023-12-05". */
  readonly iso: string;
  readonly hasTime: boolean;
}

const monthCache = new Map<string, Map<string, number>>();

/** Month names (long and short, alone and inside a date, without a trailing period), lower-cased, to 1..12. */
export function monthNames(locale: string): Map<string, number> {
  const cached = monthCache.get(locale);
  if (cached) return cached;
  const names = new Map<string, number>();
  for (const { name, kind, value } of calendarNames(locale)) {
    if (kind !== 'month') continue;
    const key = name.toLocaleLowerCase(locale).replace(/\.$/u, '');
    if (key && !/^\d+$/u.test(key)) names.set(key, value);
  }
  monthCache.set(locale, names);
  return names;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function toIso(year: number, month: number, day: number, time?: { h: number; min: number }): ParsedDate | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (!time) return { iso: date, hasTime: false };
  if (time.h > 23 || time.min > 59) return null;
  return { iso: `${date}T${pad(time.h)}:${pad(time.min)}`, hasTime: true };
}

function parseTime(text: string | undefined): { h: number; min: number } | null | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  // The connector between date and time is a comma or a short word ("at", "à", "um", "a las").
  const m = /^[,\s]*(?:\p{L}+(?:\s\p{L}+)?\s+)?(\d{1,2})[:.h](\d{2})(?:\s*([ap])\.?\s*m\.?)?\s*$/iu.exec(text);
  if (!m) return null;
  let h = Number(m[1]);
  const min = Number(m[2]);
  const meridiem = m[3]?.toLowerCase();
  if (meridiem) {
    if (h < 1 || h > 12) return null;
    if (meridiem === 'p' && h !== 12) h += 12;
    if (meridiem === 'a' && h === 12) h = 0;
  }
  return { h, min };
}

// "December 05, 2023[, 2:15 PM]"  and  "5 December 2023[, 14:15]" / "5. Dezember 2023" / "5 de diciembre de 2023"
const MONTH_FIRST = /^(\p{L}+\.?)\s+(\d{1,2}),?\s+(\d{4})(.*)$/u;
const DAY_FIRST = /^(\d{1,2})\.?\s+(?:de\s+)?(\p{L}+\.?)\s+(?:de\s+)?(\d{4})(.*)$/u;

/** Reads a whole string as a date (and optional time) written in `locale`'s conventions; null if it is not one. */
export function parseDateTime(text: string, locale: string): ParsedDate | null {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/u.exec(s);
  if (iso) {
    const time = iso[4] !== undefined ? { h: Number(iso[4]), min: Number(iso[5]) } : undefined;
    return toIso(Number(iso[1]), Number(iso[2]), Number(iso[3]), time);
  }
  const monthFirst = MONTH_FIRST.exec(s);
  const dayFirst = monthFirst ? null : DAY_FIRST.exec(s);
  const parts = monthFirst
    ? { month: monthFirst[1], day: monthFirst[2], year: monthFirst[3], rest: monthFirst[4] }
    : dayFirst
      ? { month: dayFirst[2], day: dayFirst[1], year: dayFirst[3], rest: dayFirst[4] }
      : null;
  if (!parts || parts.month === undefined) return null;
  // The names only now: Intl's first date format costs tens of milliseconds, most lines are not dates.
  const month = monthNames(locale).get(parts.month.toLocaleLowerCase(locale).replace(/\.$/u, ''));
  if (month === undefined) return null;
  const time = parseTime(parts.rest);
  if (time === null) return null;
  return toIso(Number(parts.year), month, Number(parts.day), time);
}

import { describe, expect, it } from 'vitest';
import { findCalendarWords } from '../../src/locale/months.js';

const found = (text: string): string[] => findCalendarWords(text, 'de').map((c) => `${c.kind} ${c.value} ${c.text}`);

// A German compound that starts with a full month or weekday name is read as that name, whatever its first letter
// (the names are looked up by their first letter): one of each of the names' first letters.
describe('German compounds of month and weekday names', () => {
  it('finds the name a compound starts with, for names of every first letter', () => {
    expect(found('Die Januartagung und die Februarsitzung fielen aus.')).toEqual([
      'month 1 Januartagung',
      'month 2 Februarsitzung',
    ]);
    expect(found('Nach der Aprilwahl kam die Junihitze, dann das Oktoberfest.')).toEqual([
      'month 4 Aprilwahl',
      'month 10 Oktoberfest.',
    ]);
    expect(found('Am Samstagnachmittag und am Mittwochmorgen, nie am Sonntagabend.')).toEqual([
      'weekday 6 Samstagnachmittag',
      'weekday 3 Mittwochmorgen',
      'weekday 0 Sonntagabend.',
    ]);
    expect(found('Die Novemberstürme und die Dezemberkälte.')).toEqual([
      'month 11 Novemberstürme',
      'month 12 Dezemberkälte.',
    ]);
  });

  it('reads no abbreviation or name of four letters as the head of a compound (Juni, Mai)', () => {
    expect(found('Die Maibaumfeier, die Junihitze und der Marschall, am Montag.')).toEqual(['weekday 1 Montag.']);
  });
});

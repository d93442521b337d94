import { describe, expect, it } from 'vitest';
import { issues, pair, type Reported } from './qa/helpers.js';

// Classes of false alarm and miss of the names and numbers checks, each shown here by sentences of its own where the
// other tests show it with its best-known example only (README, Accuracy: the class of each test).

const bySeverity = (found: Reported[], severity: string): string[] =>
  found.filter((f) => f.severity === severity).map((f) => f.message);

describe('names: a courtesy title inside the run is no part of the name', () => {
  it.each<[string, string, string]>([
    ['Mrs Kowalczyk Nowak opened the session.', 'La Sra. Kowalczyk Nowak abrió la sesión.', 'es'],
    ['The report was written by Dr Ferreira Lima.', 'Le rapport a été rédigé par le Dr Ferreira Lima.', 'fr'],
    ['Mr Haddad Rahal declined to comment.', 'Herr Haddad Rahal wollte sich nicht äußern.', 'de'],
  ])('"%s" → "%s"', async (source, target, lang) => {
    expect(await issues('names', pair(source, target, lang))).toEqual([]);
  });
});

describe('numbers: spelled-out numbers compared on both sides', () => {
  it.each<[string, string, string, string, string]>([
    [
      'Eight hostages were freed.',
      'Fueron liberados ocho rehenes.',
      'Fueron liberados seis rehenes.',
      '"Eight" (8) became "seis" (6) in the target',
      'es',
    ],
    [
      'Four ships sank.',
      'Vier Schiffe sanken.',
      'Drei Schiffe sanken.',
      '"Four" (4) became "Drei" (3) in the target',
      'de',
    ],
    [
      'Eleven schools closed.',
      'Onze écoles ont fermé.',
      'Douze écoles ont fermé.',
      '"Eleven" (11) became "Douze" (12) in the target',
      'fr',
    ],
  ])('"%s": kept, and changed into another word', async (source, kept, changed, message, lang) => {
    expect(await issues('numbers', pair(source, kept, lang))).toEqual([]);
    expect(bySeverity(await issues('numbers', pair(source, changed, lang)), 'error')).toEqual([message]);
  });
});

describe('numbers: an amount converted into another currency is a warning, not an error', () => {
  it.each<[string, string, string]>([
    ['The ticket cost £40.', 'La entrada costó 47 euros.', 'es'],
    ['The fine was $250.', 'Die Strafe betrug 230 Euro.', 'de'],
  ])('"%s" → "%s"', async (source, target, lang) => {
    const found = await issues('numbers', pair(source, target, lang));
    expect(bySeverity(found, 'error')).toEqual([]);
    expect(bySeverity(found, 'warning')).toEqual([expect.stringMatching(/converted to another unit or currency/u)]);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cldrNamesFile, cldrNamesTable, cldrRenderings, NAMES_TABLE_LANGUAGES } from '../../../src/qa/names/cldr.js';

describe('cldrRenderings', () => {
  it('gives a region its long, short and variant names in the target language', () => {
    expect(cldrRenderings({ kind: 'region', code: 'US' }, 'es')).toEqual(
      expect.arrayContaining(['Estados Unidos', 'EE. UU.']),
    );
    expect(cldrRenderings({ kind: 'region', code: 'CZ' }, 'de')).toEqual(
      expect.arrayContaining(['Tschechien', 'Tschechische Republik']),
    );
    expect(cldrRenderings({ kind: 'language', code: 'fr' }, 'de')).toEqual(['Französisch']);
  });

  it('makes them once per language and name: asked again, the same list', () => {
    const first = cldrRenderings({ kind: 'region', code: 'JP' }, 'fr');
    expect(cldrRenderings({ kind: 'region', code: 'JP' }, 'fr')).toBe(first);
    expect(cldrRenderings({ kind: 'region', code: 'JP' }, 'de')).not.toBe(first);
    expect(cldrRenderings({ kind: 'language', code: 'ja' }, 'fr')).not.toEqual(first);
  });
});

describe('the tables of names the build writes for target languages', () => {
  it('hold what Intl gives: names long and short, "" for none, likeliest languages and regions, CLDR variants', () => {
    const es = cldrNamesTable('es');
    const intl = new Intl.DisplayNames(['es'], { type: 'region', style: 'long', fallback: 'none' });
    expect(es.names['region/long']!.US).toBe(intl.of('US'));
    expect(es.names['region/short']!.US).toBe('EE. UU.');
    expect(es.names['region/long']!.QQ).toBe('');
    expect(es.names['language/long']!.fr).toBe('francés');
    expect(es.names['currency/long']!.EUR).toBe('euro');
    expect(es.likelyLanguage.GR).toBe(new Intl.Locale('und-GR').maximize().language);
    expect(es.likelyRegion.el).toBe('GR');
    // (every region's likeliest language has its name listed, for the people of a country: "griego")
    for (const language of Object.values(es.likelyLanguage))
      expect(Object.hasOwn(es.names['language/long']!, language)).toBe(true);
    expect(es.variants).toContainEqual(['CZ', 'República Checa']);
    // (CLDR's adjectives of regions, from its names of regional variants: "inglés estadounidense")
    expect(new Map(es.adjectives).get('US')).toEqual(['estadounidense']);
    expect(es.withVariants).toEqual(expect.arrayContaining(['en', 'de', 'es']));
  });

  it("give a region no continent's adjective: a variant named after its continent names no country", () => {
    // "portugais européen" is "European Portuguese": "européen" is Europe's, not Portugal's; the US keep theirs
    const fr = new Map(cldrNamesTable('fr').adjectives);
    expect(fr.get('PT') ?? []).not.toContain('européen');
    expect(fr.get('US')).toEqual(['américain']);
    expect(new Map(cldrNamesTable('ru').adjectives).get('US')).toEqual(['американский']);
  });

  it('are named by the versions they are made of, and the built ones hold what Intl gives now', () => {
    for (const lang of NAMES_TABLE_LANGUAGES) {
      const file = cldrNamesFile(lang);
      expect(file).toContain(`cldr-names-${lang}-icu${process.versions.icu}-cldr${process.versions.cldr}`);
      // The build writes them into dist/data (npm test builds first).
      const built = file.replace(/[\\/]src[\\/]data[\\/]/u, '/dist/data/');
      if (existsSync(built)) expect(JSON.parse(readFileSync(built, 'utf8'))).toEqual(cldrNamesTable(lang));
    }
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gapPatternOf, TargetText } from '../../../src/qa/names/target.js';

/** Every gap a text gives, in order (each is given once). */
function gapsOf(text: string, lang: string): string[] {
  const target = new TargetText(text, lang);
  const out: string[] = [];
  for (let g = target.gap(); g !== undefined; g = target.gap()) out.push(g);
  return out;
}

/** The same by the whole pattern run along the text, with the gaps of empty brackets and quotes. */
function expected(text: string, lang: string): string[] {
  const pattern = gapPatternOf(lang);
  const empty = /,\s*,|""|“\s*”|„\s*[“”]|«\s*»|\(\s*\)|\[\s*\]/gu;
  return [...(pattern ? [...text.matchAll(pattern)] : []), ...text.matchAll(empty)]
    .sort((a, b) => a.index - b.index)
    .map((m) => m[0].trim());
}

const LANGS = ['es', 'fr', 'de', 'it', 'pt', 'ar'];
// The pieces gaps are made of: the languages' prepositions, conjunctions and articles, words they may stand inside or
// after, punctuation, brackets, and letters outside the Basic Multilingual Plane.
const PIECES = [
  ...'de del en a al y o e u ni el los las du à au aux et ou des le la les von vom zum und oder der die das im am'.split(
    ' ',
  ),
  ...'di della da nel con em no na do ao ni من إلى على لـ و'.split(' '),
  ...'Pedro Madrid para casa grande legendären Turm Gruppe NCUA FHFA Los durante Gymnasium zur nach bei es ha ist wird pour avec par dem den mit'.split(
    ' ',
  ),
  ...[
    ' ',
    ' ',
    ' ',
    ',',
    '.',
    '. ',
    ';',
    ':',
    '!',
    '?',
    '(',
    ')',
    '[',
    ']',
    '-',
    "'",
    '’',
    'l’',
    "d'",
    '،',
    '\u{1D400}',
    '«',
    '»',
    '"',
    '”',
    '“',
    '--',
    '\n',
  ],
];

describe('gaps found from candidates are those of the whole pattern', () => {
  it('finds the gaps of cut sentences in each language', () => {
    expect(gapsOf('El presidente de , dijo que el gobierno de y los ministros.', 'es')).toEqual(['de ,', 'de y']);
    expect(gapsOf('Le ministre du . La réunion de la (NCUA) était à et.', 'fr')).toEqual(['du .', 'la (', 'et.']);
    expect(gapsOf('Die Mitglieder der-Gruppe von , sagte der legendären-Turm.', 'de')).toEqual([
      'der-',
      'von ,',
      'legendären-',
    ]);
    expect(gapsOf('قال المسؤول من، إن الوضع', 'ar')).toEqual(['من']);
    // (not after a letter, an apostrophe or inside a word)
    expect(gapsOf('Cade , Vende ; Ende.', 'es')).toEqual([]);
    expect(gapsOf('Ahoi und. Gefunden von Schmidt.', 'de')).toEqual(['und.']);
    expect(gapsOf('El grupo "Los". Llegó a durante el día de (CMB).', 'es')).toEqual(['Los"', 'a durante', 'de (']);
    expect(gapsOf('Das Johannes--Gymnasium der "Tore von".', 'de')).toEqual(['--', 'von"']);
    expect(gapsOf('La Cour Suprême de de la Nation.', 'fr')).toEqual(['de de']);
    expect(gapsOf('Les agressions (and Response Office), la guerre (Chicago and Boston).', 'fr')).toEqual(['(and']);
    expect(gapsOf("Devant l'du Ministère, pour l'2012, l'et; il l'y a, aujourd'hui, l'Europe.", 'fr')).toEqual([
      "l'",
      "l'",
      "l'",
    ]);
    expect(gapsOf('Eine Lektion, die die Stadt gelernt hatte.', 'de')).toEqual([]);
    expect(gapsOf('Präsident des, der in zur Eröffnung kam; seiner Meinung nach im Jahr.', 'de')).toEqual([
      'des,',
      'in zur',
    ]);
    // a Spanish article left of a name kept in Spanish, in French or German: "Los" alone
    expect(gapsOf('Le cartel appelé "Los". Il vit à Los Angeles, près de Los feux.', 'fr')).toEqual(['Los', 'Los']);
    expect(gapsOf('Die Band aus Los und die Gruppe "Los". Das Los der Leute; aus Los Angeles.', 'de')).toEqual([
      'Los',
      'Los',
    ]);
    // a preposition right before a finite "ser", "haber", "estar", "sein", "haben", "werden": its noun was cut
    expect(gapsOf('La tienda de es nueva y el hijo de ha vuelto; antes de ser rey, vino de Roma.', 'es')).toEqual([
      'de es',
      'de ha',
    ]);
    expect(gapsOf('Der Chef von wird gehen, im wurde es klar; dem ist nicht so, von Bonn ist es weit.', 'de')).toEqual([
      'von wird',
      'im wurde',
    ]);
  });

  it('two French prepositions side by side, a German article before the end of a sentence', () => {
    expect(
      gapsOf('La note baisse de à AA+, vendue en pour le fonds; de par son rôle, en dépit de tout.', 'fr'),
    ).toEqual(['de à', 'en pour']);
    expect(gapsOf('Er sprach mit der. Die Mission der; das, was er sagte, dem, der kam, mit dem Boot.', 'de')).toEqual([
      'der.',
      'der;',
    ]);
    // (not before a period that ends an abbreviation, a lower-case word after it)
    expect(gapsOf('Er kam mit der Bahn um 8 Uhr, in der u. a. Leute saßen.', 'de')).toEqual([]);
  });

  it('gives for any text what the whole pattern gives', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LANGS),
        fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }),
        (lang, pieces) => {
          const text = pieces.join('');
          expect(gapsOf(text, lang)).toEqual(expected(text, lang));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

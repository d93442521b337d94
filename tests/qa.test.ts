import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Content } from '../src/model/content.js';
import { CHECK_IDS, loadChecks } from '../src/qa/checks/index.js';
import { validateConfig } from '../src/config/config.js';
import { loadGlossary, EMPTY_GLOSSARY, type Glossary } from '../src/qa/glossary.js';
import { runChecks } from '../src/qa/runner.js';
import { findDictionary } from '../src/qa/checks/spelling.js';
import type { QaPair } from '../src/qa/types.js';
import { findNumbers } from '../src/locale/numbers.js';
import { findNames } from '../src/qa/names/detect.js';

const pair = (source: Content | string, target: Content | string, targetLang = 'es', id = 'u1'): QaPair => ({
  id,
  source: typeof source === 'string' ? [source] : source,
  target: typeof target === 'string' ? [target] : target,
  sourceLang: 'en',
  targetLang,
  file: 'f.json',
});

async function issues(
  check: string,
  p: QaPair | QaPair[],
  glossary: Glossary = EMPTY_GLOSSARY,
): Promise<Array<{ message: string; severity: string }>> {
  const list = Array.isArray(p) ? p : [p];
  return (await runChecks(list, { checks: await loadChecks([check]), glossary })).issues.map((i) => ({
    message: i.message,
    severity: i.severity,
  }));
}

const glossaryFile = (csv: string, ext = '.csv'): Glossary => {
  const dir = mkdtempSync(join(tmpdir(), 'gl-'));
  writeFileSync(join(dir, `g${ext}`), csv);
  return loadGlossary(join(dir, `g${ext}`), 'en');
};

describe('check catalogue', () => {
  it('has one id per check, the same list the configuration accepts', async () => {
    const checks = await loadChecks();
    expect(new Set(checks.map((c) => c.id)).size).toBe(CHECK_IDS.length);
    // Each check is registered under its own id, and the configuration accepts exactly those ids.
    expect(checks.map((c) => c.id)).toEqual([...CHECK_IDS]);
    const severity = Object.fromEntries(CHECK_IDS.map((id) => [id, 'off']));
    const config = await validateConfig({ qa: { severity } }, 'locflow.config.json', '/tmp');
    expect(Object.keys(config.qa.severity)).toEqual([...CHECK_IDS]);
    await expect(
      validateConfig({ qa: { severity: { nonesuch: 'off' } } }, 'locflow.config.json', '/tmp'),
    ).rejects.toThrow(/unknown check "nonesuch"/u);
    for (const c of checks) expect(c.description.length).toBeGreaterThan(20);
  });
});

describe('numbers', () => {
  it('reads each side in its own locale', async () => {
    expect(findNumbers('1,200 and 3.5', 'en').map((n) => n.value)).toEqual([1200, 3.5]);
    expect(findNumbers('1.200 y 3,5', 'es').map((n) => n.value)).toEqual([1200, 3.5]);
    expect(findNumbers('1\u202f200 et 3,5', 'fr').map((n) => n.value)).toEqual([1200, 3.5]);
    expect(findNumbers('١٬٢٠٠ و٣٫٥', 'ar-EG').map((n) => n.value)).toEqual([1200, 3.5]);
    expect(findNumbers('۱۲۰۰', 'fa').map((n) => n.value)).toEqual([1200]);
  });

  it('accepts locale formats, times, spelled-out small numbers and dates naming the same day', async () => {
    expect(await issues('numbers', pair('About 1,200 people died.', 'Murieron unas 1200 personas.'))).toEqual([]);
    expect(await issues('numbers', pair('About 1,200 people died.', 'Murieron unas 1.200 personas.'))).toEqual([]);
    expect(
      await issues('numbers', pair('About 1,200 people died.', 'Environ 1 200 personnes sont mortes.', 'fr')),
    ).toEqual([]);
    expect(await issues('numbers', pair('About 1,200 people died.', 'قتل نحو ١٬٢٠٠ شخص.', 'ar-EG'))).toEqual([]);
    expect(await issues('numbers', pair('It ended at 2:15 PM.', 'Terminó a las 14:15.'))).toEqual([]);
    expect(await issues('numbers', pair('Five militants and 3 soldiers.', '5 milicianos y tres soldados.'))).toEqual(
      [],
    );
    expect(await issues('numbers', pair('It began on October 7.', 'Comenzó el 7 de octubre.'))).toEqual([]);
    expect(
      await issues('numbers', pair('Updated December 05, 2023.', 'Actualizado el 5 de diciembre de 2023.')),
    ).toEqual([]);
    expect(await issues('numbers', pair('Prices rose 3.5%.', 'Les prix ont augmenté de 3,5 %.', 'fr'))).toEqual([]);
  });

  it('reports a changed, dropped or extra number with its value', async () => {
    expect(
      (await issues('numbers', pair('About 1,200 people died.', 'Murieron unas 1.300 personas.')))[0]!.message,
    ).toMatch(/missing from the target: 1,200 \(1200\)/u);
    expect((await issues('numbers', pair('At least 62 injured.', 'Al menos heridos.')))[0]!.message).toMatch(/62/u);
    expect((await issues('numbers', pair('At least 62 injured.', 'Al menos 62 heridos en 2023.')))[0]!.message).toMatch(
      /not in the source: 2023/u,
    );
    expect(
      (await issues('numbers', pair('It ended at 2:15 PM.', 'Terminó a las 15:15.'))).map((i) => i.message).join(),
    ).toMatch(/2:15 PM \(14:15\)/u);
    expect((await issues('numbers', pair('It began on October 7.', 'Comenzó el 7 de noviembre.')))[0]!.message).toMatch(
      /month October/u,
    );
  });

  it('a number left in the source format is a warning', async () => {
    const found = await issues('numbers', pair('About 1,200 people died.', 'Murieron unas 1,200 personas.'));
    expect(found).toEqual([
      { message: '"1,200" is written in the source\'s number format, not es\'s', severity: 'warning' },
    ]);
  });
});

describe('names', () => {
  const glossary = glossaryFile(
    'en,es,ar,type,translate\nCentral Command,Comando Central,القيادة المركزية,name,\nKirkuk,Kirkuk,كركوك,name,\nCentcom,,,name,no\n',
  );

  it('finds capitalised runs and acronyms, not sentence-initial words, months or derived adjectives', async () => {
    expect(
      findNames('A US air strike hit Ain Al Asad on Sunday, Iraqi officials said near Kirkuk.', 'en').map(
        (n) => n.text,
      ),
    ).toEqual(['US', 'Ain Al Asad', 'Kirkuk']);
  });

  it('accepts names verbatim, approved renderings, CLDR country names and accent variants', async () => {
    expect(
      await issues(
        'names',
        pair(
          'Central Command said Hamas fired from Syria near Kirkuk.',
          'El Comando Central dijo que Hamás disparó desde Siria cerca de Kirkuk.',
        ),
        glossary,
      ),
    ).toEqual([]);
    expect(
      await issues(
        'names',
        pair('The strike hit Kirkuk, Centcom said.', 'قالت القيادة المركزية إن الضربة أصابت كركوك، حسب Centcom.', 'ar'),
        glossary,
      ),
    ).toEqual([]);
  });

  it('reports a dropped or altered glossary name and a name split apart', async () => {
    expect(
      (await issues('names', pair('Officials in Kirkuk said so.', 'Las autoridades dijeron eso.'), glossary))[0]!
        .message,
    ).toMatch(/"Kirkuk" is missing/u);
    expect(
      (
        await issues('names', pair('Officials in Kirkuk said so.', 'Las autoridades de Kirkut lo dijeron.'), glossary)
      )[0]!.message,
    ).toMatch(/"Kirkuk" is missing/u);
    expect(
      (await issues('names', pair('Central Command said so.', 'La orden Central lo dijo.'), glossary))[0]!.message,
    ).toMatch(/"Central Command" is missing from the target \(approved: "Comando Central"\)/u);
    const split = await issues(
      'names',
      pair('They met Kataib Hezbollah fighters.', 'Se reunieron con combatientes de Kataib y también de Hezbollah.'),
    );
    expect(split[0]!.message).toMatch(/"Kataib Hezbollah" is split apart/u);
    expect(split[0]!.severity).toBe('error');
  });

  it('reads TBX glossaries too', async () => {
    const tbx = glossaryFile(
      `<?xml version="1.0"?><tbx type="TBX-Basic" xml:lang="en"><text><body>
      <conceptEntry id="1"><langSec xml:lang="en"><termSec><term>Central Command</term></termSec></langSec><langSec xml:lang="es"><termSec><term>Comando Central</term></termSec></langSec></conceptEntry>
      <termEntry id="2"><langSet xml:lang="en"><tig><term>Centcom</term><termNote type="transferComment">do not translate</termNote></tig></langSet></termEntry>
      </body></text></tbx>`,
      '.tbx',
    );
    expect(tbx.entries.map((e) => [e.source, e.doNotTranslate])).toEqual([
      ['Central Command', false],
      ['Centcom', true],
    ]);
    expect(
      (await issues('names', pair('Central Command and Centcom.', 'El Comando Central y el Mando.'), tbx))[0]!.message,
    ).toMatch(/"Centcom" is not to be translated and is missing/u);
  });
});

describe('the other checks', () => {
  it('placeholders: the same set, whatever the syntax', async () => {
    expect(
      await issues(
        'placeholders',
        pair(
          'Hello {{name}}, you have %d messages and {count, plural, one {# file} other {# files}}',
          'Hola {{name}}, tienes %d mensajes y {count, plural, one {# archivo} other {# archivos}}',
        ),
      ),
    ).toEqual([]);
    expect(
      (await issues('placeholders', pair('Hello {{name}} (%1$s)', 'Hola {{nombre}} (%1$s)'))).map((i) => i.message),
    ).toEqual(['placeholder {{name}} is missing from the target', 'placeholder {{nombre}} is not in the source']);
  });
  it('urls-emails: identical links, addresses, hashtags and handles', async () => {
    expect(
      await issues(
        'urls-emails',
        pair(
          'See https://example.com/a or mail me@x.org #Iraq @thenational',
          'Vea https://example.com/a o escriba a me@x.org #Iraq @thenational',
        ),
      ),
    ).toEqual([]);
    expect(await issues('urls-emails', pair('See https://example.com/a', 'Vea https://example.com/b'))).toHaveLength(2);
  });
  it('empty and untranslated (names-only units excepted)', async () => {
    expect(await issues('empty', pair('Hello', ' '))).toHaveLength(1);
    expect(await issues('untranslated', pair('The strike hit the base.', 'The strike hit the base.'))).toHaveLength(1);
    expect(await issues('untranslated', pair('AP', 'AP'))).toEqual([]);
    expect(await issues('untranslated', pair('Centcom 2023', 'Centcom 2023'))).toEqual([]);
  });
  it('length: ratio out of range', async () => {
    expect((await issues('length', pair('This is a long enough sentence to judge.', 'Sí.')))[0]!.message).toMatch(
      /left out/u,
    );
    expect(
      await issues(
        'length',
        pair('This is a long enough sentence to judge.', 'Esta es una frase lo bastante larga para juzgar.'),
      ),
    ).toEqual([]);
  });
  it('whitespace, end-punctuation, brackets-quotes, repeated-words', async () => {
    expect(await issues('whitespace', pair('Hello.', ' Hola.'))).toHaveLength(1);
    expect(await issues('whitespace', pair('Hello there.', 'Hola  allí.'))).toHaveLength(1);
    expect(await issues('end-punctuation', pair('Is it true?', 'هل هذا صحيح؟', 'ar'))).toEqual([]);
    expect(await issues('end-punctuation', pair('It is.', 'それはそうです。', 'ja'))).toEqual([]);
    expect(await issues('end-punctuation', pair('Is it true?', 'Es verdad.'))).toHaveLength(1);
    expect(await issues('end-punctuation', pair('He said "stop."', 'Dijo "alto".'))).toEqual([]);
    expect(await issues('brackets-quotes', pair('He (the chief) spoke.', 'Él (el jefe habló.'))).toHaveLength(1);
    expect(
      await issues('brackets-quotes', pair('"Iraqi forces were notified.', '"Las fuerzas fueron informadas.')),
    ).toEqual([]);
    expect((await issues('repeated-words', pair('The base was hit.', 'La la base fue atacada.')))[0]!.message).toMatch(
      /"La" is repeated/u,
    );
  });
  it('consistency: one source, two targets; one target, two sources', async () => {
    const found = await issues('consistency', [
      pair('Air strike.', 'Ataque aéreo.', 'es', 'a'),
      pair('Air strike.', 'Bombardeo.', 'es', 'b'),
      pair('Strike.', 'Bombardeo.', 'es', 'c'),
    ]);
    expect(found.filter((i) => i.severity === 'warning')).toHaveLength(2);
    expect(found.filter((i) => i.severity === 'info')).toHaveLength(2);
  });
  it('terminology: a glossary term needs its approved rendering', async () => {
    const g = glossaryFile('en,es,type\nair strike,ataque aéreo|ataques aéreos,term\n');
    expect(await issues('terminology', pair('The air strike hit.', 'El ataque aéreo impactó.'), g)).toEqual([]);
    expect((await issues('terminology', pair('The air strike hit.', 'El bombardeo impactó.'), g))[0]!.message).toMatch(
      /"ataque aéreo" or "ataques aéreos"/u,
    );
  });
  it.skipIf(findDictionary('es') === null)('spelling: hunspell with names as a personal word list', async () => {
    const found = await issues(
      'spelling',
      pair('Officials in Kirkuk said the strike hit.', 'Las autoridades de Kirkuk dijeron que el ataqe impactó.'),
    );
    expect(found.map((i) => i.message).join()).toMatch(/"ataqe" may be misspelled/u);
    expect(found.map((i) => i.message).join()).not.toMatch(/Kirkuk/u);
  });
  it.skipIf(findDictionary('es') === null)(
    'spelling leaves names inside a sentence, acronyms and single letters to the names check',
    async () => {
      const found = await issues(
        'spelling',
        pair('They flew to Vienna and Prague.', 'Volaron a Vyena y a Chequia con la OTAN, p. ej. Ataqe es nuevo.'),
      );
      // "Vyena" is a capitalised word inside the sentence (a name), "OTAN" an acronym, "p" a letter; "Ataqe" opens a sentence.
      expect(found.map((i) => i.message)).toEqual(['"Ataqe" may be misspelled']);
    },
  );
  it('spelling without a dictionary says so once and reports nothing', async () => {
    const r = await runChecks([pair('One.', 'Uno.', 'tlh'), pair('Two.', 'Dos.', 'tlh')], {
      checks: await loadChecks(['spelling']),
    });
    expect(r.issues).toEqual([]);
    expect(r.notices.length).toBe(1);
  });
});

describe('configuration of the runner', () => {
  it('severities can be changed or turned off, and false alarms suppressed per unit', async () => {
    const p = pair('At least 62 injured.', 'Al menos heridos.');
    expect(
      (await runChecks([p], { severities: { numbers: 'warning' } })).issues.find((i) => i.check === 'numbers')!
        .severity,
    ).toBe('warning');
    expect(
      (await runChecks([p], { severities: { numbers: 'off' } })).issues.find((i) => i.check === 'numbers'),
    ).toBeUndefined();
    expect(
      (await runChecks([p], { suppress: [{ unit: 'u1', check: 'numbers' }] })).issues.find(
        (i) => i.check === 'numbers',
      ),
    ).toBeUndefined();
    expect(
      (await runChecks([p], { suppress: [{ unit: 'u1', check: 'numbers', lang: 'fr' }] })).issues.find(
        (i) => i.check === 'numbers',
      ),
    ).toBeDefined();
  });
});

import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadChecks } from '../../../src/qa/checks/index.js';
import { findDictionary, maskIcuSyntax } from '../../../src/qa/checks/spelling.js';
import { runChecks } from '../../../src/qa/runner.js';
import { issues, pair } from '../helpers.js';

describe('spelling', () => {
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

  it('asks the PATH whether hunspell is installed, without starting it', async () => {
    // A "hunspell" that leaves a mark when started: nothing may start it where no dictionary calls for a run.
    const bin = mkdtempSync(join(tmpdir(), 'locflow-fake-hunspell-'));
    const mark = join(bin, 'started');
    writeFileSync(join(bin, 'hunspell'), `#!/bin/sh\ntouch '${mark}'\n`, { mode: 0o755 });
    const path = process.env.PATH;
    try {
      process.env.PATH = bin;
      const r = await runChecks([pair('One.', 'Uno.', 'tlh')], { checks: await loadChecks(['spelling']) });
      expect(r.notices.join()).toMatch(/no hunspell dictionary for "tlh"/u);
      expect(existsSync(mark)).toBe(false);
      process.env.PATH = join(bin, 'none');
      const none = await runChecks([pair('One.', 'Uno.', 'tlh')], { checks: await loadChecks(['spelling']) });
      expect(none.notices.join()).toMatch(/hunspell is not installed/u);
    } finally {
      process.env.PATH = path;
      rmSync(bin, { recursive: true, force: true });
    }
  });

  it.each<[string, string[]]>([
    ['{count, plural, one {# archivo} other {# archivos}}', ['archivo', 'archivos']],
    ['{g, select, male {él} female {ella} other {elle}}', ['él', 'ella', 'elle']],
    ['{n, selectordinal, offset:1 =0 {ninguno} other {#.º lugar}}', ['ninguno', 'º', 'lugar']],
    ['Vale {total, number} {who, select, other {para {name} hoy}}', ['Vale', 'para', 'hoy']],
    ['Hola {name}, sin plural ni select', ['Hola', 'name', 'sin', 'plural', 'ni', 'select']],
  ])('ICU syntax is no text to spell: %s', (text, words) => {
    const out = maskIcuSyntax(text);
    expect(out).toHaveLength(text.length);
    expect(out.match(/\p{L}+/gu)).toEqual(words);
    for (const w of words) expect(text.indexOf(w)).toBe(out.indexOf(w)); // offsets kept
  });

  it.skipIf(findDictionary('es') === null)(
    'ICU keywords and selectors in a target get no spelling warning',
    async () => {
      const found = await issues(
        'spelling',
        pair(
          '{n, plural, one {# file was sent} other {# files were sent}} to {who, select, male {him} other {them}}',
          '{n, plural, one {# archivo enviado} other {# archivos enviados}} a {who, select, male {él} other {ellos}}',
        ),
      );
      expect(found).toEqual([]);
      const slip = await issues(
        'spelling',
        pair('{n, plural, one {# file} other {# files}}', '{n, plural, one {# archvo} other {# archivos}}'),
      );
      expect(slip.map((i) => i.message)).toEqual(['"archvo" may be misspelled']);
    },
  );
});

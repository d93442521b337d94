import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXliff } from '../src/xliff/read.js';
import { toPlainText } from '../src/model/content.js';
import { copyProject, locflowInProcess, read, tempProject } from './helpers.js';

const has = (cmd: string, args: string[]): boolean => spawnSync(cmd, args, { encoding: 'utf8' }).status === 0;
const hasOmegat = has('sh', ['-c', 'command -v omegat']);
const hasToolkit = has('sh', ['-c', 'command -v xliff2po']);

describe.skipIf(!hasOmegat)('OmegaT 3.6, a real CAT tool, headless', () => {
  it('translates locflow XLIFF 1.2 from a tm/auto memory exported with --omegat, and its output imports back', async () => {
    // The example project: its Spanish translation is imported, which fills the memory.
    const d = copyProject();
    expect((await locflowInProcess(d, 'extract', '--lang', 'es')).code).toBe(0);
    expect((await locflowInProcess(d, 'import', 'xliff/es/us-strike-northern-iraq.xlf')).code).toBe(0);
    expect((await locflowInProcess(d, 'tm', 'export', '--omegat', '--lang', 'es', '-o', 'omegat.tmx')).code).toBe(0);

    // A fresh hand-off: targets pre-filled with the source, as OmegaT needs.
    const fresh = tempProject(read(join(d, 'source/us-strike-northern-iraq.txt')), 'us-strike-northern-iraq.txt');
    expect((await locflowInProcess(fresh, 'extract', '--lang', 'es', '--prefill')).code).toBe(0);
    const proj = join(fresh, 'omegat-project');
    for (const dir of ['source', 'target', 'tm/auto', 'glossary', 'dictionary', 'omegat'])
      mkdirSync(join(proj, dir), { recursive: true });
    writeFileSync(join(proj, 'source', 'article.xlf'), read(join(fresh, 'xliff/es/us-strike-northern-iraq.xlf')));
    writeFileSync(join(proj, 'tm', 'auto', 'locflow.tmx'), read(join(d, 'omegat.tmx')));
    writeFileSync(
      join(proj, 'omegat.project'),
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat><project version="1.0"><source_dir>source</source_dir><target_dir>target</target_dir><tm_dir>tm</tm_dir>
<glossary_dir>glossary</glossary_dir><glossary_file>glossary/glossary.txt</glossary_file><dictionary_dir>dictionary</dictionary_dir>
<source_lang>EN</source_lang><target_lang>ES</target_lang><sentence_seg>false</sentence_seg><remove_tags>false</remove_tags></project></omegat>\n`,
    );
    mkdirSync(join(fresh, 'omegat-config'));
    const r = spawnSync(
      'omegat',
      [
        '--mode=console-translate',
        `--config-dir=${join(fresh, 'omegat-config')}`,
        '--disable-project-locking',
        '--no-team',
        '--quiet',
        proj,
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(r.status).toBe(0);
    const out = readFileSync(join(proj, 'target', 'article.xlf'), 'utf8');
    const units = readXliff(out).files[0]!.units;
    const store = JSON.parse(read(join(d, 'locales/es/us-strike-northern-iraq.json'))) as Record<string, string>;
    expect(units).toHaveLength(17);
    for (const u of units)
      expect(toPlainText(u.target!).replace('December 05, 2023, 2:15 PM', '{{x1}}')).toBe(store[u.id]);

    // What OmegaT wrote is valid input for import (it keeps state="new"; an edited target counts as translated).
    writeFileSync(join(fresh, 'omegat-out.xlf'), out.replaceAll('state="new"', 'state="translated"'));
    const imp = await locflowInProcess(fresh, 'import', 'omegat-out.xlf');
    expect(imp.stderr).toBe('');
    expect(imp.stdout).toMatch(/17 imported/u);
  });
});

describe.skipIf(!hasToolkit)('Translate Toolkit', () => {
  it('reads locflow XLIFF 1.2: xliff2po gives one message per unit with the same source', async () => {
    const d = tempProject();
    expect((await locflowInProcess(d, 'extract', '--lang', 'es')).code).toBe(0);
    const r = spawnSync('xliff2po', [join(d, 'xliff/es/article.xlf'), join(d, 'article.po')], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const po = read(join(d, 'article.po'));
    // PO wraps long messages over several lines; the header is the one empty msgid.
    const messages = [...po.matchAll(/^msgid ((?:".*"\n)+)/gmu)].map((m) =>
      m[1]!
        .split('\n')
        .map((l) => l.slice(1, -1))
        .join(''),
    );
    expect(messages.filter((m) => m !== '')).toHaveLength(17);
    expect(messages).toContain('Air strike kills at least five militants in northern Iraq');
  });
});

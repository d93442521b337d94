import { spawnSync } from 'node:child_process';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, projectWith } from '../helpers.js';

// A module hook in the child prints every module the command loads: the chunks of the bundle it read.
const HOOKS = `export async function load(url, context, next) {
  process.stderr.write('loaded ' + url + '\\n');
  return next(url, context);
}`;
const REGISTER = `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(HOOKS)}));`;

const XLIFF = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="harbour.txt" source-language="en" target-language="it" datatype="plaintext">
    <body>
      <trans-unit id="h1">
        <source>The harbour reopened on Monday after 3 weeks.</source>
        <target state="translated">Il porto ha riaperto lunedì dopo 3 settimane.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
`;

/** The bundle's chunks a check of one XLIFF file loads, by name without their hash. */
function chunksLoaded(qa: object): { code: number; chunks: string[] } {
  const dir = projectWith(
    { 'source/harbour.txt': 'The harbour reopened on Monday after 3 weeks.\n', 'it.xlf': XLIFF },
    { sourceLanguage: 'en', targetLanguages: ['it'], sources: ['source/*.txt'], qa },
  );
  const r = spawnSync(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(REGISTER)}`, BIN, 'check', 'it.xlf'],
    { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
  );
  const chunks = r.stderr
    .split('\n')
    .filter((l) => l.startsWith('loaded file:') && l.endsWith('.js'))
    .map((l) => basename(l).replace(/-[\w-]{8}\.js$/u, ''));
  return { code: r.status ?? -1, chunks };
}

const SMALL = ['empty', 'untranslated', 'whitespace', 'length', 'end-punctuation', 'brackets-quotes', 'placeholders'];

describe('the modules a check loads', () => {
  it('the small checks come in two chunks of the bundle (errors, warnings), the large ones in their own', () => {
    const { code, chunks } = chunksLoaded({});
    expect(code).toBe(0);
    expect(chunks).toContain('small-errors');
    expect(chunks).toContain('small-warnings');
    expect(chunks).toContain('numbers');
    expect(chunks.filter((c) => SMALL.includes(c))).toEqual([]);
  });

  it('a check configured off loads no chunk of its own', () => {
    const { code, chunks } = chunksLoaded({ severity: { spelling: 'off', numbers: 'off' } });
    expect(code).toBe(0);
    expect(chunks).not.toContain('spelling');
    expect(chunks).not.toContain('numbers');
    expect(chunks).toContain('small-errors');
    expect(chunks).toContain('small-warnings');
  });
});

/**
 * `npm start`: the whole loop on the bundled article, one locflow command at a
 * time, as a user would type them: extract → translate → import → build → check.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli', 'index.js');

function step(title: string, args: string[]): void {
  console.log(`\n== ${title}\n$ locflow ${args.join(' ')}`);
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\nstep "${title}" failed with exit code ${r.status ?? 'unknown'}`);
    process.exit(r.status ?? 1);
  }
}

const xliffFiles = (lang: string): string[] =>
  readdirSync(join(root, 'xliff', lang))
    .filter((f) => f.endsWith('.xlf'))
    .map((f) => `xliff/${lang}/${f}`);

step('extract: segment the article and write XLIFF for every target language', ['extract']);
step('translate: no translator at hand for en-XA, so pseudo-translate it', ['pseudo', '--lang', 'en-XA']);
step('import: the Spanish translation and the pseudo-translation', ['import', ...xliffFiles('es'), ...xliffFiles('en-XA')]);
step('build: rebuild each localized article (untranslated units fall back to English)', ['build']);
step('status', ['status']);
step('check: QA of the Spanish translation', ['check', '--lang', 'es']);
console.log('\nThe Spanish article is in locales/es/us-strike-northern-iraq.txt');

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

function step(title: string, args: string[], okCodes: readonly number[] = [0]): void {
  console.log(`\n== ${title}\n$ locflow ${args.join(' ')}`);
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });
  if (!okCodes.includes(r.status ?? -1)) {
    console.error(`\nstep "${title}" failed with exit code ${r.status ?? 'unknown'}`);
    process.exit(r.status ?? 1);
  }
}

const xliffFiles = (lang: string): string[] =>
  readdirSync(join(root, 'xliff', lang))
    .filter((f) => f.endsWith('.xlf'))
    .map((f) => `xliff/${lang}/${f}`);

const apertium = spawnSync('apertium', ['-l'], { encoding: 'utf8' });
const hasApertium = apertium.status === 0 && /\beng-spa\b/u.test(apertium.stdout);
const engine = hasApertium ? 'apertium' : 'pseudo';

step('extract: segment the article and write XLIFF for every target language', ['extract']);
console.log(
  hasApertium
    ? '\nApertium (eng-spa) is installed: the machine-translated draft es-x-mt is made with it.'
    : '\nApertium is not installed (apt-get install apertium apertium-eng-spa): the draft es-x-mt is pseudo-translated instead.',
);
step(`translate: a machine draft (es-x-mt) with ${engine}, kept apart from the human Spanish translation`, [
  'translate',
  '--engine',
  engine,
  '--lang',
  'es-x-mt',
]);
step('translate: no translator at hand for en-XA, so pseudo-translate it as XLIFF', ['pseudo', '--lang', 'en-XA']);
step('import: the Spanish translation and the pseudo-translation', [
  'import',
  ...xliffFiles('es'),
  ...xliffFiles('en-XA'),
]);
step('build: rebuild each localized article (untranslated units fall back to English)', ['build']);
step('status', ['status']);
step('check: QA of the human Spanish translation', ['check', '--lang', 'es']);
step(
  hasApertium
    ? 'check: QA of the apertium draft (errors expected: this is what the check is for)'
    : 'check: QA of the pseudo draft (read back as English: only what pseudo-translation must keep is checked)',
  ['check', '--lang', 'es-x-mt', '--format', 'html', '-o', 'reports/qa-es-x-mt.html'],
  [0, 1],
);
step('check: the same, as text', ['check', '--lang', 'es-x-mt'], [0, 1]);
console.log('\nThe Spanish article is in locales/es/us-strike-northern-iraq.txt');
console.log(
  `The ${engine} draft is in locales/es-x-mt/us-strike-northern-iraq.txt, its QA report in reports/qa-es-x-mt.html`,
);

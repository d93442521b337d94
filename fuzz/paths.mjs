/**
 * Symbolic link and path tricks: links out of the project where locflow reads or writes, links that
 * stay inside, FIFOs, devices, loops, odd names. Nothing outside the project may be read into it or
 * written to, and nothing may crash or hang.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { leftoverTemps, makeProject, SOURCES } from './project.mjs';
import { createHash } from 'node:crypto';
import { readdirSync, lstatSync } from 'node:fs';

const SECRET = 'TOP SECRET: the password is hunter2.';

function tree(dir) {
  const out = new Map();
  const walk = (d) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      const st = lstatSync(p);
      if (st.isDirectory() && !st.isSymbolicLink()) walk(p);
      else out.set(p, st.isFile() ? createHash('sha1').update(readFileSync(p)).digest('hex') : 'other');
    }
  };
  walk(dir);
  return out;
}

/** The bytes of every regular file the project's commands wrote (links are not followed). */
function projectText(dir) {
  let text = '';
  for (const sub of ['xliff', 'locales', 'build', 'tm']) {
    const top = join(dir, sub);
    if (!existsSync(top) || lstatSync(top).isSymbolicLink()) continue;
    for (const f of tree(top).keys()) if (lstatSync(f).isFile()) text += readFileSync(f, 'latin1');
  }
  return text;
}

export const PATH_CASES = [
  'source link out',
  'source link inside',
  'locales link out',
  'xliff link out',
  'build link out',
  'tm file link out',
  'tm folder link out',
  'dangling link out',
  'source is a FIFO',
  'source links to /dev/zero',
  'source is a folder',
  'config path escapes',
  'odd file names',
  'link loop',
  'glob through a linked folder',
];

const ODD = [
  '-rf.txt',
  '..txt',
  ' space .txt',
  'new\nline.txt',
  'tab\t.txt',
  'é\u0301.txt',
  'a'.repeat(240) + '.txt',
  '\u202eevil.txt',
  'x:y.txt',
  '%s%n.txt',
];

/** One case: sets the trick up, runs extract → translate → import → build, and checks the outside is untouched. */
export async function pathCase(kind, r, ctx) {
  const outside = mkdtempSync(join(tmpdir(), 'locflow-outside-'));
  const dir = makeProject('1.2', { 'd.txt': SOURCES['d.txt'] });
  const config = {
    sourceLanguage: 'en',
    targetLanguages: ['es'],
    sources: ['source/*.txt'],
    xliff: { version: r.pick(['1.2', '2.0']), path: 'xliff/{lang}/{doc}.xlf' },
    locales: { bundle: 'locales/{lang}/{doc}.json', output: 'build/{lang}/{doc}{ext}' },
  };
  try {
    writeFileSync(join(outside, 'creds.txt'), `${SECRET}\n`);
    mkdirSync(join(outside, 'folder'));
    const linkDir = (sub) => {
      if (sub.includes('/')) mkdirSync(join(dir, sub.split('/')[0]), { recursive: true });
      symlinkSync(join(outside, 'folder'), join(dir, sub));
    };
    let name = kind;
    switch (kind) {
      case 'source link out':
        symlinkSync(join(outside, 'creds.txt'), join(dir, 'source', r.pick(['creds.txt', 'z.txt'])));
        break;
      case 'source link inside':
        mkdirSync(join(dir, 'drafts'));
        writeFileSync(join(dir, 'drafts', 'e.txt'), 'An inside draft, linked.\n');
        symlinkSync(join('..', 'drafts', 'e.txt'), join(dir, 'source', 'e.txt'));
        break;
      case 'locales link out':
        linkDir(r.pick(['locales/es', 'locales']));
        break;
      case 'xliff link out':
        linkDir(r.pick(['xliff/es', 'xliff']));
        break;
      case 'build link out':
        linkDir(r.pick(['build/es', 'build']));
        break;
      case 'tm file link out':
        mkdirSync(join(dir, 'tm'));
        symlinkSync(join(outside, r.pick(['creds.txt', 'memory.db'])), join(dir, 'tm', 'project.db'));
        break;
      case 'tm folder link out':
        symlinkSync(join(outside, 'folder'), join(dir, 'tm'));
        break;
      case 'dangling link out': {
        const sub = r.pick(['locales/es', 'xliff/es', 'build/es', 'tm']);
        if (sub.includes('/')) mkdirSync(join(dir, sub.split('/')[0]), { recursive: true });
        symlinkSync(join(outside, 'not-yet', 'x'), join(dir, sub));
        name = `${kind} (${sub})`;
        break;
      }
      case 'source is a FIFO':
        execFileSync('mkfifo', [join(dir, 'source', 'f.txt')]);
        break;
      case 'source links to /dev/zero':
        symlinkSync(r.pick(['/dev/zero', '/dev/urandom', '/proc/self/environ']), join(dir, 'source', 'z.txt'));
        break;
      case 'source is a folder':
        mkdirSync(join(dir, 'source', 'dir.txt'));
        break;
      case 'config path escapes': {
        const key = r.pick(['xliff', 'locales', 'tm', 'sources']);
        const bad = r.pick([
          '../out/{lang}/{doc}.xlf',
          '/tmp/{lang}/{doc}.json',
          'a/../../{lang}/{doc}.x',
          '..\\{lang}\\{doc}.x',
        ]);
        if (key === 'xliff') config.xliff.path = bad;
        else if (key === 'locales') config.locales.output = bad;
        else if (key === 'tm') config.tm = { path: bad.replace('{lang}/{doc}', 'm') };
        else config.sources = [bad.replace('{lang}/{doc}', '*')];
        name = `${kind} (${key}: ${bad})`;
        break;
      }
      case 'odd file names': {
        const odd = r.pick(ODD);
        writeFileSync(join(dir, 'source', odd), 'An odd name. It has two sentences.\n');
        name = `${kind} (${JSON.stringify(odd.slice(0, 20))})`;
        break;
      }
      case 'link loop':
        symlinkSync('loop', join(dir, 'source', 'loop'));
        symlinkSync(join(dir, 'source'), join(dir, 'source', 'self'));
        config.sources = ['source/**/*.txt'];
        break;
      case 'glob through a linked folder':
        writeFileSync(join(outside, 'folder', 'leak.txt'), `${SECRET}\n`);
        symlinkSync(join(outside, 'folder'), join(dir, 'source', 'linked'));
        config.sources = ['source/**/*.txt'];
        break;
    }
    writeFileSync(join(dir, 'locflow.config.json'), JSON.stringify(config));
    const before = tree(outside);
    const steps = [
      ['extract', async () => ctx.extract(await ctx.loadProject(dir))],
      [
        'import',
        async () => {
          const file = join(dir, 'xliff', 'es', 'd.xlf');
          ctx.fill(file, () => true);
          return ctx.importFiles(await ctx.loadProject(dir), [file]);
        },
      ],
      ['build', async () => ctx.build(await ctx.loadProject(dir))],
    ];
    let outcome = { name, outcome: 'faithful' };
    for (const [step, fn] of steps) {
      const res = await ctx.attempt(fn);
      if (res.crash) {
        outcome = { name, outcome: 'crash', detail: `${step}: ${res.crash}` };
        break;
      }
      if (!res.ok) {
        outcome = { name, outcome: 'refused', detail: `${step}: ${res.refused}` };
        break;
      }
    }
    const after = tree(outside);
    const touched = [...new Set([...before.keys(), ...after.keys()])].filter((p) => before.get(p) !== after.get(p));
    if (touched.length) return { name, outcome: 'lost', detail: `wrote outside the project: ${touched.join(', ')}` };
    if (existsSync(join(outside, 'not-yet')))
      return { name, outcome: 'lost', detail: 'created a folder outside the project' };
    if (projectText(dir).includes('hunter2'))
      return { name, outcome: 'lost', detail: 'a file outside the project was read into it' };
    const temps = leftoverTemps(dir);
    if (temps.length) return { name, outcome: 'lost', detail: `temporary files left: ${temps.join(', ')}` };
    if (kind === 'source link inside' && outcome.outcome !== 'faithful')
      return { name, outcome: 'lost', detail: `a link inside the project was refused: ${outcome.detail}` };
    return outcome;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  }
}

import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  lstatSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

const Database = createRequire(import.meta.url)('better-sqlite3');

/** The fuzzed project's sources: one document per format, each with inline codes, numbers and markup. */
export const SOURCES = {
  'a.md': [
    '---',
    'title: A guide to the café',
    '---',
    '# Opening hours',
    '',
    'The café opens at **9 am** on 3 March 2024. Call [us](https://example.com/contact) or write to ask@example.com.',
    '',
    '- First item with `code` and *emphasis*.',
    '- Second item: 1,250 cups sold.',
    '',
    '> A quote with <b>raw HTML</b> in it.',
    '',
  ].join('\n'),
  'b.html': [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><title>Prices</title></head>',
    '<body><h1>Prices</h1><p>Tea costs <b>£2</b> and <a href="/menu" title="The menu">coffee</a> £3.</p>',
    '<p><img src="a.png" alt="A cup of tea"> <input placeholder="Search"></p></body></html>',
    '',
  ].join('\n'),
  'c.json': JSON.stringify(
    { greeting: 'Hello, {{name}}!', nested: { items: 'You have {{count}} items.', plain: 'Save <b>now</b>' } },
    null,
    2,
  ).concat('\n'),
  'd.txt': 'Officials said on Monday that 12 people were hurt.\n\nThe report, published at 10:30, gives no names.\n',
};

export function config(version) {
  return {
    sourceLanguage: 'en',
    targetLanguages: ['es', 'fr'],
    sources: ['source/*.md', 'source/*.html', 'source/*.json', 'source/*.txt'],
    xliff: { version, path: 'xliff/{lang}/{doc}.xlf' },
    locales: { bundle: 'locales/{lang}/{doc}.json', output: 'build/{lang}/{doc}{ext}' },
  };
}

/** A fresh project folder with the sources above (or `sources`) and a config for XLIFF `version`. */
export function makeProject(version = '1.2', sources = SOURCES, base = tmpdir()) {
  const dir = mkdtempSync(join(base, 'locflow-fuzz-'));
  mkdirSync(join(dir, 'source'));
  for (const [name, text] of Object.entries(sources)) writeFileSync(join(dir, 'source', name), text);
  writeFileSync(join(dir, 'locflow.config.json'), JSON.stringify(config(version), null, 2));
  return dir;
}

export function copyProject(from, base = tmpdir()) {
  const dir = mkdtempSync(join(base, 'locflow-fuzz-'));
  cpSync(from, dir, { recursive: true });
  return dir;
}

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = lstatSync(p);
    if (st.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** Every file the project's commands write (store, memory, export records, outputs), by path, with a hash of its bytes. */
export function snapshot(dir) {
  const out = new Map();
  for (const sub of ['locales', 'tm', '.locflow', 'xliff', 'build'])
    for (const f of walk(join(dir, sub))) {
      if (f.endsWith(`${join('.locflow', 'lock')}`)) continue;
      out.set(relative(dir, f), createHash('sha1').update(readFileSync(f)).digest('hex'));
    }
  return out;
}

/** What changed between two snapshots: ["+path", "-path", "~path"]. */
export function changes(before, after, under = '') {
  const out = [];
  for (const [p, h] of before)
    if (p.startsWith(under)) {
      if (!after.has(p)) out.push(`-${p}`);
      else if (after.get(p) !== h) out.push(`~${p}`);
    }
  for (const p of after.keys()) if (p.startsWith(under) && !before.has(p)) out.push(`+${p}`);
  return out;
}

/** Temporary files of atomic writes left anywhere in the project. */
export function leftoverTemps(dir) {
  return walk(dir).filter((f) => /\.tmp$/u.test(f) && !f.includes('node_modules'));
}

/** The stored translations of every bundle: "lang/doc#unit" → text. */
export function storedTranslations(dir) {
  const out = new Map();
  for (const f of walk(join(dir, 'locales'))) {
    if (!f.endsWith('.json') || f.endsWith('.meta.json')) continue;
    const rel = relative(join(dir, 'locales'), f).replace(/\.json$/u, '');
    const data = JSON.parse(readFileSync(f, 'utf8'));
    const flat = (o, prefix) => {
      for (const [k, v] of Object.entries(o)) {
        if (typeof v === 'string') out.set(`${rel}#${prefix}${k}`, v);
        else if (v && typeof v === 'object') flat(v, `${prefix}${k}.`);
      }
    };
    flat(data, '');
  }
  return out;
}

/** The memory's entries, in order, without the time they were added. */
export function memory(dir) {
  const path = join(dir, 'tm', 'project.db');
  if (!existsSync(path)) return [];
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const ok = db.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new Error(`memory integrity_check: ${ok}`);
    // A memory file that a refused command created but never filled holds no entries.
    if (!db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'entries'").get()) return [];
    return db
      .prepare(
        'SELECT src_lang, tgt_lang, source, target, context, origin, doc, unit FROM entries ORDER BY src_lang, tgt_lang, source, target, context',
      )
      .all()
      .map((r) => JSON.stringify(r));
  } finally {
    db.close();
  }
}

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXliffSource, writeXliffSource } from '../src/formats/xliff-source.js';
import { toPlainText } from '../src/model/content.js';
import { readXliff } from '../src/xliff/read.js';
import { locflow, ROOT } from './helpers.js';

/** Angular, Xcode and Symfony string files as source documents: extract → translate (Apertium) → build. */
const TOOLS = join(ROOT, 'tests', 'fixtures', 'xliff-tools');
const SCHEMAS = join(ROOT, '.cache', 'schemas');
const haveApertium = spawnSync('sh', ['-c', 'command -v apertium']).status === 0;
const haveSchemas = existsSync(join(SCHEMAS, 'xliff-core-2.0.xsd')) && spawnSync('xmllint', ['--version']).status === 0;

/** A tool's file as the app keeps it before translation: no target language, no targets. */
function untranslated(name: string): string {
  return readFileSync(join(TOOLS, name), 'utf8')
    .replace(/ target-language="[^"]*"/gu, '')
    .replace(/\n[ \t]*<target\b[^>]*>[^\n]*<\/target>/gu, '');
}

/** The built file with what a build may change taken out: the target language and the <target>s. */
function withoutTargets(xml: string): string {
  return xml
    .replace(/ (?:target-language|trgLang)="[^"]*"/gu, '')
    .replace(/\n[ \t]*<target\b[^>]*>[\s\S]*?<\/target>/gu, '')
    .replace(/<target\b[^>]*>[\s\S]*?<\/target>/gu, '');
}

function schemaValid(xml: string, version: '1.2' | '2.0'): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'xlf-'));
  writeFileSync(join(dir, 'f.xlf'), xml);
  const schema = join(SCHEMAS, version === '1.2' ? 'xliff-core-1.2-strict.xsd' : 'xliff-core-2.0.xsd');
  const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, join(dir, 'f.xlf')], {
    encoding: 'utf8',
    env: { ...process.env, XML_CATALOG_FILES: join(SCHEMAS, 'catalog.xml') },
  });
  return r.status === 0
    ? undefined
    : r.stderr.replaceAll(join(dir, 'f.xlf'), 'f.xlf').replace(/f\.xlf:\d+:/gu, 'f.xlf:');
}

const APPS = [
  { tool: 'Angular 1.2', fixture: 'angular-messages.es.xlf', file: 'messages.xlf', version: '1.2', units: 6 },
  { tool: 'Angular 2.0', fixture: 'angular-messages.fr.xlf', file: 'messages.xlf', version: '2.0', units: 4 },
  { tool: 'Xcode', fixture: 'xcode-de.xliff', file: 'Localizable.xliff', version: '1.2', units: 8 },
  { tool: 'Symfony', fixture: 'symfony-messages.fr.xlf', file: 'messages.xlf', version: '1.2', units: 3 },
] as const;

describe('XLIFF string files as sources', () => {
  it.each(APPS)(
    '$tool: units keep the file ids as keys, notes, and ICU syntax as codes; source build identical',
    (app) => {
      const text = untranslated(app.fixture);
      const doc = readXliffSource(text, { id: 'm', path: `source/${app.file}`, sourceLang: 'en' });
      expect(doc.units).toHaveLength(app.units);
      expect(writeXliffSource(doc, (u) => toPlainText(u.source), 'en')).toBe(text);
    },
  );

  it('Angular: the ICU structure is code, its words are text; the notes and key travel', () => {
    const doc = readXliffSource(untranslated('angular-messages.es.xlf'), { id: 'm', path: 'm.xlf', sourceLang: 'en' });
    const plural = doc.units.find((u) => u.key === '5a134dee893586d02bffc9611056b9cadf9abfad')!;
    const words = plural.source.filter((r): r is string => typeof r === 'string').join('|');
    expect(words).toBe('just now|one minute ago| minutes ago');
    expect(doc.units.find((u) => u.key === 'introductionHeader')!.notes).toContain(
      'An introduction header for this sample',
    );
  });

  it.skipIf(!haveApertium)(
    'goes extract → translate (Apertium) → build; the built file differs only in target language and <target>s, and validates',
    () => {
      for (const app of APPS) {
        const d = mkdtempSync(join(tmpdir(), 'locflow-xliff-source-'));
        mkdirSync(join(d, 'source'));
        const source = untranslated(app.fixture);
        writeFileSync(join(d, 'source', app.file), source);
        writeFileSync(
          join(d, 'locflow.config.json'),
          JSON.stringify({ sourceLanguage: 'en', targetLanguages: ['es'], sources: [`source/${app.file}`] }),
        );
        for (const args of [['extract'], ['translate', '--engine', 'apertium', '--lang', 'es'], ['build']]) {
          const r = locflow(d, ...args);
          expect(r.code, `${app.tool}: ${args.join(' ')}\n${r.stderr}`).toBe(0);
        }
        const built = readFileSync(join(d, 'locales', 'es', app.file), 'utf8');
        expect(withoutTargets(built), app.tool).toBe(source);
        expect(built.match(/<target\b/gu)?.length, app.tool).toBe(app.units);
        expect(built).toMatch(app.version === '2.0' ? /<xliff [^>]*trgLang="es"/u : /<file [^>]*target-language="es"/u);
        // As valid as the tool's own file: Xcode writes a build-num the strict schema does not know, nothing more.
        if (haveSchemas) expect(schemaValid(built, app.version), app.tool).toBe(schemaValid(source, app.version));
        if (haveSchemas && app.tool !== 'Xcode') expect(schemaValid(built, app.version), app.tool).toBeUndefined();
        // The built file is XLIFF locflow reads as a translation of its source.
        const check = locflow(d, 'check', join('locales', 'es', app.file));
        expect([0, 1], check.stderr).toContain(check.code);
      }
    },
  );

  describe('an XLIFF 2 unit of several segments', () => {
    const text = readFileSync(join(TOOLS, 'segmented-app.xlf'), 'utf8');
    const doc = readXliffSource(text, { id: 'app', path: 'source/app.xlf', sourceLang: 'en' });

    it('is one unit per segment, keyed unit#segment, in one block; the source build is identical', () => {
      expect(doc.units.map((u) => [u.key, toPlainText(u.source)])).toEqual([
        ['welcome#s1', 'Welcome to the shop.'],
        ['welcome#s2', 'Prices include <ph id="1" disp="{tax}"/> tax.'],
        ['bye', 'See you soon!'],
      ]);
      expect(doc.blocks.map((b) => b.units.length)).toEqual([2, 1]);
      expect(doc.units[1]!.notes).toContain('Shown on the home page');
      expect(writeXliffSource(doc, (u) => toPlainText(u.source), 'en')).toBe(text);
    });

    it("builds each segment its own <target>, so no segment loses its text or takes another's", () => {
      const upper = (s: string): string => s.toUpperCase();
      const built = writeXliffSource(
        doc,
        (u, escape = (s) => s) => u.source.map((r) => (typeof r === 'string' ? escape(upper(r)) : r.data)).join(''),
        'es',
      );
      const unit = readXliff(built).files[0]!.units[0]!;
      expect(unit.segments!.map((s) => s.target && toPlainText(s.target))).toEqual([
        'WELCOME TO THE SHOP.',
        'PRICES INCLUDE {tax} TAX.',
      ]);
      expect(toPlainText(unit.target!)).toBe('WELCOME TO THE SHOP. PRICES INCLUDE {tax} TAX.');
      expect(withoutTargets(built)).toBe(text);
      if (haveSchemas) expect(schemaValid(built, '2.0')).toBeUndefined();
    });
  });
});

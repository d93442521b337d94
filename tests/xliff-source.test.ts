import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXliffSource, writeXliffSource } from '../src/formats/xliff-source.js';
import { toPlainText } from '../src/model/content.js';
import type { Unit } from '../src/model/unit.js';
import { readXliff } from '../src/xliff/read.js';
import { locflowInProcess, ROOT } from './helpers.js';

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
    async () => {
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
          const r = await locflowInProcess(d, ...args);
          expect(r.code, `${app.tool}: ${args.join(' ')}\n${r.stderr}`).toBe(0);
        }
        const built = readFileSync(join(d, 'locales', 'es', app.file), 'utf8');
        // Besides the targets, a build adds only the plural forms Spanish has and the source lacks ("many").
        const own = new Set([...source.matchAll(/<trans-unit id="([^"]*)"/gu)].map((m) => m[1]));
        const added: string[] = [];
        const builtOwn = built.replace(/\n[ \t]*<trans-unit id="([^"]*)"[\s\S]*?<\/trans-unit>/gu, (t, id: string) => {
          if (own.has(id)) return t;
          added.push(id);
          return '';
        });
        expect(added, app.tool).toEqual(
          app.tool === 'Xcode' ? ['/%d new messages:dict/messages:dict/many:dict/:string'] : [],
        );
        expect(withoutTargets(builtOwn), app.tool).toBe(source);
        expect(built.match(/<target\b/gu)?.length, app.tool).toBe(app.units + added.length);
        expect(built).toMatch(app.version === '2.0' ? /<xliff [^>]*trgLang="es"/u : /<file [^>]*target-language="es"/u);
        // As valid as the tool's own file: Xcode writes a build-num the strict schema does not know, nothing more.
        if (haveSchemas) expect(schemaValid(built, app.version), app.tool).toBe(schemaValid(source, app.version));
        if (haveSchemas && app.tool !== 'Xcode') expect(schemaValid(built, app.version), app.tool).toBeUndefined();
        // The built file is XLIFF locflow reads as a translation of its source.
        const check = await locflowInProcess(d, 'check', join('locales', 'es', app.file));
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

  describe("Xcode's .stringsdict plural variants: one plural group", () => {
    const text = untranslated('xcode-de.xliff');
    const doc = readXliffSource(text, { id: 'l', path: 'source/Localizable.xliff', sourceLang: 'en' });
    const upper = (u: Unit, escape = (s: string): string => s): string =>
      u.source.map((r) => (typeof r === 'string' ? escape(r.toUpperCase()) : r.data)).join('');
    const variants = (xml: string): Array<[string, string]> =>
      readXliff(xml)
        .files[1]!.units.filter((u) => u.id.includes(':dict/messages:dict/'))
        .map((u) => [/:dict\/(\w+):dict\/:string$/u.exec(u.id)![1]!, u.target ? toPlainText(u.target) : '']);

    it('each variant says which form of which message it is', () => {
      const one = doc.units.find((u) => u.key!.includes('/one:dict/'))!;
      expect(one.notes).toContain(
        'Plural form "one" of "%d new messages" (variable messages): translate it for that form',
      );
    });

    it('a target needing forms the source lacks gets them, filled with the "other" translation (Polish: few, many)', () => {
      const built = writeXliffSource(doc, upper, 'pl');
      expect(variants(built)).toEqual([
        ['one', '%D NEW MESSAGE'],
        ['other', '%D NEW MESSAGES'],
        ['few', '%D NEW MESSAGES'],
        ['many', '%D NEW MESSAGES'],
      ]);
      // The new variants copy the "other" unit: its source, attributes and layout.
      expect(built).toContain(
        '<trans-unit id="/%d new messages:dict/messages:dict/few:dict/:string" xml:space="preserve">\n' +
          '        <source>%d new messages</source>',
      );
      if (haveSchemas) expect(schemaValid(built, '1.2')).toBe(schemaValid(text, '1.2'));
    });

    it('a target without a form of the source leaves it out (Japanese has only "other"); German keeps both', () => {
      expect(variants(writeXliffSource(doc, upper, 'ja'))).toEqual([['other', '%D NEW MESSAGES']]);
      expect(variants(writeXliffSource(doc, upper, 'de')).map(([form]) => form)).toEqual(['one', 'other']);
    });

    it('the source language is the file as it was', () => {
      expect(writeXliffSource(doc, upper, 'en')).toBe(text);
    });

    it('a string catalog\'s variants (Xcode 15: "%lld items|==|plural.one") form a group the same way', () => {
      const unit = (id: string, source: string): string =>
        `      <trans-unit id="${id}" xml:space="preserve">\n        <source>${source}</source>\n      </trans-unit>\n`;
      const catalog =
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">\n' +
        '  <file original="Shop/Localizable.xcstrings" source-language="en" datatype="plaintext">\n    <body>\n' +
        unit('%lld items|==|plural.one', '%lld item') +
        unit('%lld items|==|plural.other', '%lld items') +
        '    </body>\n  </file>\n</xliff>\n';
      const cat = readXliffSource(catalog, { id: 'c', path: 'source/Localizable.xliff', sourceLang: 'en' });
      const ids = (lang: string): string[] =>
        readXliff(writeXliffSource(cat, upper, lang)).files[0]!.units.map((u) => u.id);
      expect(ids('ru')).toEqual([
        '%lld items|==|plural.one',
        '%lld items|==|plural.other',
        '%lld items|==|plural.few',
        '%lld items|==|plural.many',
      ]);
      expect(ids('ja')).toEqual(['%lld items|==|plural.other']);
      // Attributes in another order make no difference.
      const reordered = catalog.replaceAll(/<trans-unit (id="[^"]*") (xml:space="preserve")>/gu, '<trans-unit $2 $1>');
      const re = readXliffSource(reordered, { id: 'c', path: 'source/Localizable.xliff', sourceLang: 'en' });
      expect(readXliff(writeXliffSource(re, upper, 'ru')).files[0]!.units.map((u) => u.id)).toEqual(ids('ru'));
      expect(writeXliffSource(cat, upper, 'en')).toBe(catalog);
    });
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import xliffPackage from 'xliff';
import type { Content, InlineCode, Run } from '../src/model/content.js';
import { normalizeContent, toPlainText } from '../src/model/content.js';
import type { UnitState } from '../src/model/unit.js';
import type { XliffDocument, XliffUnit, XliffVersion } from '../src/xliff/model.js';
import { readXliff, XliffReadError } from '../src/xliff/read.js';
import { writeXliff } from '../src/xliff/write.js';
import { ROOT } from './helpers.js';

const SCHEMAS = join(ROOT, '.cache', 'schemas');

function doc(version: XliffVersion, units: XliffUnit[]): XliffDocument {
  return { version, sourceLang: 'en', targetLang: 'es', files: [{ original: 'source/a.txt', units }] };
}

const code = (c: InlineCode['code'], id: string, type: InlineCode['type'], data: string): InlineCode => ({
  code: c,
  id,
  type,
  data,
});

const sample: XliffUnit[] = [
  {
    id: 'u1',
    name: 'paragraph-1.1',
    source: [
      'Hello ',
      code('open', '1', 'link', '<a href="x">'),
      'world',
      code('close', '1', 'link', '</a>'),
      ' ',
      code('standalone', '2', 'placeholder', '{{n}}'),
      ' & <more>',
    ],
    target: [
      'Hola ',
      code('open', '1', 'link', '<a href="x">'),
      'mundo',
      code('close', '1', 'link', '</a>'),
      ' ',
      code('standalone', '2', 'placeholder', '{{n}}'),
      ' & <más>',
    ],
    state: 'needs-review',
    origin: 'mt',
    notes: ['Body text.'],
    context: { role: 'paragraph' },
  },
  { id: 'u2', source: ['  leading and trailing  \n'], state: 'new', notes: [] },
  {
    id: 'u3',
    source: ['Updated: ', code('standalone', '1', 'date', 'December 05, 2023, 2:15 PM')],
    target: ['Actualizado: ', code('standalone', '1', 'date', 'December 05, 2023, 2:15 PM')],
    state: 'final',
    notes: [],
    matches: [{ score: 87.5, source: ['Updated:'], target: ['Actualizado:'], origin: 'tm' }],
  },
];

function xmllint(version: XliffVersion, xml: string): { ok: boolean; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'xlf-'));
  const file = join(dir, 'f.xlf');
  writeFileSync(file, xml);
  const schema = join(SCHEMAS, version === '1.2' ? 'xliff-core-1.2-strict.xsd' : 'xliff-core-2.0.xsd');
  const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, file], {
    encoding: 'utf8',
    env: { ...process.env, XML_CATALOG_FILES: join(SCHEMAS, 'catalog.xml') },
  });
  return { ok: r.status === 0, out: r.stderr };
}

const haveSchemas = existsSync(join(SCHEMAS, 'xliff-core-2.0.xsd')) && spawnSync('xmllint', ['--version']).status === 0;

const MODULES = join(SCHEMAS, 'locflow-xliff-2.0.xsd');
const haveModuleSchemas = existsSync(MODULES) && spawnSync('xmllint', ['--version']).status === 0;

function xmllintModules(xml: string): { ok: boolean; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'xlf-'));
  writeFileSync(join(dir, 'f.xlf'), xml);
  const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', MODULES, join(dir, 'f.xlf')], { encoding: 'utf8' });
  return { ok: r.status === 0, out: r.stderr };
}

describe.skipIf(!haveModuleSchemas)('XLIFF 2.0 modules against their schemas (scripts/xliff-schemas.sh)', () => {
  const written = writeXliff(doc('2.0', sample));

  it('validates what locflow writes: <mtc:matches>, lf:origin and the core together', () => {
    expect(written).toContain('<mtc:match ');
    expect(written).toContain('lf:origin="mt"');
    const r = xmllintModules(written);
    expect(r.out).toMatch(/validates$/mu);
    expect(r.ok).toBe(true);
  });

  // Each of these passes the core schema alone (it skips other namespaces); the module schemas refuse it.
  it.each([
    ['a bogus attribute on <mtc:matches>', ['<mtc:matches>', '<mtc:matches bogus="1">'], /attribute 'bogus'/u],
    ['a match without ref', [' ref="#s1"', ''], /'ref' is required/u],
    ['a match quality over 100', [/matchQuality="[\d.]+"/u, 'matchQuality="187.5"'], /matchQuality/u],
    ['a match type the module does not define', ['<mtc:match ', '<mtc:match type="fuzzy" '], /'type'/u],
    ['a match without <target>', [/(<mtc:match [^]*?)<target>[^]*?<\/target>/u, '$1'], /Missing child/u],
    ['an lf:origin locflow does not write', ['lf:origin="mt"', 'lf:origin="robot"'], /origin/u],
  ] as const)('refuses %s', (_what, [from, to], why) => {
    const broken = written.replace(from, to);
    expect(broken).not.toBe(written);
    const core = spawnSync('xmllint', ['--noout', '--nonet', '--schema', join(SCHEMAS, 'xliff-core-2.0.xsd'), '-'], {
      input: broken,
      encoding: 'utf8',
    });
    expect(core.status).toBe(0);
    const r = xmllintModules(broken);
    expect(r.ok).toBe(false);
    expect(r.out).toMatch(why);
  });
});

describe.each(['1.2', '2.0'] as const)('XLIFF %s', (version) => {
  it('round-trips text, whitespace, inline codes, states and origins', () => {
    const back = readXliff(writeXliff(doc(version, sample)));
    expect(back.version).toBe(version);
    expect(back.sourceLang).toBe('en');
    expect(back.targetLang).toBe('es');
    const units = back.files[0]!.units;
    expect(units.map((u) => u.id)).toEqual(['u1', 'u2', 'u3']);
    expect(toPlainText(units[1]!.source)).toBe('  leading and trailing  \n');
    expect(units.map((u) => u.state)).toEqual(['needs-review', 'new', 'final']);
    expect(units[0]!.origin).toBe('mt');
    expect(units[0]!.target!.filter((r) => typeof r !== 'string').map((c) => (c as InlineCode).code)).toEqual([
      'open',
      'close',
      'standalone',
    ]);
    expect(units[0]!.target!.filter((r): r is string => typeof r === 'string').join('')).toBe('Hola mundo  & <más>');
  });

  it.skipIf(!haveSchemas)('validates against the OASIS schema with xmllint', () => {
    const r = xmllint(version, writeXliff(doc(version, sample)));
    expect(r.out).toMatch(/validates$/mu);
    expect(r.ok).toBe(true);
  });

  it('keeps whitespace between two inline codes and a trailing newline (which the xliff package drops)', () => {
    const source: Run[] = [code('standalone', '1', 'tag', '<br/>'), ' ', code('standalone', '2', 'tag', '<br/>'), '\n'];
    const back = readXliff(
      writeXliff(doc(version, [{ id: 'w', source, target: source, state: 'translated', notes: [] }])),
    );
    expect(normalizeContent(back.files[0]!.units[0]!.target!).map((r) => (typeof r === 'string' ? r : r.id))).toEqual([
      '1',
      ' ',
      '2',
      '\n',
    ]);
  });

  it('round-trips any content (property)', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', ' ', '\n', '&', '<', '>', '"', "'", 'é', '١', '\t', ']]>'),
      maxLength: 12,
    });
    const states = fc.constantFrom<UnitState>('translated', 'needs-review', 'reviewed', 'final');
    const content = fc
      .array(fc.oneof(text, fc.constantFrom<'x' | 'pair'>('x', 'pair')), { maxLength: 8 })
      .map((parts) => {
        const runs: Run[] = [];
        parts.forEach((p, i) => {
          if (p === 'x') runs.push(code('standalone', `c${i}`, 'placeholder', `{p${i}}`));
          else if (p === 'pair')
            runs.push(code('open', `g${i}`, 'tag', '<b>'), `in${i}`, code('close', `g${i}`, 'tag', '</b>'));
          else runs.push(p);
        });
        return normalizeContent(runs);
      });
    fc.assert(
      fc.property(content, content, states, (source, target, state) => {
        const back = readXliff(writeXliff(doc(version, [{ id: 'p', source, target, state, notes: [] }]))).files[0]!
          .units[0]!;
        const shape = (c: Content): string =>
          JSON.stringify(normalizeContent(c).map((r) => (typeof r === 'string' ? r : `${r.code}:${r.id}`)));
        expect(shape(back.source)).toBe(shape(source));
        expect(shape(back.target!)).toBe(shape(target));
        expect(back.state).toBe(state);
      }),
      { numRuns: 200 },
    );
  });
});

describe('XLIFF reader refuses bad input with a place', () => {
  const ok = writeXliff(doc('1.2', sample));

  it('malformed XML: line and column', () => {
    const broken = ok.replace('</source>', '</sauce>');
    try {
      readXliff(broken);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(XliffReadError);
      expect((err as XliffReadError).line).toBe(9);
      expect((err as XliffReadError).column).toBeGreaterThan(1);
      expect((err as Error).message).toMatch(/malformed XML/u);
    }
  });

  it('external entities (XXE) and entity bombs are refused before any expansion', () => {
    const xxe = ok
      .replace('<xliff', '<!DOCTYPE xliff [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<xliff')
      .replace('Hello ', 'Hello &x; ');
    const bomb = ok
      .replace(
        '<xliff',
        '<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n<xliff',
      )
      .replace('Hello ', '&c; ');
    for (const x of [xxe, bomb]) expect(() => readXliff(x)).toThrow(/DOCTYPE declares entities/u);
  });

  it('a plain DOCTYPE without internal subset, as older tools write, is accepted', () => {
    const old = ok.replace(
      '<xliff',
      '<!DOCTYPE xliff PUBLIC "-//XLIFF//DTD XLIFF//EN" "http://www.oasis-open.org/committees/xliff/documents/xliff.dtd">\n<xliff',
    );
    expect(readXliff(old).files[0]!.units).toHaveLength(3);
  });

  it('a file that is not XLIFF, or an unsupported version', () => {
    expect(() => readXliff('<html/>')).toThrow(/not an XLIFF file/u);
    expect(() => readXliff('<xliff version="3.0"/>')).toThrow(/not supported/u);
  });
});

describe('interoperability with the xliff package', () => {
  it('reads what locflow writes: same ids, texts and targets', async () => {
    const units: XliffUnit[] = [
      {
        id: 'a1',
        source: ['The air strike hit militiamen on Sunday.'],
        target: ['El ataque alcanzó a milicianos el domingo.'],
        state: 'translated',
        notes: [],
      },
      { id: 'a2', source: ['About 1,200 people & more'], state: 'new', notes: [] },
    ];
    const js = (await xliffPackage.xliff12ToJs(writeXliff(doc('1.2', units)))) as {
      resources: Record<string, Record<string, { source: unknown; target?: unknown }>>;
    };
    const read = Object.values(js.resources)[0]!;
    expect(Object.keys(read)).toEqual(['a1', 'a2']);
    expect(read.a1).toMatchObject({
      source: 'The air strike hit militiamen on Sunday.',
      target: 'El ataque alcanzó a milicianos el domingo.',
    });
    expect(read.a2!.source).toBe('About 1,200 people & more');
  });
});

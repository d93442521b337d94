import { describe, expect, it } from 'vitest';
import { readXliff, XliffReadError } from '../src/xliff/read.js';

/**
 * The XLIFF 2 core constraints, one invalid file per class of the OASIS core test suite's invalid
 * files (written here after the specification's "Constraints" and "Processing Requirements"
 * paragraphs; the OASIS suite itself is not vendored). Each must be refused for its own reason:
 * the message names the element and attribute it breaks, and the place.
 */

const NS = 'urn:oasis:names:tc:xliff:document:2.0';

/** An XLIFF 2.0 document around `body` (the children of <file>), with `root` attributes replacing the defaults. */
function xliff(body: string, root = 'srcLang="en" trgLang="fr"', file = 'id="f1"'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="${NS}" version="2.0" ${root}>\n<file ${file}>\n${body}\n</file>\n</xliff>\n`;
}
const unit = (inner: string, attrs = 'id="u1"'): string => `<unit ${attrs}>${inner}</unit>`;
const seg = (source: string, target?: string, attrs = ''): string =>
  `<segment${attrs}><source>${source}</source>${target === undefined ? '' : `<target>${target}</target>`}</segment>`;

interface Case {
  readonly name: string;
  readonly xml: string;
  /** What the refusal must say: the element, the attribute and the rule. */
  readonly reason: RegExp;
}

const INVALID: readonly Case[] = [
  // Structure and grammar
  { name: 'no srcLang', xml: xliff(unit(seg('a')), 'trgLang="fr"'), reason: /srcLang/u },
  { name: 'no <file>', xml: `<xliff xmlns="${NS}" version="2.0" srcLang="en"></xliff>`, reason: /no <file>/u },
  { name: 'file without id', xml: xliff(unit(seg('a')), undefined, 'original="a"'), reason: /<file> has no id/u },
  { name: 'empty file', xml: xliff(''), reason: /<file> has no <unit> or <group>/u },
  { name: 'unit without id', xml: xliff(unit(seg('a'), 'name="x"')), reason: /<unit> has no id/u },
  {
    name: 'unit without segment',
    xml: xliff(unit('<ignorable><source> </source></ignorable>')),
    reason: /<unit> has no <segment>/u,
  },
  { name: 'group without id', xml: xliff(`<group>${unit(seg('a'))}</group>`), reason: /<group> has no id/u },
  { name: 'segment without source', xml: xliff(unit('<segment><target>a</target></segment>')), reason: /0 <source>/u },
  {
    name: 'two sources',
    xml: xliff(unit('<segment><source>a</source><source>b</source></segment>')),
    reason: /2 <source>/u,
  },
  {
    name: 'two targets',
    xml: xliff(unit('<segment><source>a</source><target>b</target><target>c</target></segment>')),
    reason: /2 <target>/u,
  },
  {
    name: 'target before source',
    xml: xliff(unit('<segment><target>b</target><source>a</source></segment>')),
    reason: /<source> comes after <target>/u,
  },
  {
    name: 'notes after segment',
    xml: xliff(unit(`${seg('a')}<notes><note>n</note></notes>`)),
    reason: /<notes> comes after <segment>/u,
  },
  {
    name: 'unknown core element in unit',
    xml: xliff(unit(`<bogus/>${seg('a')}`)),
    reason: /<bogus> is not allowed inside <unit>/u,
  },
  { name: 'unknown element inline', xml: xliff(unit(seg('a<b>x</b>'))), reason: /<b> is not allowed inside <source>/u },
  {
    name: 'module element in a segment',
    xml: xliff(unit('<segment><my:x xmlns:my="urn:x"/><source>a</source></segment>')),
    reason: /<my:x> is not allowed inside <segment>/u,
  },
  {
    name: 'unknown attribute on unit',
    xml: xliff(unit(seg('a'), 'id="u1" bogus="1"')),
    reason: /<unit> has the attribute bogus/u,
  },
  {
    name: 'unknown attribute on source',
    xml: xliff(unit('<segment><source foo="x">a</source></segment>')),
    reason: /<source> has the attribute foo/u,
  },
  {
    name: 'xml:lang on unit',
    xml: xliff(unit(seg('a'), 'id="u1" xml:lang="en"')),
    reason: /<unit> may not carry xml:lang/u,
  },
  { name: 'unknown xml: attribute', xml: xliff(unit(seg('a'), 'id="u1" xml:base="x"')), reason: /xml:base/u },
  { name: 'empty notes', xml: xliff(unit(`<notes></notes>${seg('a')}`)), reason: /<notes> has no <note>/u },
  {
    name: 'empty originalData',
    xml: xliff(unit(`<originalData></originalData>${seg('a')}`)),
    reason: /<originalData> has no <data>/u,
  },
  {
    name: 'two notes elements',
    xml: xliff(unit(`<notes><note>a</note></notes><notes><note>b</note></notes>${seg('a')}`)),
    reason: /more than one <notes>/u,
  },
  {
    name: 'skeleton with href and content',
    xml: xliff(`<skeleton href="a.skl">x</skeleton>${unit(seg('a'))}`),
    reason: /<skeleton> has both an href/u,
  },
  { name: 'empty skeleton', xml: xliff(`<skeleton/>${unit(seg('a'))}`), reason: /<skeleton> has neither/u },
  { name: 'element inside ph', xml: xliff(unit(seg('<ph id="1"><ph id="2"/></ph>'))), reason: /<ph> must be empty/u },
  // Unique ids
  {
    name: 'duplicate file id',
    xml: xliff(`${unit(seg('a'))}</file><file id="f1">${unit(seg('b'))}`),
    reason: /<file> id="f1" is used twice/u,
  },
  { name: 'duplicate unit id', xml: xliff(unit(seg('a')) + unit(seg('b'))), reason: /<unit> id="u1" is used twice/u },
  {
    name: 'duplicate unit id across groups',
    xml: xliff(`<group id="g1">${unit(seg('a'))}</group><group id="g2">${unit(seg('b'))}</group>`),
    reason: /<unit> id="u1" is used twice/u,
  },
  {
    name: 'duplicate group id',
    xml: xliff(`<group id="g">${unit(seg('a'))}</group><group id="g">${unit(seg('b'), 'id="u2"')}</group>`),
    reason: /<group> id="g" is used twice/u,
  },
  {
    name: 'duplicate segment id',
    xml: xliff(unit(`${seg('a', undefined, ' id="s"')}${seg('b', undefined, ' id="s"')}`)),
    reason: /<segment> id="s" is used twice/u,
  },
  {
    name: 'segment and ignorable share an id',
    xml: xliff(unit(`${seg('a', undefined, ' id="s"')}<ignorable id="s"><source> </source></ignorable>`)),
    reason: /<ignorable> id="s" is used twice/u,
  },
  {
    name: 'duplicate data id',
    xml: xliff(
      unit(
        `<originalData><data id="d1">a</data><data id="d1">b</data></originalData>${seg('<ph id="1" dataRef="d1"/>')}`,
      ),
    ),
    reason: /<data> id="d1" is used twice/u,
  },
  {
    name: 'duplicate ph id',
    xml: xliff(unit(seg('<ph id="1"/> and <ph id="1"/>'))),
    reason: /<ph> id="1" is used twice/u,
  },
  {
    name: 'ph and pc share an id',
    xml: xliff(unit(seg('<ph id="1"/> and <pc id="1">x</pc>'))),
    reason: /<pc> id="1" is used twice/u,
  },
  {
    name: 'code id equal to a segment id',
    xml: xliff(unit(seg('<ph id="s1"/>', undefined, ' id="s1"'))),
    reason: /<ph> id="s1" is used twice/u,
  },
  {
    name: 'duplicate mrk id',
    xml: xliff(unit(seg('<mrk id="m">a</mrk><mrk id="m">b</mrk>'))),
    reason: /<mrk> id="m" is used twice/u,
  },
  {
    name: 'duplicate note id',
    xml: xliff(unit(`<notes><note id="n">a</note><note id="n">b</note></notes>${seg('a')}`)),
    reason: /<note> id="n" is used twice/u,
  },
  { name: 'ph without id', xml: xliff(unit(seg('<ph/>'))), reason: /<ph> has no id/u },
  {
    name: 'data without id',
    xml: xliff(unit(`<originalData><data>a</data></originalData>${seg('a')}`)),
    reason: /<data> has no id/u,
  },
  // References
  {
    name: 'dataRef to unknown data',
    xml: xliff(unit(seg('<ph id="1" dataRef="d9"/>'))),
    reason: /dataRef="d9", but the unit has no <data id="d9">/u,
  },
  {
    name: 'dataRefStart to unknown data',
    xml: xliff(
      unit(
        `<originalData><data id="d1">a</data></originalData>${seg('<pc id="1" dataRefStart="d1" dataRefEnd="d2">x</pc>')}`,
      ),
    ),
    reason: /dataRefEnd="d2"/u,
  },
  {
    name: 'dataRef to data of another unit',
    xml: xliff(
      unit(`<originalData><data id="d1">a</data></originalData>${seg('a')}`) +
        unit(seg('<ph id="1" dataRef="d1"/>'), 'id="u2"'),
    ),
    reason: /dataRef="d1", but the unit has no <data id="d1">/u,
  },
  {
    name: 'ec with unknown startRef',
    xml: xliff(unit(seg('a<ec startRef="9"/>'))),
    reason: /<ec> has startRef="9", but no <sc id="9">/u,
  },
  {
    name: 'ec before its sc',
    xml: xliff(unit(seg('<ec startRef="1"/>a<sc id="1"/>'))),
    reason: /startRef="1", but no <sc id="1"> comes before/u,
  },
  {
    name: 'ec without startRef or isolation',
    xml: xliff(unit(seg('<sc id="1" isolated="yes"/>a<ec/>'))),
    reason: /<ec> has no startRef/u,
  },
  {
    name: 'isolated ec with startRef',
    xml: xliff(unit(seg('a<ec id="2" isolated="yes" startRef="1"/>'))),
    reason: /isolated="yes"> has a startRef/u,
  },
  { name: 'sc never closed', xml: xliff(unit(seg('<sc id="1"/>a'))), reason: /<sc id="1"> has no <ec startRef="1">/u },
  {
    name: 'em with unknown startRef',
    xml: xliff(unit(seg('a<em startRef="m"/>'))),
    reason: /<em> has startRef="m", but no open <sm/u,
  },
  {
    name: 'copyOf unknown code',
    xml: xliff(unit(seg('<ph id="1"/>', '<ph id="1"/><ph id="2" copyOf="7"/>'))),
    reason: /copyOf="7", but no code/u,
  },
  {
    name: 'copyOf of another kind',
    xml: xliff(unit(seg('<ph id="1"/><pc id="p">x</pc>', '<ph id="1"/><pc id="p">x</pc><ph id="2" copyOf="p"/>'))),
    reason: /names a <pc>; a copy is of the same kind/u,
  },
  {
    name: 'copyOf and dataRef together',
    xml: xliff(
      unit(
        `<originalData><data id="d1">a</data></originalData>${seg('<ph id="1" dataRef="d1"/>', '<ph id="1" dataRef="d1"/><ph id="2" copyOf="1" dataRef="d1"/>')}`,
      ),
    ),
    reason: /both dataRef and copyOf/u,
  },
  // Languages
  {
    name: 'target xml:lang differs from trgLang',
    xml: xliff(unit('<segment><source>a</source><target xml:lang="de">b</target></segment>')),
    reason: /<target> has xml:lang="de", but <xliff> has trgLang="fr"/u,
  },
  {
    name: 'source xml:lang differs from srcLang',
    xml: xliff(unit('<segment><source xml:lang="de">a</source></segment>')),
    reason: /<source> has xml:lang="de", but <xliff> has srcLang="en"/u,
  },
  {
    name: 'malformed srcLang',
    xml: xliff(unit(seg('a')), 'srcLang="e"'),
    reason: /srcLang="e": this is not a well-formed language tag/u,
  },
  {
    name: 'malformed trgLang',
    xml: xliff(unit(seg('a')), 'srcLang="en" trgLang="f r"'),
    reason: /trgLang="f r": this is not a well-formed language tag/u,
  },
  // Values and their combinations
  {
    name: 'unknown state',
    xml: xliff(unit(seg('a', 'b', ' state="done"'))),
    reason: /state="done"; it must be one of initial, translated, reviewed, final/u,
  },
  {
    name: 'subState without state',
    xml: xliff(unit(seg('a', 'b', ' subState="my:x"'))),
    reason: /subState="my:x" but no state/u,
  },
  {
    name: 'subState without prefix',
    xml: xliff(unit(seg('a', 'b', ' state="translated" subState="x"'))),
    reason: /subState="x"; it must be prefix:value/u,
  },
  {
    name: 'translate neither yes nor no',
    xml: xliff(unit(seg('a'), 'id="u1" translate="maybe"')),
    reason: /translate="maybe"/u,
  },
  { name: 'canResegment value', xml: xliff(unit(seg('a'), 'id="u1" canResegment="1"')), reason: /canResegment="1"/u },
  {
    name: 'xml:space value',
    xml: xliff(unit('<segment><source xml:space="keep">a</source></segment>')),
    reason: /xml:space="keep"/u,
  },
  { name: 'srcDir value', xml: xliff(unit(seg('a'), 'id="u1" srcDir="up"')), reason: /srcDir="up"/u },
  { name: 'dir on a code', xml: xliff(unit(seg('<pc id="1" dir="sideways">a</pc>'))), reason: /dir="sideways"/u },
  {
    name: 'note appliesTo',
    xml: xliff(unit(`<notes><note appliesTo="unit">a</note></notes>${seg('a')}`)),
    reason: /appliesTo="unit"/u,
  },
  {
    name: 'note priority',
    xml: xliff(unit(`<notes><note priority="11">a</note></notes>${seg('a')}`)),
    reason: /priority="11"/u,
  },
  {
    name: 'code type',
    xml: xliff(unit(seg('<ph id="1" type="bold"/>'))),
    reason: /type="bold"; it must be one of fmt/u,
  },
  {
    name: 'subType without type',
    xml: xliff(unit(seg('<ph id="1" subType="my:b"/>'))),
    reason: /subType="my:b" but no type/u,
  },
  {
    name: 'subType without prefix',
    xml: xliff(unit(seg('<ph id="1" type="fmt" subType="b"/>'))),
    reason: /subType="b"; it must be prefix:value/u,
  },
  {
    name: 'xlf:b on a ui code',
    xml: xliff(unit(seg('<ph id="1" type="ui" subType="xlf:b"/>'))),
    reason: /subType="xlf:b", which requires type="fmt"/u,
  },
  {
    name: 'xlf:var on a fmt code',
    xml: xliff(unit(seg('<ph id="1" type="fmt" subType="xlf:var"/>'))),
    reason: /subType="xlf:var", which requires type="ui"/u,
  },
  {
    name: 'unknown xlf: subType',
    xml: xliff(unit(seg('<ph id="1" type="fmt" subType="xlf:bold"/>'))),
    reason: /xlf:bold", which XLIFF does not define/u,
  },
  { name: 'mrk type', xml: xliff(unit(seg('<mrk id="m" type="bold">a</mrk>'))), reason: /<mrk> has type="bold"/u },
  {
    name: 'comment without value or ref',
    xml: xliff(unit(seg('<mrk id="m" type="comment">a</mrk>'))),
    reason: /comment"> has neither value nor ref/u,
  },
  {
    name: 'comment with value and ref',
    xml: xliff(unit(seg('<mrk id="m" type="comment" value="v" ref="#n">a</mrk>'))),
    reason: /comment"> has both value and ref/u,
  },
  { name: 'cp without hex', xml: xliff(unit(seg('a<cp/>'))), reason: /<cp> has no hex/u },
  {
    name: 'cp not a code point',
    xml: xliff(unit(seg('a<cp hex="11FFFF"/>'))),
    reason: /<cp> has hex="11FFFF", which is not a Unicode code point/u,
  },
  {
    name: 'target order out of range',
    xml: xliff(unit(seg('a', 'b') + '<segment><source>c</source><target order="5">d</target></segment>')),
    reason: /order="5"; it must be a position from 1 to 2/u,
  },
  {
    name: 'target order taken twice',
    xml: xliff(
      unit(
        '<segment><source>a</source><target order="1">b</target></segment><segment><source>c</source><target order="1">d</target></segment>',
      ),
    ),
    reason: /order="1" is used twice/u,
  },
  // Editing hints between source and target
  {
    name: 'canReorder=no with canCopy',
    xml: xliff(unit(seg('<ph id="1" canReorder="no" canDelete="no"/>'))),
    reason: /canReorder="no", which requires canCopy="no" and canDelete="no"/u,
  },
  {
    name: 'canReorder=firstNo with canDelete',
    xml: xliff(unit(seg('<ph id="1" canReorder="firstNo" canCopy="no"/>'))),
    reason: /canReorder="firstNo", which requires/u,
  },
  { name: 'canReorder value', xml: xliff(unit(seg('<ph id="1" canReorder="maybe"/>'))), reason: /canReorder="maybe"/u },
  {
    name: 'non-removable code missing from target',
    xml: xliff(unit(seg('a<ph id="1" canDelete="no"/>', 'b'))),
    reason: /<ph id="1"> has canDelete="no", but the target does not have it/u,
  },
  {
    name: 'copy of a code that may not be copied',
    xml: xliff(unit(seg('<ph id="1" canCopy="no"/>', '<ph id="1" canCopy="no"/><ph id="2" copyOf="1"/>'))),
    reason: /copies "1", which has canCopy="no"/u,
  },
  {
    name: 'code changes kind in target',
    xml: xliff(unit(seg('<ph id="1"/>', '<sc id="1" isolated="yes"/>'))),
    reason: /<sc id="1"> in the target is a <ph> in the source/u,
  },
];

const VALID: ReadonlyArray<{ name: string; xml: string }> = [
  // trgLang is required with targets, but Angular writes none: the language comes from --lang or the file name.
  { name: 'targets without trgLang', xml: xliff(unit(seg('a', 'b')), 'srcLang="en"') },
  { name: 'minimal, no trgLang and no target', xml: xliff(unit(seg('a')), 'srcLang="en"') },
  {
    name: 'groups, notes, ignorables, matching xml:lang',
    xml: xliff(
      `<notes><note id="n1" priority="2" appliesTo="source">file note</note></notes><group id="g1">${unit(`<notes><note>n</note></notes>${seg('a', 'b', ' id="s1" state="final"')}<ignorable><source> </source></ignorable>`)}</group>`,
    ),
  },
  {
    name: 'codes, data, sc/ec, sm/em, copyOf, cp, isolated ends',
    xml: xliff(
      unit(
        '<originalData><data id="d1">&lt;b&gt;</data><data id="d2">&lt;/b&gt;</data><data id="d3">x<cp hex="1B"/></data></originalData>' +
          seg(
            '<pc id="1" dataRefStart="d1" dataRefEnd="d2" type="fmt" subType="xlf:b">a</pc><sc id="2"/>b<ec startRef="2"/><sm id="m1" type="term"/>c<em startRef="m1"/><ph id="3" dataRef="d3"/><ec id="4" isolated="yes"/><cp hex="7"/>',
            '<pc id="1" dataRefStart="d1" dataRefEnd="d2" type="fmt" subType="xlf:b">A</pc><sc id="2"/>B<ec startRef="2"/>C<ph id="3" dataRef="d3"/><ph id="5" copyOf="3"/><ec id="4" isolated="yes"/>',
            ' state="translated" subState="my:x"',
          ),
      ),
    ),
  },
  {
    name: 'modules: attributes and elements where extension is allowed',
    xml: xliff(
      unit(
        `<mtc:matches xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0"><mtc:match ref="#s1"><source>a</source><target>b</target></mtc:match></mtc:matches>${seg('a', 'b', ' id="s1"')}`,
        'id="u1" xmlns:fs="urn:oasis:names:tc:xliff:fs:2.0" fs:fs="p"',
      ),
    ),
  },
  {
    name: 'non-removable code kept, editing hints consistent',
    xml: xliff(
      unit(
        seg(
          '<ph id="1" canDelete="no"/>a<ph id="2" canReorder="no" canCopy="no" canDelete="no"/>',
          'b<ph id="2" canReorder="no" canCopy="no" canDelete="no"/><ph id="1" canDelete="no"/>',
        ),
      ),
    ),
  },
];

function refusal(xml: string): XliffReadError | undefined {
  try {
    readXliff(xml);
    return undefined;
  } catch (err) {
    if (err instanceof XliffReadError) return err;
    throw err; // anything else is a crash, and fails the test
  }
}

describe('XLIFF 2 core constraints', () => {
  it.each(INVALID.map((c) => [c.name, c] as const))('refuses %s for its own reason, with its place', (_name, c) => {
    const err = refusal(c.xml);
    expect(err, 'accepted').toBeDefined();
    expect(err!.message).toMatch(c.reason);
    expect(err!.line).toBeGreaterThan(0);
  });

  it.each(VALID.map((c) => [c.name, c] as const))('reads a valid file: %s', (_name, c) => {
    expect(refusal(c.xml)?.message).toBeUndefined();
  });

  it('names the unit of the violation and counts the others', () => {
    const err = refusal(xliff(unit(seg('<ph id="1" dataRef="x"/><ph id="1" dataRef="y"/>'), 'id="intro"')));
    expect(err!.message).toMatch(/in unit "intro" \(and 2 more violations of XLIFF 2\)/u);
    expect(err!.id).toBe('xliff/constraint');
  });

  it('gives the line of the offending element', () => {
    const err = refusal(xliff(`${unit(seg('a'))}\n\n${unit(seg('b'), 'id="u1"')}`));
    expect(err!.line).toBe(6);
  });
});

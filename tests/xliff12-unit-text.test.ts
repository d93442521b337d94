import { describe, expect, it } from 'vitest';
import { xliff12Writer } from '../src/xliff/xliff12.js';
import type { XliffUnit } from '../src/xliff/model.js';

// Units with every part a trans-unit may have: a name or a key from the notes, approval, a target with its language
// and qualifier, matches, context (escaped), notes; and without them.
const units: XliffUnit[] = [
  {
    id: 'u1',
    name: 'paragraph-1.1',
    source: ['Hello ', { code: 'standalone', id: '1', type: 'url', data: 'http://a.b/?x=1&y=<2>' }, ' world.'],
    state: 'new',
    notes: ['Body text.'],
    context: { role: 'paragraph', previous: 'A "quoted" <prev>', next: 'Tab\there' },
  },
  {
    id: 'u2&"',
    source: ['Plain'],
    target: ['Llano'],
    state: 'translated',
    origin: 'mt:apertium',
    notes: ['Key: common.greeting', 'Second note & more'],
    matches: [
      { score: 87.6, origin: 'tm:x', source: ['Plain.'], target: ['Llano.'] },
      { score: 50.2, origin: 'mt', source: ['P'], target: ['L'] },
    ],
  },
  { id: 'u3', source: [], target: ['Hecho'], state: 'final', origin: 'human', notes: [] },
  { id: 'u4', source: ['x'], state: 'reviewed', notes: ['Body text.'], context: {} },
];

describe('XLIFF 1.2 trans-unit text', () => {
  it('is written line by line as it always was', () => {
    const w = xliff12Writer({ name: 'locflow', version: '1' });
    let out = '';
    for (const u of units) out += w.unit(u, { sourceLang: 'en', targetLang: 'es' });
    out += w.unit(units[3]!, { sourceLang: 'en' });
    out += w.unit({ ...units[1]!, target: ['T'] }, { sourceLang: 'en' });
    expect(out).toBe(
      [
        '      <trans-unit id="u1" resname="paragraph-1.1" xml:space="preserve">',
        '        <source>Hello <ph id="1" ctype="x-url">http://a.b/?x=1&amp;y=&lt;2&gt;</ph> world.</source>',
        '        <context-group purpose="information">',
        '          <context context-type="x-role">paragraph</context>',
        '          <context context-type="x-previous">A "quoted" &lt;prev&gt;</context>',
        '          <context context-type="x-next">Tab\there</context>',
        '        </context-group>',
        '        <note from="developer">Body text.</note>',
        '      </trans-unit>',
        '      <trans-unit id="u2&amp;&quot;" resname="common.greeting" xml:space="preserve">',
        '        <source>Plain</source>',
        '        <target xml:lang="es" state="translated" state-qualifier="leveraged-mt">Llano</target>',
        '        <alt-trans match-quality="88" origin="tm:x">',
        '          <source>Plain.</source>',
        '          <target>Llano.</target>',
        '        </alt-trans>',
        '        <alt-trans match-quality="50" origin="mt">',
        '          <source>P</source>',
        '          <target>L</target>',
        '        </alt-trans>',
        '        <note from="developer">Key: common.greeting</note>',
        '        <note from="developer">Second note &amp; more</note>',
        '      </trans-unit>',
        '      <trans-unit id="u3" approved="yes" xml:space="preserve">',
        '        <source></source>',
        '        <target xml:lang="es" state="final">Hecho</target>',
        '      </trans-unit>',
        '      <trans-unit id="u4" approved="yes" xml:space="preserve">',
        '        <source>x</source>',
        '        <note from="developer">Body text.</note>',
        '      </trans-unit>',
        '      <trans-unit id="u4" approved="yes" xml:space="preserve">',
        '        <source>x</source>',
        '        <note from="developer">Body text.</note>',
        '      </trans-unit>',
        '      <trans-unit id="u2&amp;&quot;" resname="common.greeting" xml:space="preserve">',
        '        <source>Plain</source>',
        '        <target state="translated" state-qualifier="leveraged-mt">T</target>',
        '        <alt-trans match-quality="88" origin="tm:x">',
        '          <source>Plain.</source>',
        '          <target>Llano.</target>',
        '        </alt-trans>',
        '        <alt-trans match-quality="50" origin="mt">',
        '          <source>P</source>',
        '          <target>L</target>',
        '        </alt-trans>',
        '        <note from="developer">Key: common.greeting</note>',
        '        <note from="developer">Second note &amp; more</note>',
        '      </trans-unit>',
      ].join('\n') + '\n',
    );
  });
});

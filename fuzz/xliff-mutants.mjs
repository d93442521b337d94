/**
 * Mutants of the project's own XLIFF output (1.2 and 2.0) and TMX: each operator takes a translated file and
 * returns bad bytes. `faithful: true` marks mutants that keep the file's meaning (a change of
 * encoding): they must import exactly as the original does.
 */
import { Buffer } from 'node:buffer';

const ELEMENTS = ['trans-unit', 'unit', 'target', 'source', 'segment', 'g', 'pc', 'x', 'ph', 'file', 'group', 'note'];
const TMX_ELEMENTS = ['tu', 'tuv', 'seg', 'hi', 'bpt', 'ept', 'ph', 'it', 'prop', 'header', 'body'];
const isTmx = (xml) => xml.includes('<tmx');
/** The element whose text is the translation: <target> in XLIFF, <seg> in TMX. */
const targetOf = (xml) => (isTmx(xml) ? 'seg' : 'target');
const FRAGMENTS = [
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '<?pi x?>',
  '&amp;',
  '&#0;',
  '&#x1B;',
  '&#xD800;',
  '&#xFFFE;',
  '&bogus;',
  '<',
  '>',
  '"',
  '</target>',
  '<target>',
  '</unit>',
  '</trans-unit>',
  '{{bx1}}',
  '{{ex1}}',
  '{\\{x2}}',
  '{{x99}}',
  '\u0000',
  '\u001b[31m',
  '\uE0000\uE001',
  '\uFEFF',
  '\uD83D',
  '<x id="1"/>',
  '<ph id="1"/>',
  '<g id="1">',
  '</g>',
  '<pc id="1">',
  '</pc>',
  '<bpt id="9">',
  '<ept id="9"/>',
  '<sc id="1"/>',
  '<ec startRef="1"/>',
  '<mrk id="m1" type="term">',
  '</mrk>',
  '<cp hex="0000"/>',
  '<cp hex="1B"/>',
  '<cp hex="ZZ"/>',
];

/** Every occurrence of an element (start tag to its end tag, not nested-aware) as [start, end]. */
function spans(xml, name) {
  const out = [];
  const re = new RegExp(`<${name}(?=[\\s>/])[^>]*?(?:/>|>[\\s\\S]*?</${name}>)`, 'gu');
  for (const m of xml.matchAll(re)) out.push([m.index, m.index + m[0].length]);
  return out;
}

function attrValues(xml) {
  return [...xml.matchAll(/\s([\w:-]+)="([^"]*)"/gu)].map((m) => ({
    name: m[1],
    start: m.index + m[0].indexOf('"') + 1,
    end: m.index + m[0].length - 1,
  }));
}

const utf8 = (s) => Buffer.from(s, 'utf8');

function transcode(xml, r) {
  const kind = r.pick(['utf16le', 'utf16be', 'latin1', 'bom', 'declared-wrong', 'unknown']);
  const declare = (enc) => xml.replace(/encoding="[^"]*"/u, `encoding="${enc}"`);
  switch (kind) {
    case 'utf16le':
      return {
        bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(declare('UTF-16'), 'utf16le')]),
        faithful: true,
      };
    case 'utf16be': {
      const le = Buffer.from(declare('UTF-16'), 'utf16le');
      for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
      return { bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), le]), faithful: true };
    }
    case 'latin1': {
      // Characters Latin-1 lacks become character references, as any XML writer does.
      const text = declare('ISO-8859-1').replace(/[^\u0000-\u00ff]/gu, (c) => `&#x${c.codePointAt(0).toString(16)};`);
      // References are not allowed in attribute-free places like tag names, but the file's only non-Latin-1 characters are in text.
      return { bytes: Buffer.from(text, 'latin1'), faithful: !/<[^>]*[^\u0000-\u00ff]/u.test(xml) };
    }
    case 'bom':
      return { bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(xml)]), faithful: true };
    case 'declared-wrong':
      return { bytes: utf8(declare('ISO-8859-1')) };
    default:
      return { bytes: utf8(declare(r.pick(['klingon', 'UTF-32', 'x-user-defined', 'utf-7', '']))) };
  }
}

const OPERATORS = {
  truncate: (xml, r) => ({ bytes: utf8(xml).subarray(0, r.int(0, Buffer.byteLength(xml))) }),
  'byte flips': (xml, r) => {
    const b = Buffer.from(utf8(xml));
    for (let k = r.int(1, 6); k > 0; k--) b[r.int(0, b.length)] = r.int(0, 256);
    return { bytes: b };
  },
  'duplicate element': (xml, r) => {
    const all = spans(xml, r.pick(isTmx(xml) ? TMX_ELEMENTS : ELEMENTS));
    if (!all.length) return { bytes: utf8(xml + xml.slice(0, r.int(0, 200))) };
    const [s, e] = r.pick(all);
    return { bytes: utf8(xml.slice(0, e) + xml.slice(s, e) + xml.slice(e)) };
  },
  'remove element': (xml, r) => {
    const all = spans(xml, r.pick(isTmx(xml) ? TMX_ELEMENTS : ELEMENTS));
    if (!all.length) return { bytes: utf8(xml.replace(/<\/[^>]+>/u, '')) };
    const [s, e] = r.pick(all);
    return { bytes: utf8(xml.slice(0, s) + xml.slice(e)) };
  },
  'unbalanced codes': (xml, r) => {
    const tags = [...xml.matchAll(/<\/?(?:g|pc|bpt|ept|sc|ec|x|ph|mrk|hi|it)\b[^>]*>/gu)];
    if (!tags.length) return { bytes: utf8(xml.replace('</target>', '<g id="1"></target>')) };
    const m = r.pick(tags);
    const op = r.int(0, 3);
    const replacement = op === 0 ? '' : op === 1 ? m[0] + m[0] : r.pick(FRAGMENTS.filter((f) => f.startsWith('<')));
    return { bytes: utf8(xml.slice(0, m.index) + replacement + xml.slice(m.index + m[0].length)) };
  },
  'wrong ids': (xml, r) => {
    const ids = attrValues(xml).filter((a) => /(?:^|:)id$|Ref|^rid$/u.test(a.name));
    if (!ids.length) return { bytes: utf8(xml) };
    const a = r.pick(ids);
    const other = r.pick([
      ...ids.map((b) => xml.slice(b.start, b.end)),
      '',
      '0',
      '-1',
      'x y',
      '}}{{',
      'u' + 'a'.repeat(r.int(1, 300)),
      '%',
      '\u00e9',
    ]);
    return { bytes: utf8(xml.slice(0, a.start) + other + xml.slice(a.end)) };
  },
  'wrong languages': (xml, r) => {
    const lang = r.pick(['de', 'xx', '', 'es-ES', 'EN', 'en_US', '12-!!', 'qps-ploc', 'fr', 'und', 'es'.repeat(40)]);
    return {
      bytes: utf8(
        xml.replace(
          r.pick([/(source-language|srcLang|srclang)="[^"]*"/u, /(target-language|trgLang|xml:lang)="[^"]*"/u]),
          `$1="${lang}"`,
        ),
      ),
    };
  },
  encodings: transcode,
  'deep nesting': (xml, r) => {
    const depth = r.pick([50, 600, 5_000, 100_000]);
    const v2 = xml.includes('urn:oasis:names:tc:xliff:document:2.0');
    const tmx = isTmx(xml);
    const kind = r.pick(tmx ? ['hi', 'hi'] : v2 ? ['pc', 'mrk', 'group'] : ['g', 'mrk', 'group']);
    if (kind === 'group') {
      const at = xml.search(v2 ? /<unit\b/u : /<trans-unit\b/u);
      const end = xml.lastIndexOf(v2 ? '</unit>' : '</trans-unit>') + (v2 ? 7 : 13);
      const open = Array.from({ length: depth }, (_, i) => `<group id="g${i}">`).join('');
      return { bytes: utf8(xml.slice(0, at) + open + xml.slice(at, end) + '</group>'.repeat(depth) + xml.slice(end)) };
    }
    const at = xml.indexOf(`<${targetOf(xml)}`);
    if (at < 0) return { bytes: utf8(xml) };
    const inner = xml.indexOf('>', at) + 1;
    const close = xml.indexOf(`</${targetOf(xml)}>`, inner);
    const open =
      kind === 'mrk'
        ? Array.from({ length: depth }, (_, i) => (v2 ? `<mrk id="m${i}" type="term">` : `<mrk mtype="x-${i}">`)).join(
            '',
          )
        : Array.from({ length: depth }, (_, i) => (kind === 'hi' ? `<hi x="${i}">` : `<${kind} id="n${i}">`)).join('');
    return {
      bytes: utf8(
        xml.slice(0, inner) +
          open +
          xml.slice(inner, close) +
          `</${kind === 'mrk' ? 'mrk' : kind}>`.repeat(depth) +
          xml.slice(close),
      ),
    };
  },
  'huge attributes': (xml, r) => {
    const size = r.pick([10_000, 1_000_000, 20_000_000]);
    const at = xml.indexOf(
      r.pick(
        isTmx(xml)
          ? ['<tu ', '<tu>', '<tuv ', '<seg', '<header ']
          : ['<trans-unit ', '<unit ', '<file ', '<target', '<source'],
      ),
    );
    if (at < 0) return { bytes: utf8(xml) };
    const tagEnd = xml.indexOf(' ', at);
    const attr = r.chance(0.5)
      ? ` x-huge="${'A'.repeat(size)}"`
      : Array.from({ length: size / 1000 }, (_, i) => ` a${i}="1"`).join('');
    return { bytes: utf8(xml.slice(0, tagEnd) + attr + xml.slice(tagEnd)) };
  },
  'hostile fragments': (xml, r) => {
    const targets = [...xml.matchAll(new RegExp(`<${targetOf(xml)}[^>]*>`, 'gu'))];
    let out = xml;
    for (let k = r.int(1, 4); k > 0; k--) {
      const at =
        targets.length && r.chance(0.7) ? r.pick(targets).index + r.pick(targets)[0].length : r.int(0, out.length);
      out = out.slice(0, at) + r.pick(FRAGMENTS) + out.slice(at);
    }
    return { bytes: utf8(out) };
  },
  'entities and doctypes': (xml, r) => {
    const dtd = r.pick([
      '<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>',
      '<!DOCTYPE xliff [<!ENTITY ext SYSTEM "file:///etc/passwd">]>',
      '<!DOCTYPE xliff SYSTEM "http://127.0.0.1:9/x.dtd">',
      '<!DOCTYPE xliff [<!ENTITY e "é">]>',
    ]);
    const ref = r.pick(['&d;', '&ext;', '&e;', '&a;']);
    return {
      bytes: utf8(xml.replace(/\?>/u, `?>${dtd}`).replace(new RegExp(`(<${targetOf(xml)}[^>]*>)`, 'u'), `$1${ref}`)),
    };
  },
  'states and origins': (xml, r) => {
    const value = r.pick([
      'bogus',
      '',
      'final',
      'new',
      'needs-review-translation',
      'signed-off',
      'x-custom',
      'reviewed',
    ]);
    const attr = r.pick(['state', 'lf:origin', 'state-qualifier', 'approved', 'translate']);
    return {
      bytes: utf8(
        xml
          .replace(/<target(?=[\s>])/u, `<target ${attr}="${value}"`)
          .replace(/<tu(?=[\s>])/u, `<tu ${attr}="${value}"`)
          .replace(/<segment(?=[\s>])/u, `<segment ${attr}="${value}"`),
      ),
    };
  },
};

export const MUTATION_NAMES = Object.keys(OPERATORS);

/** One mutant: an operator chosen by the case's generator, applied to the file. */
export function mutate(xml, r, name = r.pick(MUTATION_NAMES)) {
  return { name, ...OPERATORS[name](xml, r) };
}

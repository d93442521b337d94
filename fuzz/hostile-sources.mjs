/** Hostile sources in every format the project reads: each case is a file name and its bytes. */
import { Buffer } from 'node:buffer';

const NASTY = [
  'plain words',
  'Ünïcödé café',
  '\u05e9\u05dc\u05d5\u05dd \u202eRTL\u202c',
  'e\u0301\u0301\u0301',
  '👩‍👩‍👧‍👦',
  '\u0000',
  '\u001b[2J',
  '\u0007',
  '\u001a',
  '\u007f',
  '\u0085',
  '\u2028',
  '\u2029',
  '\uFEFF',
  '\uFFFE',
  '\uFFFF',
  '\uE0000\uE001',
  '\uE000x\uE001',
  '\u00a0\u200b\u200d',
  '\t',
  '\r\n',
  '\r',
  '{{x1}}',
  '{{bx1}}bold{{ex1}}',
  '{\\{x2}}',
  '{{name}}',
  '{{ name, uppercase }}',
  '$t(other.key)',
  '{count, plural, one {# item} other {# items}}',
  '{',
  '}',
  '<b>',
  '</b>',
  '<script>alert(1)</script>',
  '&amp;',
  '&#0;',
  '&lt;h1&gt;',
  '<!--',
  ']]>',
  '"',
  "'",
  '`',
  '\\',
  '%s %1$s',
  '$1 $& $`',
  'javascript:alert(1)',
  'https://example.com/a_(b)?c=d&e=f#g',
  'a@b.co',
  '1,234.56',
  '3 March 2024',
  '10:30',
  '__proto__',
  'constructor',
  '.',
  '...',
  '?!',
  'Mr. Smith',
  'e.g.',
];

function words(r, n) {
  const out = [];
  for (let i = 0; i < n; i++)
    out.push(r.chance(0.35) ? r.pick(NASTY) : r.pick(['The', 'cat', 'sat.', 'A', 'long', 'sentence', 'ends', 'here.']));
  return out.join(r.pick([' ', ' ', ' ', '', '  ', '\u00a0']));
}

function paragraphs(r) {
  return Array.from({ length: r.int(1, 6) }, () => words(r, r.int(1, 30)));
}

const nest = (n, open, close, inner = 'x') => open.repeat(n) + inner + close.repeat(n);

const GENERATORS = {
  txt: (r) => {
    const kind = r.pick(['words', 'words', 'long line', 'no spaces', 'blank']);
    // 400 KB in one unit: longer ones wait on the QA checks' time (see the README's figures).
    if (kind === 'long line') return paragraphs(r).join(' ').repeat(r.int(100, 2000)).slice(0, 400_000) + '\n';
    if (kind === 'no spaces')
      return 'a'.repeat(r.pick([1000, 100_000, 1_000_000])) + '@' + 'b.'.repeat(r.int(1, 50_000)) + '\n';
    if (kind === 'blank') return r.pick(['', '\n', '\n\n\n', ' ', '\uFEFF']);
    return paragraphs(r).join(r.pick(['\n\n', '\r\n\r\n', '\n', '\r\r'])) + r.pick(['\n', '', '\r\n']);
  },
  md: (r) => {
    const kind = r.pick([
      'mixed',
      'mixed',
      'lists',
      'quotes',
      'emphasis',
      'front matter',
      'links',
      'html',
      'table',
      'fences',
    ]);
    const depth = r.pick([3, 50, 120, 3000]);
    switch (kind) {
      case 'lists':
        return Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- ${words(r, 3)}`).join('\n') + '\n';
      case 'quotes':
        return '> '.repeat(depth) + words(r, 5) + '\n';
      case 'emphasis': {
        const n = r.pick([100, 2000, 20000]);
        return (
          r.pick([
            () => '*a **a '.repeat(n),
            () => '_'.repeat(n) + 'a',
            () => '*'.repeat(n) + 'a' + '*'.repeat(n - 1),
            () => '[a'.repeat(n) + '](b)',
            () => '`'.repeat(n) + 'a',
            () => '<a'.repeat(n),
            () => '**_'.repeat(n),
          ])() + '\n'
        );
      }
      case 'front matter':
        return r.pick([
          '---\ntitle: &a ["x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c]\ndescription: [*d,*d,*d,*d,*d,*d,*d,*d]\n---\n\nBody.\n',
          `---\ntitle: ${words(r, 4)}\ndescription: "${words(r, 3)}"\n---\n\n${words(r, 6)}\n`,
          '---\ntitle: [unclosed\n---\n\nBody.\n',
          `---\ntitle: !!js/function "function(){}"\n---\nx\n`,
          `---\n${'title: x\n'.repeat(3)}---\nBody\n`,
          `---\ntitle:\n  ${nest(depth, '[', ']')}\n---\nBody\n`,
        ]);
      case 'links':
        return `[${words(r, 3)}](javascript:alert(1)) ![${words(r, 2)}](x.png "${words(r, 2)}") <https://a.b/${words(r, 1)}> [ref][r]\n\n[r]: https://example.com "t"\n`;
      case 'html':
        return `<div>${words(r, 4)}</div>\n\n<p>One <b>bold</p><p>Two</p>\n\n${words(r, 3)} <span title="${words(r, 2)}">x</span>\n<!-- ${words(r, 2)}\n`;
      case 'table':
        return `| a | b |\n| --- | --- |\n| ${words(r, 3)} | ${words(r, 3)} \\| x |\n| ${'|'.repeat(r.int(1, 300))}\n`;
      case 'fences':
        return '```\n' + words(r, 5) + '\n' + r.pick(['```\n', '', '~~~\n']) + words(r, 3) + '\n';
      default:
        return (
          [
            `# ${words(r, 3)}`,
            ...paragraphs(r),
            `- ${words(r, 3)}\n- ${words(r, 3)}`,
            `> ${words(r, 4)}`,
            `**${words(r, 2)}** *${words(r, 2)}* \`${words(r, 1)}\``,
          ].join('\n\n') + '\n'
        );
    }
  },
  html: (r) => {
    const kind = r.pick(['mixed', 'mixed', 'deep', 'malformed', 'attributes', 'charset', 'raw text']);
    const depth = r.pick([10, 600, 50_000]);
    switch (kind) {
      case 'deep':
        return `<!doctype html><html><body>${nest(depth, r.pick(['<div>', '<b>', '<span>', '<p>']), '', words(r, 3))}</body></html>\n`;
      case 'malformed':
        return r.pick([
          '<p>One <b>bold</p><p>Two</p>\n',
          '<p>Unclosed <i>italic <b>both</p> after\n',
          '</p></b>Stray closers<p>\n',
          '<table><p>In table</p><tr><td>cell</table>\n',
          `<p>${words(r, 3)}<p>${words(r, 3)}\n`,
          '<ul><li>a<li>b</ul><select><option>x<option>y</select>\n',
        ]);
      case 'attributes':
        return `<p><img alt="${words(r, 3).replace(/"/gu, '&quot;')}" src=x title='${words(r, 2).replace(/'/gu, '&#39;')}'><input placeholder=${words(r, 1).replace(/[\s"'<>=`]/gu, '')}x value="${'v'.repeat(r.int(1, 100_000))}"></p>\n`;
      case 'charset':
        return r.pick([
          '<meta charset="klingon"><p>x</p>\n',
          '<meta charset="utf-16"><p>x</p>\n',
          '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>caf\u00e9</p>\n',
          '<!-- <meta charset="iso-8859-1"> --><p>x</p>\n',
        ]);
      case 'raw text':
        return `<script>var s = "<p>${words(r, 2)}</p>";</script><style>p::before{content:"</p>"}</style><textarea>${words(r, 3)}</textarea><pre>  ${words(r, 3)}  </pre><template><p>${words(r, 2)}</p></template><svg><title>${words(r, 2)}</title></svg>\n`;
      default:
        return `<!doctype html>\n<html><head><title>${words(r, 3)}</title></head><body>\n${paragraphs(r)
          .map((p) => `<p>${p}</p>`)
          .join(
            '\n',
          )}\n<p><a href="${r.pick(['/x', 'javascript:alert(1)', '"onmouseover=x'])}">${words(r, 2)}</a></p>\n</body></html>\n`;
    }
  },
  json: (r) => {
    const kind = r.pick(['flat', 'flat', 'deep', 'odd', 'invalid']);
    const depth = r.pick([10, 600, 20_000]);
    switch (kind) {
      case 'deep':
        return nest(depth, '{"a":', '}', JSON.stringify(words(r, 3))) + '\n';
      case 'invalid':
        return r.pick(['{', '{"a": "b",}', '[1,2]', '"just a string"', 'null', '{"a": "\\ud800"}', '{"a": 1e999}', '']);
      case 'odd':
        return `{"__proto__": {"x": ${JSON.stringify(words(r, 2))}}, "": "empty key", "a.b": "dotted", "dup": "one", "dup": "two", "arr": [${JSON.stringify(words(r, 2))}, 3, null], "n": 1, "t": true, "k_one": "{{count}} item", "k_other": "{{count}} items", "lone": "\\udc00x"}\n`;
      default:
        return (
          JSON.stringify(Object.fromEntries(paragraphs(r).map((p, i) => [`k${i}`, p])), null, r.pick([0, 2, '\t'])) +
          '\n'
        );
    }
  },
  icu: (r) => {
    const msgs = [
      '{count, plural, one {# item} other {# items}}',
      '{gender, select, male {He} female {She} other {They}} said {n, number}.',
      'Hello {name}, today is {d, date, long}.',
      "It''s {x} '{'literal'}'",
      '{a, plural, one {{b, select, x {nested {c}} other {y}}} other {z}}',
      '<b>bold</b> and <link>{label}</link>',
      '{unclosed',
      '{n, plural, =0 {none} other {#}',
      '{x, foo, bar}',
      nest(r.pick([5, 100, 3000]), '{a, select, x {', '} other {y}}', 'deep'),
      words(r, 5),
    ];
    return (
      JSON.stringify(
        Object.fromEntries(Array.from({ length: r.int(1, 6) }, (_, i) => [`m${i}`, r.pick(msgs)])),
        null,
        2,
      ) + '\n'
    );
  },
};

const EXTENSIONS = { txt: '.txt', md: '.md', html: '.html', json: '.json', icu: '.icu.json' };

export const SOURCE_FORMATS = Object.keys(GENERATORS);

/** A hostile source: its format, file name and bytes (sometimes not UTF-8 at all). */
export function hostileSource(r, format = r.pick(SOURCE_FORMATS)) {
  const text = GENERATORS[format](r);
  let bytes = Buffer.from(text, 'utf8');
  const enc = r.int(0, 20);
  if (enc === 0)
    bytes = Buffer.from(text, 'latin1'); // not UTF-8
  else if (enc === 1) bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  else if (enc === 2)
    bytes = Buffer.concat([
      bytes.subarray(0, r.int(0, bytes.length)),
      Buffer.from([0xc3]),
      bytes.subarray(r.int(0, bytes.length)),
    ]);
  else if (enc === 3) bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
  return { format, name: `doc${EXTENSIONS[format]}`, bytes };
}

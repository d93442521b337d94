import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { htmlReport } from '../src/qa/reporters/html.js';
import { runChecks } from '../src/qa/runner.js';
import type { QaPair } from '../src/qa/types.js';

type Node = { nodeName: string; attrs?: Array<{ name: string; value: string }>; childNodes?: Node[]; value?: string };

function all(node: Node, name: string): Node[] {
  return [...(node.nodeName === name ? [node] : []), ...(node.childNodes ?? []).flatMap((c) => all(c, name))];
}
const text = (node: Node): string => (node.value ?? '') + (node.childNodes ?? []).map(text).join('');
const attr = (node: Node, name: string): string | undefined => node.attrs?.find((a) => a.name === name)?.value;

describe('HTML report: what is missing from the target is marked in the source', () => {
  it('missing names are marked where they are in the source, with their issue', async () => {
    const pair: QaPair = {
      id: 'u1',
      source: ['Five militants were killed near Najaf, Yulia Tymoshenko said.'],
      target: ['Cinco milicianos murieron cerca de la ciudad, dijo ella.'],
      sourceLang: 'en',
      targetLang: 'es',
      file: 'article.txt',
    };
    const { issues } = await runChecks([pair]);
    expect(issues.filter((i) => i.check === 'names')).toHaveLength(2);
    const doc = parse(htmlReport(issues, [pair])) as unknown as Node;
    const source = all(doc, 'td').find((td) => attr(td, 'class') === 'source')!;
    const marks = all(source, 'mark');
    expect(marks.map(text)).toEqual(['Najaf', 'Yulia Tymoshenko']);
    // Each mark names its issue by number, as the list in the target cell does.
    for (const m of marks) {
      const n = Number(attr(m, 'data-issue'));
      expect(attr(m, 'title')).toBe(issues[n - 1]!.message);
      expect(attr(m, 'class')).toBe(issues[n - 1]!.severity);
    }
    // The source text itself is whole.
    expect(text(source)).toBe('Five militants were killed near Najaf, Yulia Tymoshenko said.');
  });

  it('quoted text the source does not hold marks nothing', () => {
    const pair: QaPair = {
      id: 'u2',
      source: ['Hello.'],
      target: ['Hola.'],
      sourceLang: 'en',
      targetLang: 'es',
      file: 'a.txt',
    };
    const html = htmlReport(
      [
        {
          id: 'qa/x',
          rule: 'x',
          check: 'x',
          severity: 'warning',
          message: '"Adiós" is not in the source',
          unit: 'u2',
          file: 'a.txt',
          lang: 'es',
          source: 'Hello.',
          target: 'Hola.',
        },
      ],
      [pair],
    );
    const source = all(parse(html) as unknown as Node, 'td').find((td) => attr(td, 'class') === 'source')!;
    expect(all(source, 'mark')).toEqual([]);
  });
});

import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { copyProject, locflowInProcess, read } from './helpers.js';

type Node = DefaultTreeAdapterMap['node'];
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);

async function report(): Promise<{ dir: string; html: string }> {
  const d = copyProject();
  writeFileSync(join(d, 'mt.txt'), read(join(__dirname, 'fixtures', 'apertium-es.txt')));
  const r = await locflowInProcess(
    d,
    'check',
    '--source',
    'source/us-strike-northern-iraq.txt',
    '--target',
    'mt.txt',
    '--lang',
    'es',
    '--format',
    'html',
    '-o',
    'review.html',
  );
  expect(r.code, r.stderr).toBe(1);
  return { dir: d, html: read(join(d, 'review.html')) };
}

function ids(node: Node, out: string[] = []): string[] {
  if ('attrs' in node) for (const a of node.attrs) if (a.name === 'id') out.push(a.value);
  if ('childNodes' in node) for (const c of node.childNodes) ids(c, out);
  return out;
}

describe('the HTML report is valid HTML text', () => {
  it('has no NUL or other control characters, and element ids an HTML parser accepts: unique, non-empty, without spaces', async () => {
    const { html } = await report();

    expect(html).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/u);
    const errors: string[] = [];
    const doc = parse(html, { onParseError: (e) => errors.push(`${e.code} at ${e.startLine}:${e.startCol}`) });
    expect(errors).toEqual([]);
    const all = ids(doc);
    const rows = all.filter((id) => id !== 'only-issues');
    expect(rows.length).toBeGreaterThan(10);
    expect(new Set(all).size).toBe(all.length);
    for (const id of all) expect(id).toMatch(/^[^\s\p{Cc}]+$/u);
  });

  it.skipIf(!CHROMIUM)('in Chromium, each row keeps the id written in the file and is found by it', async () => {
    const { chromium } = await import('playwright-core');
    const { dir, html } = await report();
    const written = [...html.matchAll(/<tr class="[^"]*" id="([^"]*)"/gu)].map((m) =>
      m[1]!.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&'),
    );
    const browser = await chromium.launch({
      executablePath: CHROMIUM!,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(join(dir, 'review.html')).href);
      // A string, not a function: the tests are compiled without the DOM library.
      const seen = (await page.evaluate(
        `[...document.querySelectorAll('tbody tr')].map((tr) => document.querySelector('#' + CSS.escape(tr.id)) === tr ? tr.id : '')`,
      )) as string[];
      expect(seen.length).toBeGreaterThan(10);
      expect(seen).toEqual(written);
    } finally {
      await browser.close();
    }
  });
});

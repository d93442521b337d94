import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { copyProject, locflowInProcess, read } from './helpers.js';

type Node = DefaultTreeAdapterMap['node'];
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);

const HTML =
  'check --source source/us-strike-northern-iraq.txt --target mt.txt --lang es --format html -o review.html'.split(' ');

/** The review page of the bundled article against an Apertium draft: one run, read by every test of this file. */
let shared: Promise<{ dir: string; code: number; stderr: string; html: string }> | undefined;
function review(): Promise<{ dir: string; code: number; stderr: string; html: string }> {
  shared ??= (async () => {
    const dir = copyProject();
    writeFileSync(join(dir, 'mt.txt'), read(join(__dirname, 'fixtures', 'apertium-es.txt')));
    const r = await locflowInProcess(dir, ...HTML);
    return { dir, code: r.code, stderr: r.stderr, html: read(join(dir, 'review.html')) };
  })();
  return shared;
}

const launch = async (): Promise<import('playwright-core').Browser> =>
  (await import('playwright-core')).chromium.launch({
    executablePath: CHROMIUM!,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

function ids(node: Node, out: string[] = []): string[] {
  if ('attrs' in node) for (const a of node.attrs) if (a.name === 'id') out.push(a.value);
  if ('childNodes' in node) for (const c of node.childNodes) ids(c, out);
  return out;
}

describe('HTML review page', () => {
  it('writes source and target side by side, with each issue marked where it is', async () => {
    const { dir, code, html } = await review();
    expect(code).toBe(1);
    expect(html).toContain('<mark class="warning"');
    expect(html).toMatch(/name &quot;Central Command&quot; is missing from the target/u);
    // a missing target file is an input error (its page written elsewhere: the shared one stays as it is)
    const missing = HTML.map((a) => (a === 'mt.txt' ? 'absent.txt' : a === 'review.html' ? 'absent.html' : a));
    expect((await locflowInProcess(dir, ...missing)).code).toBe(2);
  });

  it.skipIf(!CHROMIUM)(
    'renders in headless Chromium: issues listed, marks on the right words, filter works',
    async () => {
      const { dir, code } = await review();
      expect(code).toBe(1);
      const browser = await launch();
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        await page.goto(pathToFileURL(join(dir, 'review.html')).href);
        await expect(page.locator('.summary .errors').textContent()).resolves.toMatch(/^[1-9]\d* error\(s\)$/u);
        const errorRows = page.locator('tr.error');
        expect(await errorRows.count()).toBeGreaterThan(0);
        await expect(page.locator('li.error', { hasText: 'Central Command' }).first().textContent()).resolves.toMatch(
          /approved: "Comando Central"/u,
        );
        // The number left in English format is marked on "1,200" itself.
        await expect(page.locator('mark[title*="number format"]').first().textContent()).resolves.toBe('1,200');
        const before = await page.locator('tbody tr:not([hidden])').count();
        await page.locator('#only-issues').check();
        const after = await page.locator('tbody tr:not([hidden])').count();
        expect(after).toBeLessThanOrEqual(before);
        expect(after).toBe(await page.locator('tbody tr:not(.clean)').count());
        const shot = join(dir, 'review.png');
        await page.screenshot({ path: shot, fullPage: true });
        expect(statSync(shot).size).toBeGreaterThan(10_000);
      } finally {
        await browser.close();
      }
    },
  );
});

describe('the HTML report is valid HTML text', () => {
  it('has no NUL or other control characters, and element ids an HTML parser accepts: unique, non-empty, without spaces', async () => {
    const { code, stderr, html } = await review();
    expect(code, stderr).toBe(1);

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
    const { dir, code, stderr, html } = await review();
    expect(code, stderr).toBe(1);
    const written = [...html.matchAll(/<tr class="[^"]*" id="([^"]*)"/gu)].map((m) =>
      m[1]!.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&'),
    );
    const browser = await launch();
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

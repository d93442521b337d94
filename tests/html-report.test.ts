import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { copyProject, locflowInProcess, read } from './helpers.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);

describe('HTML review page', () => {
  it('writes source and target side by side, with each issue marked where it is', async () => {
    const d = copyProject();
    const r = await locflowInProcess(
      d,
      'check',
      '--source',
      'source/us-strike-northern-iraq.txt',
      '--target',
      'tests-apertium.txt',
      '--lang',
      'es',
      '--format',
      'html',
      '-o',
      'review.html',
    );
    // the fixture is copied in below; this first call shows a missing file is an input error
    expect(r.code).toBe(2);
    writeFileSync(join(d, 'tests-apertium.txt'), read(join(__dirname, 'fixtures', 'apertium-es.txt')));
    const ok = await locflowInProcess(
      d,
      'check',
      '--source',
      'source/us-strike-northern-iraq.txt',
      '--target',
      'tests-apertium.txt',
      '--lang',
      'es',
      '--format',
      'html',
      '-o',
      'review.html',
    );
    expect(ok.code).toBe(1);
    const html = read(join(d, 'review.html'));
    expect(html).toContain('<mark class="warning"');
    expect(html).toMatch(/name &quot;Central Command&quot; is missing from the target/u);
  });

  it.skipIf(!CHROMIUM)(
    'renders in headless Chromium: issues listed, marks on the right words, filter works',
    async () => {
      const { chromium } = await import('playwright-core');
      const d = copyProject();
      writeFileSync(join(d, 'mt.txt'), read(join(__dirname, 'fixtures', 'apertium-es.txt')));
      expect(
        (
          await locflowInProcess(
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
          )
        ).code,
      ).toBe(1);
      const browser = await chromium.launch({
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
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        await page.goto(pathToFileURL(join(d, 'review.html')).href);
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
        const shot = join(d, 'review.png');
        await page.screenshot({ path: shot, fullPage: true });
        expect(statSync(shot).size).toBeGreaterThan(10_000);
      } finally {
        await browser.close();
      }
    },
  );
});

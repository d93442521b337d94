import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { check, GROUP_PAIRS } from '../src/workflow/check.js';
import { CheckRun, SMALL_RUN_PAIRS } from '../src/qa/runner.js';
import { BIN } from './helpers.js';
import { flagsProbe } from './v8-flags-probe.js';

/**
 * A large run's evidence is learnt of groups of whole files (GROUP_PAIRS): the checks' memory is that of one group,
 * whatever the run's size. Files are named in order, a group closed after the file that brings it to the size.
 */

const unit = (id: string, source: string, target: string, pseudo = false): string =>
  `<trans-unit id="${id}"><source>${source}</source><target state="translated"${pseudo ? ' state-qualifier="x-pseudo"' : ''}>${target}</target></trans-unit>`;

const xliff = (units: string[]): string => `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="story.txt" source-language="en" target-language="es" datatype="plaintext">
    <body>
      ${units.join('\n      ')}
    </body>
  </file>
</xliff>
`;

/** Three files of two units each; the first and the last translate the same sentence two ways. */
function files(): { dir: string; names: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'locflow-groups-'));
  const texts = [
    [
      unit('a1', 'The council met on Monday.', 'El consejo se reunió el lunes.'),
      unit('a2', 'The vote was postponed.', 'La votación fue aplazada.'),
    ],
    [
      unit('b1', 'The bridge opened in spring.', 'El puente abrió en primavera.'),
      unit('b2', 'Traffic was light.', 'El tráfico fue escaso.'),
    ],
    [
      unit('c1', 'The vote was postponed.', 'Se aplazó la votación.'),
      unit('c2', 'Nobody was hurt.', 'Nadie resultó herido.'),
    ],
  ];
  const names = texts.map((units, k) => {
    const name = `story-${k + 1}.xlf`;
    writeFileSync(join(dir, name), xliff(units));
    return name;
  });
  return { dir, names };
}

const consistency = (issues: ReadonlyArray<{ check: string; unit: string; message: string }>): string[] =>
  issues.filter((i) => i.check === 'consistency').map((i) => `${i.unit}: ${i.message}`);

describe('check in groups of whole files', () => {
  it('is one group up to GROUP_PAIRS pairs: a source translated two ways in the first and the last file is found', async () => {
    const { dir, names } = files();
    const whole = await check(undefined, { cwd: dir, files: names });
    expect(GROUP_PAIRS).toBeGreaterThanOrEqual(40_000);
    expect(consistency(whole.issues)).toEqual(['a2: the same source has 2 different translations (units a2, c1)']);
    expect(await check(undefined, { cwd: dir, files: names, groupPairs: 6 })).toEqual(whole);
  });

  it('learns of each group alone, closing a group after the file that brings it to the size', async () => {
    const { dir, names } = files();
    const whole = await check(undefined, { cwd: dir, files: names });
    // 4 pairs: the first two files are one group, the third another — the two translations are not compared.
    const grouped = await check(undefined, { cwd: dir, files: names, groupPairs: 4 });
    expect(consistency(grouped.issues)).toEqual([]);
    expect(grouped.checked).toBe(6);
    // 3 pairs: the group closes after the second file too (2 pairs are short of it): the same two groups.
    expect(await check(undefined, { cwd: dir, files: names, groupPairs: 3 })).toEqual(grouped);
    // The other checks' findings are those of the whole run, in the same order.
    const others = (r: typeof whole): unknown[] => r.issues.filter((i) => i.check !== 'consistency');
    expect(others(grouped)).toEqual(others(whole));
    // The two files named first, one group, compare them again.
    const later = await check(undefined, { cwd: dir, files: [names[2]!, names[0]!, names[1]!], groupPairs: 4 });
    expect(consistency(later.issues)).toEqual(['c1: the same source has 2 different translations (units c1, a2)']);
  });

  it('keeps a file named twice in one group', async () => {
    const { dir, names } = files();
    const twice = [names[0]!, names[1]!, names[2]!, names[0]!];
    expect(await check(undefined, { cwd: dir, files: twice, groupPairs: 1 })).toEqual(
      await check(undefined, { cwd: dir, files: twice }),
    );
  });

  it('counts the pairs read as pseudo-translations over every group, in one notice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'locflow-groups-pseudo-'));
    const names = ['one.xlf', 'two.xlf', 'three.xlf'];
    names.forEach((name, k) =>
      writeFileSync(
        join(dir, name),
        xliff([
          unit(`p${k}`, `Story ${k + 1} was filed at noon.`, `[Šţöŕý ${k + 1} ŵàš ƒîľéđ àţ ñööñ. ········]`, true),
        ]),
      ),
    );
    const whole = await check(undefined, { cwd: dir, files: names });
    const grouped = await check(undefined, { cwd: dir, files: names, groupPairs: 1 });
    const pseudo = (notices: readonly string[]): string[] => notices.filter((n) => n.includes('pseudo-translated'));
    expect(pseudo(whole.notices)).toEqual([expect.stringMatching(/^es: 3 pseudo-translated unit\(s\) checked as en/u)]);
    expect(grouped.notices).toEqual(whole.notices);
    expect(grouped.issues).toEqual(whole.issues);
  });
});

describe("V8's heap growth in a check of several groups", () => {
  /** Whether V8 accepts the code cache the build made for a chunk of the bundle (it refuses it while a flag differs). */
  const cacheAccepted = (): boolean => {
    const dir = dirname(BIN);
    const script = readdirSync(dir).find((f) => /^names-[\w-]{8}\.script$/u.test(f))!;
    const path = join(dir, script);
    return !new Script(readFileSync(path, 'utf8'), {
      filename: path,
      cachedData: readFileSync(path.replace(/\.script$/u, '.cache')),
    }).cachedDataRejected;
  };

  it('is bounded once the run has so many pairs and left as it was once the check is done', async () => {
    const { dir, names } = files();
    expect(cacheAccepted()).toBe(true);
    // At each slice checked, whether V8 would take a chunk's code cache (it refuses it while the flag is set).
    const seen: boolean[] = [];
    const original = CheckRun.prototype.check;
    const spy = vi.spyOn(CheckRun.prototype, 'check').mockImplementation(function (this: CheckRun, slice) {
      seen.push(cacheAccepted());
      return original.call(this, slice);
    });
    try {
      // Set as the third file's pairs are counted (6 of them), after the checks were loaded.
      // (each run told to expect many pairs: a small one holds another flag from its start, see SMALL_RUN_PAIRS)
      const large = SMALL_RUN_PAIRS;
      await check(undefined, { cwd: dir, files: names, groupPairs: 2, boundedHeapPairs: 5, expectedPairs: large });
      expect(seen).toEqual([true, true, false]);
      expect(cacheAccepted()).toBe(true);
      // A check that fails is left as it was too.
      writeFileSync(join(dir, 'broken.xlf'), '<xliff version="1.2"><file');
      const broken = [...names, 'broken.xlf'];
      await expect(
        check(undefined, { cwd: dir, files: broken, groupPairs: 2, boundedHeapPairs: 5, expectedPairs: large }),
      ).rejects.toThrow();
      expect(cacheAccepted()).toBe(true);
      // A run of fewer pairs leaves V8 alone.
      seen.length = 0;
      await check(undefined, { cwd: dir, files: names, groupPairs: 2, boundedHeapPairs: 7, expectedPairs: large });
      expect(seen).toEqual([true, true, true]);
    } finally {
      spy.mockRestore();
    }
    expect(cacheAccepted()).toBe(true);
  });
});

describe('a check of XLIFF files small by their size', () => {
  it('is compiled without inlining from the reading of its files, unless told to expect many pairs', async () => {
    const probe = flagsProbe('xliffSizeProbe', 4);
    const { dir, names } = files();
    // As each check learns its first pair (its first pass, the files being read), whether V8's flags are node's own.
    const seen: boolean[] = [];
    let asked = false;
    const original = CheckRun.prototype.learn;
    const spy = vi.spyOn(CheckRun.prototype, 'learn').mockImplementation(function (this: CheckRun, pair) {
      if (!asked) seen.push(probe.asStarted());
      asked = true;
      original.call(this, pair);
    });
    try {
      await check(undefined, { cwd: dir, files: names });
      asked = false;
      await check(undefined, { cwd: dir, files: names, expectedPairs: SMALL_RUN_PAIRS });
      expect(seen).toEqual([false, true]);
    } finally {
      spy.mockRestore();
    }
    expect(probe.asStarted()).toBe(true);
  });
});

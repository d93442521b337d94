import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apertiumEngine } from '../src/mt/apertium.js';
import { findApertium } from '../src/mt/apertium-install.js';
import { createEngine } from '../src/mt/registry.js';
import { hasApertium } from './mt-helpers.js';

/** The lines findApertium reads in Apertium's script, defaults pointing at `data` and `programs`. */
function scriptLike(data: string, programs: string, extra = ''): string {
  return [
    '#!/bin/bash',
    `APERTIUM_PATH="\${APERTIUM_PATH:-${programs}}"`,
    `APERTIUM_DATADIR="\${APERTIUM_DATADIR:-${data}}"`,
    extra,
    'RT=="\\0"        { fflush() }',
    '  | bash <(apertium-wblank-mode "${NULL_FLUSH[@]}" "$DATADIR/modes/$PAIR.mode") \\',
    '  apertium-deshtml "${FORMAT_OPTIONS[@]}" "$INFILE" | \\',
    '',
  ].join('\n');
}

function fakeInstall(script: (data: string, programs: string) => string): { bin: string; data: string } {
  const root = mkdtempSync(join(tmpdir(), 'locflow-apertium-install-'));
  const bin = join(root, 'bin');
  const data = join(root, 'share');
  mkdirSync(bin);
  mkdirSync(join(data, 'modes'), { recursive: true });
  for (const m of ['spa-eng', 'eng-spa', 'en-gl']) writeFileSync(join(data, 'modes', `${m}.mode`), 'cat\n');
  writeFileSync(join(data, 'modes', 'README'), '');
  writeFileSync(join(bin, 'apertium'), script(data, bin));
  chmodSync(join(bin, 'apertium'), 0o755);
  return { bin, data };
}

describe('findApertium reads the apertium script of the PATH', () => {
  it("lists the modes of the script's data folder", () => {
    const { bin } = fakeInstall(scriptLike);
    expect(findApertium({ PATH: `${bin}:/usr/bin:/bin` })?.modes).toEqual(['en-gl', 'eng-spa', 'spa-eng']);
  });

  it('follows APERTIUM_DATADIR as the script does', () => {
    const { bin } = fakeInstall(scriptLike);
    const other = fakeInstall(scriptLike).data;
    writeFileSync(join(other, 'modes', 'eng-cat.mode'), '');
    const env = { PATH: `${bin}:/usr/bin:/bin`, APERTIUM_DATADIR: other };
    expect(findApertium(env)?.modes).toContain('eng-cat');
  });

  it('leaves to the command what it does not know: another script, Transfuse installed, no apertium', () => {
    const other = fakeInstall(() => '#!/bin/sh\nexec /usr/bin/apertium "$@"\n');
    expect(findApertium({ PATH: `${other.bin}:/usr/bin:/bin` })).toBeUndefined();
    const { bin } = fakeInstall(scriptLike);
    writeFileSync(join(bin, 'tf-extract'), '#!/bin/sh\n', { mode: 0o755 });
    expect(findApertium({ PATH: `${bin}:/usr/bin:/bin` })).toBeUndefined();
    expect(findApertium({ PATH: `${bin}:/usr/bin:/bin`, APERTIUM_TRANSFUSE: 'no' })?.modes).toHaveLength(3);
    expect(findApertium({ PATH: mkdtempSync(join(tmpdir(), 'locflow-empty-path-')) })).toBeUndefined();
  });
});

describe("the pipeline's programs get glibc's huge pages", () => {
  /** A pipeline whose deformatter writes the GLIBC_TUNABLES it was started with (the mode and reformatter copy). */
  function tunablesSeen(env: NodeJS.ProcessEnv): Promise<string> {
    const { bin } = fakeInstall(scriptLike);
    const program = (name: string, body: string): void =>
      writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
    program('apertium-deshtml', 'cat >/dev/null; printf "%s" "${GLIBC_TUNABLES-unset}"');
    program('apertium-wblank-mode', 'echo cat');
    program('apertium-rehtml', 'cat');
    const install = findApertium({ ...env, PATH: `${bin}:/usr/bin:/bin` });
    const running = install!.start('eng-spa');
    running.write('text');
    return running.end();
  }

  it('asks for them where the environment says nothing of them', async () => {
    expect(await tunablesSeen({})).toBe('glibc.malloc.hugetlb=1');
    expect(await tunablesSeen({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' })).toBe(
      'glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1',
    );
  });

  it('asks for them for an apertium command run as it is (a path, a wrapper)', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'locflow-apertium-wrapper-'));
    const wrapper = join(bin, 'my-apertium');
    writeFileSync(
      wrapper,
      '#!/bin/sh\nif [ "$1" = -l ]; then echo eng-spa; exit 0; fi\nprintf "%s " "${GLIBC_TUNABLES-unset}"; cat\n',
      { mode: 0o755 },
    );
    const saved = process.env.GLIBC_TUNABLES;
    try {
      delete process.env.GLIBC_TUNABLES;
      expect(await apertiumEngine(wrapper).translate(['Lisbon'], { source: 'en', target: 'es' })).toEqual([
        'glibc.malloc.hugetlb=1 Lisbon',
      ]);
      process.env.GLIBC_TUNABLES = 'glibc.malloc.hugetlb=0';
      expect(await apertiumEngine(wrapper).translate(['Lisbon'], { source: 'en', target: 'es' })).toEqual([
        'glibc.malloc.hugetlb=0 Lisbon',
      ]);
    } finally {
      if (saved === undefined) delete process.env.GLIBC_TUNABLES;
      else process.env.GLIBC_TUNABLES = saved;
    }
  });

  it("leaves the environment's own choice", async () => {
    expect(await tunablesSeen({ GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' })).toBe('glibc.malloc.hugetlb=0');
    expect(await tunablesSeen({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2:glibc.malloc.hugetlb=0' })).toBe(
      'glibc.malloc.arena_max=2:glibc.malloc.hugetlb=0',
    );
  });
});

describe.skipIf(!hasApertium)('Apertium run without its script', () => {
  const pair = { source: 'en', target: 'es' };
  const segments = [
    'Read the <x id="1"/>statement<x id="2"/> by Central Command &amp; its allies.',
    'Temperatures hit 40 °C in Córdoba; “it was unbearable,” said María.',
    'Officials met the U.S. envoy',
    'The <x id="1"/> Xyzzyplugh bridge &lt;closed&gt; at 5pm?',
    'Headline without a full stop',
    '',
    'Line one\nline two',
  ];

  it('never runs the script, and writes what the script writes', async () => {
    // A copy of the real script that notes each call: read, not run.
    const bin = mkdtempSync(join(tmpdir(), 'locflow-apertium-script-'));
    const log = join(bin, 'calls');
    writeFileSync(log, '');
    const real = readFileSync('/usr/bin/apertium', 'utf8');
    writeFileSync(join(bin, 'apertium'), real.replace(/\n/u, `\necho "$@" >> '${log}'\n`), { mode: 0o755 });
    const path = process.env.PATH;
    process.env.PATH = `${bin}:${path ?? ''}`;
    let out: string[];
    try {
      const direct = await createEngine('apertium', {});
      expect(await direct.pairs!()).toContain('eng-spa');
      out = await direct.translate(segments, pair);
    } finally {
      process.env.PATH = path;
    }
    expect(readFileSync(log, 'utf8')).toBe('');
    // The script itself, by its path (a path is run as it is).
    copyFileSync('/usr/bin/apertium', join(bin, 'script'));
    expect(await apertiumEngine(join(bin, 'script')).translate(segments, pair)).toEqual(out);
    expect(readFileSync(log, 'utf8')).toBe('');
  });

  it('says which pairs are installed when the pair is not', async () => {
    await expect(apertiumEngine().translate(['hello'], { source: 'en', target: 'fi' })).rejects.toThrow(
      /no en→fi pair installed/u,
    );
  });
});

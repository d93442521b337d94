import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from './helpers.js';
import { hasApertium, hasApy } from './mt-helpers.js';

/**
 * The README runs as written: every ```sh block, in order, in a copy of the example project, with
 * `locflow` on the PATH as `npm link` puts it there. Each command must exit 0, or the code its
 * comment says (`# exit 2: …`). A block may be marked on the line before its fence:
 *   <!-- readme-test: skip (why) -->      not run (installs packages, needs a key or a server)
 *   <!-- readme-test: needs apertium-apy --> run only where APy is installed (Apertium itself is needed for all)
 *   <!-- readme-test: new-project -->     run in a new folder holding only the example's source/
 *   <!-- readme-test: without-config -->  run in a copy of the project as it is, without locflow.config.json
 * A marked block changes nothing for the blocks after it, except `needs …`.
 */

interface Command {
  readonly line: number;
  readonly text: string;
  readonly exit: number;
  readonly background: boolean;
}

interface Block {
  readonly line: number;
  readonly mark: string | undefined;
  readonly commands: readonly Command[];
}

/** The shell blocks of a Markdown text, with their marks and the exit code each command is documented with. */
function shellBlocks(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(?:sh|bash|shell)\s*$/u.test(lines[i]!)) {
      // Any other fenced block is skipped whole, so a fence inside it is not taken for a shell block.
      if (/^```/u.test(lines[i]!)) while (++i < lines.length && !/^```\s*$/u.test(lines[i]!));
      continue;
    }
    let before = i - 1;
    while (before >= 0 && lines[before]!.trim() === '') before--;
    const mark = /^<!--\s*readme-test:\s*(.+?)\s*-->$/u.exec(lines[before] ?? '')?.[1];
    const start = i + 1;
    const commands: Command[] = [];
    let pending = '';
    let pendingLine = 0;
    while (++i < lines.length && !/^```\s*$/u.test(lines[i]!)) {
      const raw = lines[i]!;
      if (!pending && (raw.trim() === '' || raw.trim().startsWith('#'))) continue;
      if (!pending) pendingLine = i + 1;
      if (raw.endsWith('\\')) {
        pending += raw.slice(0, -1) + ' ';
        continue;
      }
      const full = pending + raw;
      pending = '';
      const { code, comment } = splitComment(full);
      const exit = /\bexit (\d)\b/u.exec(comment)?.[1];
      commands.push({
        line: pendingLine,
        text: code.trim(),
        exit: exit === undefined ? 0 : Number(exit),
        background: /&$/u.test(code.trim()) && !/&&$/u.test(code.trim()),
      });
    }
    blocks.push({ line: start, mark, commands });
  }
  return blocks;
}

/** A command line and its trailing comment: the first ` #` outside quotes. */
function splitComment(line: string): { code: string; comment: string } {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '#' && (i === 0 || /\s/u.test(line[i - 1]!)))
      return { code: line.slice(0, i), comment: line.slice(i + 1) };
  }
  return { code: line, comment: '' };
}

/** The example project, as a new clone has it, in a temporary folder. */
function exampleProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'locflow-readme-'));
  for (const p of ['source', 'locales', 'memories', 'scripts', 'locflow.config.json', 'glossary.csv'])
    if (existsSync(join(ROOT, p))) cpSync(join(ROOT, p), join(dir, p), { recursive: true });
  return dir;
}

/** A folder with `locflow` in it, as `npm link` makes one (which also makes the script executable). */
function linkedBin(): string {
  const bin = mkdtempSync(join(tmpdir(), 'locflow-bin-'));
  writeFileSync(join(bin, 'locflow'), `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`, { mode: 0o755 });
  return bin;
}

interface Outcome {
  readonly codes: number[];
  readonly output: string;
  readonly timedOut: boolean;
}

/** Runs a block as one bash script (a variable or a background job lives through the block), recording each exit code. */
function runBlock(block: Block, cwd: string, bin: string, timeoutMs = 240_000): Promise<Outcome> {
  const codes = join(mkdtempSync(join(tmpdir(), 'locflow-rc-')), 'codes');
  const script = block.commands.map((c) => (c.background ? c.text : `${c.text}\necho $? >> '${codes}'`)).join('\n');
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', script], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'], // a command that asks for input fails at once instead of waiting
      detached: true, // its own process group: a server it starts is stopped with it on a timeout
      env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, NO_COLOR: '1', CI: '1' },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (output += d.toString('utf8')));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    }, timeoutMs);
    child.on('close', () => {
      clearTimeout(timer);
      // A server the block started and did not stop (it failed before its "kill") goes with the block.
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
      } catch {
        // the group is gone: nothing was left running
      }
      const recorded = existsSync(codes)
        ? readFileSync(codes, 'utf8').split('\n').filter(Boolean).map(Number)
        : ([] as number[]);
      resolve({ codes: recorded, output, timedOut });
    });
  });
}

describe('shellBlocks reads the README convention', () => {
  it('commands, continued lines, comments, documented exit codes, marks and background jobs', () => {
    const md = [
      'text',
      '```json',
      '{ "a": 1 }',
      '```',
      '<!-- readme-test: new-project -->',
      '',
      '```sh',
      '# a comment line',
      'locflow init --sources "a/*.md,b # not a comment"   # writes the config',
      'locflow check --lang es \\',
      '  --format html   # exit 1: errors found',
      'server -p 1 &',
      '```',
    ].join('\n');
    const [block] = shellBlocks(md);
    expect(block).toMatchObject({ line: 7, mark: 'new-project' });
    expect(block!.commands).toEqual([
      { line: 9, text: 'locflow init --sources "a/*.md,b # not a comment"', exit: 0, background: false },
      { line: 10, text: 'locflow check --lang es    --format html', exit: 1, background: false },
      { line: 12, text: 'server -p 1 &', exit: 0, background: true },
    ]);
  });
});

// The examples translate with Apertium, as the README tells a reader to install it (CI has it).
describe.skipIf(!hasApertium)('the README runs as written in the example project', () => {
  const blocks = shellBlocks(readFileSync(join(ROOT, 'README.md'), 'utf8'));
  const project = exampleProject();
  const bin = linkedBin();
  for (const block of blocks) {
    const title = `README line ${block.line}: ${block.commands[0]?.text ?? '(empty)'}`;
    const mark = block.mark ?? '';
    const skip = mark.startsWith('skip') || (mark.includes('needs apertium-apy') && !hasApy);
    it.skipIf(skip)(
      title,
      async () => {
        let cwd = project;
        if (mark.startsWith('new-project')) {
          cwd = mkdtempSync(join(tmpdir(), 'locflow-readme-new-'));
          cpSync(join(ROOT, 'source'), join(cwd, 'source'), { recursive: true });
        } else if (mark.startsWith('without-config')) {
          cwd = mkdtempSync(join(tmpdir(), 'locflow-readme-alone-'));
          cpSync(project, cwd, { recursive: true });
          rmSync(join(cwd, 'locflow.config.json'));
        }
        mkdirSync(cwd, { recursive: true });
        const outcome = await runBlock(block, cwd, bin);
        const expected = block.commands.filter((c) => !c.background);
        const report = expected
          .map((c, i) => `  line ${c.line}: ${c.text}\n    exit ${outcome.codes[i] ?? '—'}, documented ${c.exit}`)
          .join('\n');
        expect(outcome.timedOut, `timed out\n${outcome.output}`).toBe(false);
        expect(outcome.codes, `${report}\n--- output ---\n${outcome.output}`).toEqual(expected.map((c) => c.exit));
      },
      300_000,
    );
  }
  it('finds the shell blocks, each with a command', () => {
    expect(blocks.length).toBeGreaterThan(10);
    for (const b of blocks) expect(b.commands.length, `README line ${b.line}`).toBeGreaterThan(0);
  });
});

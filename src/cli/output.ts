/**
 * What a command prints, and how much: --quiet (nothing but errors), the default (a line per
 * document and a total), --verbose (every unit named, every detail), --json (one JSON document on
 * standard output, nothing else there). Errors always go to standard error.
 */

import { terminal } from './terminal.js';

export interface OutputOptions {
  readonly quiet?: boolean | undefined;
  readonly verbose?: boolean | undefined;
  readonly json?: boolean | undefined;
}

export interface Output {
  readonly quiet: boolean;
  readonly verbose: boolean;
  readonly json: boolean;
  /** A result line (a document done, a total): standard output, unless --quiet or --json. */
  line(text: string): void;
  /** A detail that only --verbose shows (standard output, unless --json). */
  detail(text: string): void;
  /** Something to know that is no result (a fallback, a skipped check): standard error, unless --quiet. */
  notice(text: string): void;
  /** The --json document of the command: `{ "command": …, … }`, written once. */
  data(command: string, value: Readonly<Record<string, unknown>>): void;
}

export function output(options: OutputOptions): Output {
  const json = options.json === true;
  const quiet = options.quiet === true && options.verbose !== true;
  const verbose = options.verbose === true;
  return {
    quiet,
    verbose,
    json,
    line(text) {
      if (!quiet && !json) terminal().stdout.write(`${text}\n`);
    },
    detail(text) {
      if (verbose && !json) terminal().stdout.write(`${text}\n`);
    },
    notice(text) {
      if (!quiet) terminal().stderr.write(`locflow: ${text}\n`);
    },
    data(command, value) {
      if (json) terminal().stdout.write(`${JSON.stringify({ command, ...value }, null, 2)}\n`);
    },
  };
}

/** A list shown in full with --verbose, else its first `max` items and a count of the rest. */
export function shortList(items: readonly string[], verbose: boolean, max = 5): string {
  if (verbose || items.length <= max) return items.join('; ');
  return `${items.slice(0, max).join('; ')}; … (${items.length - max} more; --verbose lists them all)`;
}

/** "1 unit", "3 units". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A duration as a person reads it: "45 s", "2 min 05 s", "1 h 03 min". */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/**
 * One progress bar for a whole run, redrawn in place on a terminal's standard error: what is being
 * worked on, units done of all, and the time left. Result lines printed meanwhile go above it.
 * Off the terminal (a pipe, CI) it draws nothing: the result lines tell the progress.
 */
export class ProgressBar {
  private shown = false;
  private readonly started = Date.now();
  private last = '';

  constructor(private readonly enabled: boolean) {}

  /** Whether the bar is drawn: a terminal on standard error, not CI, not --quiet or --json. */
  static wanted(out: Output): boolean {
    return terminal().stderr.isTTY === true && !process.env.CI && !out.quiet && !out.json;
  }

  update(what: string, done: number, total: number): void {
    if (!this.enabled || total <= 0) return;
    const ratio = Math.max(0, Math.min(1, done / total));
    const width = 24;
    const full = Math.round(ratio * width);
    const elapsed = Date.now() - this.started;
    const eta = done > 0 && done < total ? ` · ${duration((elapsed / done) * (total - done))} left` : '';
    const columns = terminal().stderr.columns || 80;
    const line = `[${'#'.repeat(full)}${'.'.repeat(width - full)}] ${done}/${total} units · ${what}${eta}`;
    this.last = line.length > columns - 1 ? `${line.slice(0, columns - 2)}…` : line;
    terminal().stderr.write(`\r\x1b[2K${this.last}`);
    this.shown = true;
  }

  /** Prints a result line above the bar, which is drawn again under it. */
  above(print: () => void): void {
    if (!this.shown) return print();
    terminal().stderr.write('\r\x1b[2K');
    print();
    terminal().stderr.write(this.last);
  }

  done(): void {
    if (this.shown) terminal().stderr.write('\r\x1b[2K');
    this.shown = false;
  }
}

/** Where the list goes in a document written by writeJsonList. */
export const LIST: readonly unknown[] = Object.freeze([]);

/**
 * A --json document written in pieces, one item of its list at a time: the same text as JSON.stringify(document,
 * null, 2) with `items` in place of the member whose value is LIST (a top-level member), with no more than one item
 * built at a time (`shown`: an item as the document shows it, made when it is written).
 */
export function writeJsonList<T>(
  write: (text: string) => void,
  document: Readonly<Record<string, unknown>>,
  items: readonly T[],
  shown: (item: T) => unknown,
): void {
  const key = Object.keys(document).find((k) => document[k] === LIST);
  if (key === undefined || !items.length) {
    write(`${JSON.stringify(document, null, 2)}\n`);
    return;
  }
  const whole = JSON.stringify(document, null, 2);
  // The member, at the top level: its line is the first with two spaces, its name and an empty list.
  const member = `\n  ${JSON.stringify(key)}: []`;
  const at = whole.indexOf(member);
  write(`${whole.slice(0, at + member.length - 1)}\n`);
  items.forEach((item, i) => {
    // (an item one level deeper than the document's members: four spaces before each of its lines)
    const text = JSON.stringify(shown(item), null, 2).replaceAll('\n', '\n    ');
    write(`    ${text}${i < items.length - 1 ? ',' : ''}\n`);
  });
  write(`  ]${whole.slice(at + member.length)}\n`);
}

import { givenPath, run, type Program } from '../context.js';
import { terminal } from '../terminal.js';

/** Wires the `locflow segment` command: its options, one workflow call, what it prints. */
export function registerSegment(program: Program): void {
  program
    .command('segment')
    .description('split text into sentences, one a line (or JSON with exact offsets)')
    .addHelpText('after', '\nExample:\n  echo "Dr. Smith arrived at 5 p.m. He sat down." | locflow segment --lang en')
    .argument('[file]', 'a text file, or - for standard input', '-')
    .option('--lang <code>', 'language of the text', 'en')
    .option('--json', 'print [{start, end, text}] with offsets into the input')
    .action((file, opts) =>
      run(async () => {
        const { readFileSync } = await import('node:fs');
        const { joinLines, segmentSpans } = await import('../../segment/segmenter.js');
        const text =
          file === '-'
            ? readFileSync(0, 'utf8')
            : (await import('../../io/files.js')).readText(givenPath(file), 'input file');
        const spans = segmentSpans(text, opts.lang);
        if (opts.json)
          terminal().stdout.write(
            `${JSON.stringify(
              spans.map((s) => ({ ...s, text: text.slice(s.start, s.end) })),
              null,
              2,
            )}\n`,
          );
        else for (const s of spans) terminal().stdout.write(`${joinLines(text.slice(s.start, s.end))}\n`);
      }),
    );
}

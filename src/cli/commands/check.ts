import { Option } from '@commander-js/extra-typings';
import { CHECK_IDS } from '../../qa/checks/index.js';
import { list, openProjectIfAny, projectFolder, run, type GlobalOptions, type Program } from '../context.js';
import { terminal } from '../terminal.js';

/** Wires the `locflow check` command: its options, one workflow call, what it prints. */
export function registerCheck(program: Program): void {
  program
    .command('check')
    .description(
      'check translations: numbers, names, inline codes, placeholders and more (works without a project on XLIFF files or two documents)',
    )
    .addHelpText(
      'after',
      // The registry's ids: a new check is listed here by its one registry line.
      `\nChecks:\n${wrapped(CHECK_IDS)}\n\nExamples:\n  locflow check --lang es --format html -o qa-report.html\n  locflow check returned/pricing.es.xlf --max-warnings 0`,
    )
    .argument('[files...]', 'XLIFF files to check (default: the locale store)')
    .option(
      '--lang <codes>',
      'languages, comma-separated (with --target: its language, when its path does not tell)',
      list,
    )
    .option('--source <file>', 'with --target: check a localized document against its source, without XLIFF')
    .option('--target <file>', 'the localized document to check against --source')
    .option('--source-lang <code>', "the language of --source (default: the project's source language, else en)")
    .option('--glossary <file>', "a CSV or TBX glossary (instead of the project's one, or without a project)")
    .addOption(
      new Option('--format <format>', 'report format')
        .choices(['text', 'json', 'sarif', 'junit', 'html'] as const)
        .default('text' as const),
    )
    .option('--json', 'the same as --format json (see README, "Output for scripts")')
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--max-warnings <n>', 'fail when there are more warnings than this')
    .action((files, opts, cmd) =>
      run(
        async () => {
          const { LocflowError } = await import('../../errors.js');
          const globals = cmd.optsWithGlobals() as GlobalOptions;
          if (opts.json && opts.format !== 'text' && opts.format !== 'json')
            throw new LocflowError(`--json and --format ${opts.format} ask for two formats: give one`);
          const format = opts.json ? 'json' : opts.format;
          const { output } = await import('../output.js');
          const out = output(globals);
          const maxWarnings = opts.maxWarnings === undefined ? undefined : Number(opts.maxWarnings);
          if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0))
            throw new LocflowError(`--max-warnings "${opts.maxWarnings}" must be a whole number`);
          if ((opts.source === undefined) !== (opts.target === undefined))
            throw new LocflowError('--source and --target go together');
          if (opts.source !== undefined && files.length)
            throw new LocflowError('give either XLIFF files or --source/--target, not both');
          const project = await openProjectIfAny(globals);
          const cwd = projectFolder(globals);
          const { check } = await import('../../workflow/check.js');
          const result = await check(project, {
            files,
            // Relative paths start from the project folder in a project (as before), else from the current folder.
            ...(project ? {} : { cwd }),
            ...(opts.lang ? { langs: opts.lang } : {}),
            ...(opts.source !== undefined && opts.target !== undefined
              ? { document: { source: opts.source, target: opts.target } }
              : {}),
            ...(opts.sourceLang !== undefined ? { sourceLang: opts.sourceLang } : {}),
            ...(opts.glossary !== undefined ? { glossary: opts.glossary } : {}),
            ...(maxWarnings !== undefined ? { maxWarnings } : {}),
            // The HTML and JUnit reports list every unit checked; the others only count them.
            keepPairs: format === 'html' || format === 'junit',
          });
          for (const n of result.notices) out.notice(n);
          const { renderReport } = await import('../../qa/reporters/index.js');
          const report = await renderReport(
            format,
            result.issues,
            result.pairs,
            opts.output === undefined && terminal().stdout.isTTY === true && !process.env.NO_COLOR,
          );
          if (opts.output !== undefined) {
            const { namedByUser, writeFileAtomic } = await import('../../io/files.js');
            // In a project, reports stay inside it as every other file locflow writes; alone, it goes where the user says.
            // A report goes where the user says (a CI artifacts folder, say), inside the project or not.
            writeFileAtomic(namedByUser(project ? project.root : cwd, opts.output), report);
            const { summarize } = await import('../../qa/runner.js');
            const s = summarize(result.issues);
            out.line(
              `${result.checked} unit(s) checked: ${s.errors} error(s), ${s.warnings} warning(s); report in ${opts.output}`,
            );
          } else if (format !== 'text') terminal().stdout.write(report);
          else if (!out.quiet) terminal().stdout.write(`${result.checked} unit(s) checked\n${report}`);
          return result.exitCode;
        },
        opts.json || opts.format === 'json' ? 'check' : undefined,
      ),
    );
}

/** Ids as indented lines of at most 80 characters, as the rest of the help is laid out. */
function wrapped(ids: readonly string[]): string {
  const lines = [''];
  for (const id of ids) {
    const last = lines[lines.length - 1]!;
    if (last && 2 + last.length + 2 + id.length > 80) lines.push(id);
    else lines[lines.length - 1] = last ? `${last}, ${id}` : id;
  }
  return lines.map((l, i) => `  ${l}${i < lines.length - 1 ? ',' : ''}`).join('\n');
}

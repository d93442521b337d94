import { Option } from '@commander-js/extra-typings';
import { list, openProject, run, type GlobalOptions, type Program } from '../context.js';

/** Wires the `locflow check` command: its options, one workflow call, what it prints. */
export function registerCheck(program: Program): void {
  program
    .command('check')
    .description('check translations: numbers, names, inline codes, placeholders and more')
    .argument('[files...]', 'XLIFF files to check (default: the locale store)')
    .option('--lang <codes>', 'languages, comma-separated', list)
    .option('--source <file>', 'with --target: check a localized document against its source, without XLIFF')
    .option('--target <file>', 'the localized document to check against --source')
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json', 'sarif', 'junit', 'html'] as const).default('text' as const))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--max-warnings <n>', 'fail when there are more warnings than this')
    .action((files, opts, cmd) =>
      run(async () => {
        const { LocflowError } = await import('../../errors.js');
        const project = await openProject(cmd.optsWithGlobals() as GlobalOptions);
        const { check } = await import('../../workflow/check.js');
        const maxWarnings = opts.maxWarnings === undefined ? undefined : Number(opts.maxWarnings);
        if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) throw new LocflowError(`--max-warnings "${opts.maxWarnings}" must be a whole number`);
        if ((opts.source === undefined) !== (opts.target === undefined)) throw new LocflowError('--source and --target go together');
        if (opts.source !== undefined && files.length) throw new LocflowError('give either XLIFF files or --source/--target, not both');
        const result = await check(project, {
          files,
          ...(opts.lang ? { langs: opts.lang } : {}),
          ...(opts.source !== undefined && opts.target !== undefined ? { document: { source: opts.source, target: opts.target } } : {}),
          ...(maxWarnings !== undefined ? { maxWarnings } : {}),
        });
        for (const n of result.notices) process.stderr.write(`locflow: ${n}\n`);
        const { renderReport } = await import('../../qa/reporters/index.js');
        const report = renderReport(opts.format, result.issues, result.pairs, opts.output === undefined && process.stdout.isTTY === true && !process.env.NO_COLOR);
        if (opts.output !== undefined) {
          const { insideProject, writeFileAtomic } = await import('../../io/files.js');
          writeFileAtomic(insideProject(project.root, opts.output, '--output'), report);
          const { summarize } = await import('../../qa/runner.js');
          const s = summarize(result.issues);
          console.log(`${result.pairs.length} unit(s) checked: ${s.errors} error(s), ${s.warnings} warning(s); report in ${opts.output}`);
        } else process.stdout.write(opts.format === 'text' ? `${result.pairs.length} unit(s) checked\n${report}` : report);
        return result.exitCode;
      }),
    );
}

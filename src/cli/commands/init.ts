import { Option } from '@commander-js/extra-typings';
import { givenFolder, list, run, type GlobalOptions, type Program } from '../context.js';

/** Wires the `locflow init` command: its options, one workflow call, what it prints. */
export function registerInit(program: Program): void {
  program
    .command('init')
    .description('write locflow.config.json in the project folder')
    .addHelpText('after', '\nExample:\n  locflow init --source-lang en --lang es,fr --sources "content/**/*.md"')
    .option('--source-lang <code>', 'source language', 'en')
    .option('--lang <codes>', 'target languages, comma-separated', list)
    .option('--sources <paths>', 'source files or patterns, comma-separated', list)
    .addOption(new Option('--xliff <version>', 'XLIFF version to write').choices(['1.2', '2.0'] as const))
    .option('--force', 'replace an existing configuration')
    .action((opts, cmd) =>
      run(async () => {
        const { init, JSON_OUTPUT } = await import('../../workflow/init.js');
        const g = cmd.optsWithGlobals() as GlobalOptions;
        const { file, output } = init(givenFolder(g), {
          sourceLanguage: opts.sourceLang,
          ...(opts.lang ? { targetLanguages: opts.lang } : {}),
          ...(opts.sources ? { sources: opts.sources } : {}),
          ...(opts.xliff ? { xliffVersion: opts.xliff } : {}),
          ...(opts.force ? { force: true } : {}),
        });
        const out = (await import('../output.js')).output(g);
        out.line(`wrote ${file}`);
        if (output === JSON_OUTPUT)
          out.line(
            `localized files are built into ${output} (locales.output): a JSON source built beside its store would overwrite the translations`,
          );
      }),
    );
}

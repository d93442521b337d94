import { Option } from '@commander-js/extra-typings';
import { list, openProject, rel, run, type GlobalOptions, type Program } from '../context.js';

/** Wires the `locflow extract` command: its options, one workflow call, what it prints. */
export function registerExtract(program: Program): void {
  program
    .command('extract')
    .description('segment the sources and write one XLIFF per target language and document')
    .addHelpText('after', '\nExample:\n  locflow extract --lang es,fr --xliff 2.0')
    .addOption(
      new Option('--xliff <version>', 'XLIFF version (default: from the config)').choices(['1.2', '2.0'] as const),
    )
    .option('--lang <codes>', 'target languages, comma-separated (default: all)', list)
    .option('--prefill', 'copy the source into empty targets (OmegaT translates only units that have a target)')
    .option('--force', 'overwrite XLIFF files that hold translations not yet imported')
    .action((opts, cmd) =>
      run(async () => {
        const project = await openProject(cmd.optsWithGlobals() as GlobalOptions);
        const { extract } = await import('../../workflow/extract.js');
        for (const r of await extract(project, {
          ...(opts.lang ? { langs: opts.lang } : {}),
          ...(opts.xliff ? { version: opts.xliff } : {}),
          prefill: opts.prefill === true,
          force: opts.force === true,
        })) {
          const tm =
            r.leverage.inContext + r.leverage.exact + r.leverage.fuzzy
              ? `; memory: ${r.leverage.inContext} in-context exact, ${r.leverage.exact} exact (to review), ${r.leverage.fuzzy} fuzzy`
              : '';
          console.log(
            `${rel(project.root, r.file)}: ${r.units} units, ${r.words} words, ${r.translated} already translated${tm}`,
          );
          if (r.removed.length)
            console.log(`  ${r.removed.length} translated unit(s) no longer in the source: ${r.removed.join(', ')}`);
        }
      }),
    );
}

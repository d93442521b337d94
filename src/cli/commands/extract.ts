import { Option } from '@commander-js/extra-typings';
import { inProject, list, rel, type Listed, type Program } from '../context.js';

/** extract's worker thread started as soon as the sources are listed, when the run goes on one (runsAlone). */
async function startExtractEarly(): Promise<Listed> {
  const { extractWorkerFile } = await import('../../workflow/extract.js');
  const { startAloneEarly } = await import('../../io/worker-pool.js');
  return (sources) => startAloneEarly(extractWorkerFile(), sources);
}

/** Wires the `locflow extract` command: its options, one workflow call, what it prints. */
export function registerExtract(program: Program): void {
  program
    .command('extract')
    .description('segment the sources and write one XLIFF per target language and document')
    .addHelpText('after', '\nExamples:\n  locflow extract --lang es,fr --xliff 2.0\n  locflow extract --dry-run --json')
    .addOption(
      new Option('--xliff <version>', 'XLIFF version (default: from the config)').choices(['1.2', '2.0'] as const),
    )
    .option('--lang <codes>', 'target languages, comma-separated (default: all)', list)
    .option('--prefill', 'copy the source into empty targets (OmegaT translates only units that have a target)')
    .option('--force', 'overwrite XLIFF files that hold translations not yet imported')
    .option('--dry-run', 'write nothing; say which files would be written, with what')
    .option('--json', 'print the results as JSON (see README, "Output for scripts")')
    .action((opts, cmd) =>
      inProject(
        cmd,
        'extract',
        opts.json,
        async (project, out) => {
          const { shortList, count } = await import('../output.js');
          const { extract } = await import('../../workflow/extract.js');
          const dryRun = opts.dryRun === true;
          const results = await extract(project, {
            ...(opts.lang ? { langs: opts.lang } : {}),
            ...(opts.xliff ? { version: opts.xliff } : {}),
            prefill: opts.prefill === true,
            force: opts.force === true,
            dryRun,
          });
          // The lines are printed at once: one write for a run of thousands of documents, not one per line.
          const lines: string[] = [];
          for (const r of results) {
            const tm =
              r.leverage.inContext + r.leverage.exact + r.leverage.fuzzy
                ? `; memory: ${r.leverage.inContext} in-context exact, ${r.leverage.exact} exact (to review), ${r.leverage.fuzzy} fuzzy`
                : '';
            lines.push(
              `${dryRun ? 'would write ' : ''}${rel(project.root, r.file)}: ${r.units} units, ${r.words} words, ${r.translated} already translated${tm}`,
            );
            if (r.removed.length)
              lines.push(
                `  ${r.removed.length} translated unit(s) no longer in the source: ${shortList(r.removed, out.verbose)}`,
              );
          }
          const sum = (key: 'units' | 'words' | 'translated'): number => results.reduce((n, r) => n + r[key], 0);
          lines.push(
            `total: ${count(results.length, 'file')} ${dryRun ? 'would be written (nothing was written)' : 'written'}, ${count(sum('units'), 'unit')}, ${sum('translated')} already translated`,
          );
          out.line(lines.join('\n'));
          out.data('extract', {
            dryRun,
            results: results.map((r) => ({ ...r, file: rel(project.root, r.file) })),
            totals: { files: results.length, units: sum('units'), words: sum('words'), translated: sum('translated') },
          });
        },
        startExtractEarly,
      ),
    );
}

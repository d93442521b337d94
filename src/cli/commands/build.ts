import { inProject, list, rel, type Listed, type Program } from '../context.js';

/** build's worker thread started as soon as the sources are listed, when the run goes on one (runsAlone). */
async function startBuildEarly(): Promise<Listed> {
  const { buildWorkerFile } = await import('../../workflow/build.js');
  const { startAloneEarly } = await import('../../io/worker-pool.js');
  return (sources) => startAloneEarly(buildWorkerFile(), sources);
}

/** Wires the `locflow build` command: its options, one workflow call, what it prints. */
export function registerBuild(program: Program): void {
  program
    .command('build')
    .description('write each localized document, with dates re-formatted for its locale')
    .addHelpText('after', '\nExamples:\n  locflow build --lang es,fr\n  locflow build --dry-run')
    .option('--lang <codes>', 'languages, comma-separated (default: all targets; the source language is allowed)', list)
    .option('--dry-run', 'make and check every file; say what would be written, write nothing')
    .option('--json', 'print the results as JSON (see README, "Output for scripts")')
    .action((opts, cmd) =>
      inProject(
        cmd,
        'build',
        opts.json,
        async (project, out) => {
          const { shortList, count } = await import('../output.js');
          const { build } = await import('../../workflow/build.js');
          const dryRun = opts.dryRun === true;
          const results = await build(project, { ...(opts.lang ? { langs: opts.lang } : {}), dryRun });
          // The lines are printed at once: one write for a run of thousands of documents, not one per line.
          const lines: string[] = [];
          for (const r of results) {
            const fallback = r.untranslated.length
              ? `, ${r.untranslated.length} untranslated (source text used): ${shortList(
                  r.untranslated.map((u) => u.label),
                  out.verbose,
                )}`
              : '';
            lines.push(`${dryRun ? 'would write ' : ''}${rel(project.root, r.file)}: ${r.units} units${fallback}`);
          }
          const untranslated = results.reduce((n, r) => n + r.untranslated.length, 0);
          lines.push(
            `total: ${count(results.length, 'file')} ${dryRun ? 'would be written (nothing was written)' : 'written'}${untranslated ? `, ${untranslated} untranslated unit(s) in the source language` : ''}`,
          );
          out.line(lines.join('\n'));
          out.data('build', {
            dryRun,
            results: results.map((r) => ({ ...r, file: rel(project.root, r.file) })),
            totals: { files: results.length, untranslated },
          });
        },
        startBuildEarly,
      ),
    );
}

import { ENGINE_IDS } from '../../mt/registry.js';
import { inProject, list, type Program } from '../context.js';

/** Wires the `locflow translate` command: its options, one workflow call, what it prints. */
export function registerTranslate(program: Program): void {
  program
    .command('translate')
    .description('machine-translate the untranslated units into the locale store (never overwrites a translation)')
    .addHelpText(
      'after',
      '\nExamples:\n  locflow translate --engine apertium --lang es --dry-run\n  locflow translate --engine apertium --lang es --json',
    )
    .requiredOption('--engine <name>', ENGINE_IDS.join(', '))
    .option('--lang <codes>', 'target languages, comma-separated (default: all)', list)
    .option('--dry-run', 'print units, words and characters per language; send nothing')
    .option('--json', 'print the results as JSON (see README, "Output for scripts")')
    .option(
      '--force',
      'let --engine pseudo fill a real language (by default only pseudo-locales: en-XA, ar-XB, qps-ploc, xx-x-…)',
    )
    .action((opts, cmd) =>
      inProject(cmd, 'translate', opts.json, async (project, out) => {
        // Ctrl-C: stop after the batch in flight; every file on disk stays whole (atomic writes).
        const controller = new AbortController();
        const dryRun = opts.dryRun === true;
        const options = {
          engine: opts.engine,
          ...(opts.lang ? { langs: opts.lang } : {}),
          dryRun,
          force: opts.force === true,
          signal: controller.signal,
        };
        // The engine first: it starts while the rest of the command loads.
        const { startEngine } = await import('../../workflow/steps/engine-start.js');
        const started = await startEngine(project, options);
        let loaded: [typeof import('../output.js'), typeof import('../../workflow/translate.js')];
        try {
          loaded = await Promise.all([import('../output.js'), import('../../workflow/translate.js')]);
        } catch (err) {
          // The engine would keep the process waiting for its input.
          started.starter?.giveUp();
          throw err;
        }
        const [{ ProgressBar, count, duration }, { translate }] = loaded;
        const onSigint = (): void => {
          if (controller.signal.aborted) process.exit(130);
          process.stderr.write('\nlocflow: interrupted, saving what is translated… (Ctrl-C again to quit now)\n');
          controller.abort(new Error('interrupted'));
        };
        process.on('SIGINT', onSigint);
        const bar = new ProgressBar(!opts.dryRun && ProgressBar.wanted(out));
        const since = Date.now();
        try {
          const results = await translate(project, {
            ...options,
            started,
            onPlan: (plan) =>
              out.detail(
                `${count(plan.units, 'unit')} to translate in ${count(plan.documents, 'document')} with ${opts.engine}`,
              ),
            onProgress: (p) => bar.update(`${p.lang}/${p.doc}`, p.done, p.total),
            // Each document's result is printed as soon as it is done, not when the whole run is.
            onResult: (r) =>
              bar.above(() => {
                if (dryRun) {
                  out.line(
                    `${r.lang}/${r.doc}: ${r.units} units, ${r.words} words, ${r.characters} characters to translate`,
                  );
                  return;
                }
                if (r.units === 0 && !out.verbose) return;
                out.line(
                  `${r.lang}/${r.doc}: ${r.translated} of ${r.units} units translated with ${opts.engine}` +
                    `${r.fromMemory ? `, ${r.fromMemory} from the memory` : ''}` +
                    `${r.flagged.length ? `, ${r.flagged.length} marked needs-review` : ''}` +
                    `${r.interrupted ? ' (interrupted)' : ''}`,
                );
                for (const f of r.flagged)
                  out.line(`  ${f.label ?? f.unit}${f.label ? ` (${f.unit})` : ''}: ${f.problems.join('; ')}`);
              }),
          });
          bar.done();
          const sum = (key: 'units' | 'words' | 'characters' | 'translated' | 'fromMemory'): number =>
            results.reduce((n, r) => n + r[key], 0);
          const flagged = results.reduce((n, r) => n + r.flagged.length, 0);
          const interrupted = results.some((r) => r.interrupted);
          const documents = results.filter((r) => r.units > 0).length;
          if (dryRun)
            out.line(
              `total: ${count(sum('units'), 'unit')}, ${count(sum('words'), 'word')}, ${count(sum('characters'), 'character')} to translate in ${count(documents, 'document')}; nothing was sent`,
            );
          else if (sum('units') === 0) out.line('total: nothing to translate, every unit has a translation');
          else
            out.line(
              `total: ${sum('translated')} of ${count(sum('units'), 'unit')} translated with ${opts.engine} in ${count(documents, 'document')}` +
                `${sum('fromMemory') ? `, ${sum('fromMemory')} from the memory` : ''}` +
                `${flagged ? `, ${flagged} marked needs-review` : ''}, ${duration(Date.now() - since)}` +
                `${interrupted ? ' (interrupted: run it again to finish)' : ''}`,
            );
          out.data('translate', {
            engine: opts.engine,
            dryRun,
            interrupted,
            results,
            totals: {
              units: sum('units'),
              words: sum('words'),
              characters: sum('characters'),
              translated: sum('translated'),
              fromMemory: sum('fromMemory'),
              flagged,
            },
          });
          if (interrupted) return 130;
        } finally {
          bar.done();
          process.off('SIGINT', onSigint);
        }
      }),
    );
}

import { list, openProject, run, type GlobalOptions, type Program } from '../context.js';

/** Wires the `locflow translate` command: its options, one workflow call, what it prints. */
export function registerTranslate(program: Program): void {
  program
    .command('translate')
    .description('machine-translate the untranslated units into the locale store (never overwrites a translation)')
    .addHelpText('after', '\nExample:\n  locflow translate --engine apertium --lang es --dry-run')
    .requiredOption('--engine <name>', 'apertium, apertium-apy, deepl, libretranslate or pseudo')
    .option('--lang <codes>', 'target languages, comma-separated (default: all)', list)
    .option('--dry-run', 'print units, words and characters per language; send nothing')
    .option(
      '--force',
      'let --engine pseudo fill a real language (by default only pseudo-locales: en-XA, ar-XB, qps-ploc, xx-x-…)',
    )
    .action((opts, cmd) =>
      run(async () => {
        const project = await openProject(cmd.optsWithGlobals() as GlobalOptions);
        const { translate } = await import('../../workflow/translate.js');
        // Ctrl-C: stop after the batch in flight; every file on disk stays whole (atomic writes).
        const controller = new AbortController();
        const onSigint = (): void => {
          if (controller.signal.aborted) process.exit(130);
          process.stderr.write('\nlocflow: interrupted, saving what is translated… (Ctrl-C again to quit now)\n');
          controller.abort(new Error('interrupted'));
        };
        process.on('SIGINT', onSigint);
        const tty = process.stderr.isTTY === true && !process.env.CI;
        try {
          const results = await translate(project, {
            engine: opts.engine,
            ...(opts.lang ? { langs: opts.lang } : {}),
            dryRun: opts.dryRun === true,
            force: opts.force === true,
            signal: controller.signal,
            ...(tty
              ? {
                  onProgress: (lang: string, done: number, total: number) =>
                    process.stderr.write(
                      `\r${lang} ${progressBar(done / total)} ${done}/${total}${done === total ? '\n' : ''}`,
                    ),
                }
              : {}),
          });
          for (const r of results) {
            if (opts.dryRun)
              console.log(
                `${r.lang}/${r.doc}: ${r.units} units, ${r.words} words, ${r.characters} characters to translate`,
              );
            else
              console.log(
                `${r.lang}/${r.doc}: ${r.translated} of ${r.units} units translated with ${opts.engine}${r.fromMemory ? `, ${r.fromMemory} from the memory` : ''}${r.flagged.length ? `, ${r.flagged.length} marked needs-review` : ''}${r.interrupted ? ' (interrupted)' : ''}`,
              );
            for (const f of r.flagged) console.log(`  ${f.unit}: ${f.problems.join('; ')}`);
          }
          if (results.some((r) => r.interrupted)) return 130;
        } finally {
          process.off('SIGINT', onSigint);
        }
      }),
    );
}

function progressBar(ratio: number, width = 30): string {
  const full = Math.round(Math.max(0, Math.min(1, ratio)) * width);
  return `[${'#'.repeat(full)}${'.'.repeat(width - full)}]`;
}

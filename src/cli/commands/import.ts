import { openProject, rel, run, type GlobalOptions, type Program } from '../context.js';

/** Wires the `locflow import` command: its options, one workflow call, what it prints. */
export function registerImport(program: Program): void {
  program
    .command('import')
    .description('import translated XLIFF files into locales/<lang>/<doc>.json')
    .addHelpText('after', '\nExample:\n  locflow import xliff/es/pricing.xlf xliff/fr/pricing.xlf')
    .argument('<files...>', 'XLIFF 1.2 or 2.0 files')
    .option('--overwrite', 'replace existing translations that differ')
    .option('--lang <code>', 'refuse files whose target language is not this one')
    .action((files, opts, cmd) =>
      run(async () => {
        const project = await openProject(cmd.optsWithGlobals() as GlobalOptions);
        const { importFiles } = await import('../../workflow/import.js');
        for (const r of await importFiles(project, files, {
          overwrite: opts.overwrite === true,
          ...(opts.lang ? { lang: opts.lang } : {}),
        })) {
          console.log(
            `${rel(project.root, r.file)} → ${r.lang}/${r.doc}: ${r.imported} imported, ${r.unchanged} unchanged, ${r.untranslated} untranslated`,
          );
          if (r.flagged.length) {
            console.log(`  ${r.flagged.length} unit(s) imported as needs-review because a check failed:`);
            for (const f of r.flagged) console.log(`    ${f.unit}: ${f.problems.join('; ')}`);
          }
        }
      }),
    );
}

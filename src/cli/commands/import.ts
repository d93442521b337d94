import { inProject, rel, type Program } from '../context.js';
import { terminal } from '../terminal.js';

/** Wires the `locflow import` command: its options, one workflow call, what it prints. */
export function registerImport(program: Program): void {
  program
    .command('import')
    .description('import translated XLIFF files into locales/<lang>/<doc>.json')
    .addHelpText(
      'after',
      '\nExamples:\n  locflow import xliff/es/pricing.xlf xliff/fr/pricing.xlf\n  locflow import --dry-run ~/Downloads/pricing.es.xlf',
    )
    .argument('<files...>', 'XLIFF 1.2 or 2.0 files')
    .option('--overwrite', 'replace existing translations that differ')
    .option('--lang <code>', 'refuse files whose target language is not this one')
    .option('--dry-run', 'check the files and say what would be imported; change nothing')
    .option('--json', 'print the results as JSON (see README, "Output for scripts")')
    .action((files, opts, cmd) =>
      inProject(cmd, 'import', opts.json, async (project, out) => {
        const { count, LIST, writeJsonList } = await import('../output.js');
        const { importRun } = await import('../../workflow/import.js');
        const dryRun = opts.dryRun === true;
        const { results, refused } = await importRun(project, files, {
          overwrite: opts.overwrite === true,
          dryRun,
          ...(opts.lang ? { lang: opts.lang } : {}),
        });
        // One file, refused: its error, as any command's (exit 2; under --json, the error document).
        if (refused.length === 1 && !results.length) throw refused[0];
        for (const r of results) {
          out.line(
            `${rel(project.root, r.file)} → ${r.lang}/${r.doc}: ${r.imported} ${dryRun ? 'would be imported' : 'imported'}, ${r.unchanged} unchanged, ${r.untranslated} untranslated`,
          );
          out.detail(`  ${r.toMemory} approved translation(s) for the memory`);
          if (r.flagged.length) {
            out.line(`  ${r.flagged.length} unit(s) imported as needs-review because a check failed:`);
            for (const f of r.flagged)
              out.line(`    ${f.label ?? f.unit}${f.label ? ` (${f.unit})` : ''}: ${f.problems.join('; ')}`);
          }
          if (r.partly.length) {
            out.line(`  ${r.partly.length} unit(s) not imported: only some of their segments are translated yet:`);
            for (const p of r.partly)
              out.line(
                `    ${p.label ?? p.unit}${p.label ? ` (${p.unit})` : ''}${p.line !== undefined ? `, line ${p.line}` : ''}: ${p.translated} of ${p.segments} segments translated`,
              );
          }
        }
        const sum = (key: 'imported' | 'unchanged' | 'untranslated' | 'toMemory'): number =>
          results.reduce((n, r) => n + r[key], 0);
        const flagged = results.reduce((n, r) => n + r.flagged.length, 0);
        const partly = results.reduce((n, r) => n + r.partly.length, 0);
        // A refused file changed nothing and stopped no other: each is told as an error, and the run exits 2.
        for (const err of refused) terminal().stderr.write(`locflow: ${err.format()}\n`);
        const imported = files.length - refused.length;
        out.line(
          `total: ${sum('imported')} ${dryRun ? 'would be imported (nothing was written)' : 'imported'}, ${sum('unchanged')} unchanged, ${sum('untranslated')} untranslated${partly ? ` (${partly} partly)` : ''} in ${count(imported, 'file')}${flagged ? `, ${flagged} as needs-review` : ''}${refused.length ? `; ${count(refused.length, 'file')} refused` : ''}`,
        );
        // (a result at a time: the document of a run over thousands of files is never held whole)
        if (out.json)
          writeJsonList(
            (text) => terminal().stdout.write(text),
            {
              command: 'import',
              dryRun,
              results: LIST,
              refused: refused.map(({ message, file, line, column, hint, exitCode }) => ({
                message,
                file,
                line,
                column,
                hint,
                exitCode,
              })),
              totals: {
                files: imported,
                refused: refused.length,
                imported: sum('imported'),
                unchanged: sum('unchanged'),
                untranslated: sum('untranslated'),
                toMemory: sum('toMemory'),
                flagged,
                partly,
              },
            },
            results,
            (r) => ({ ...r, file: rel(project.root, r.file) }),
          );
        return refused.length ? 2 : undefined;
      }),
    );
}

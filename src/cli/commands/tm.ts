import { inProject, rel, type Program } from '../context.js';

/** Wires the `locflow tm` command: its options, one workflow call, what it prints. */
export function registerTm(program: Program): void {
  const tm = program
    .command('tm')
    .description('the translation memory: import and export TMX 1.4b, migrate its schema')
    .addHelpText(
      'after',
      '\nExamples:\n  locflow tm import memories/legal.tmx\n  locflow tm export --lang es -o tm/es.tmx\n  locflow tm migrate',
    );
  tm.command('import')
    .description("load TMX files into the project memory (a person's translation stored for a sentence stays)")
    .addHelpText(
      'after',
      '\nExamples:\n  locflow tm import memories/legal.tmx\n  locflow tm import --overwrite memories/reviewed.tmx',
    )
    .argument('<files...>', 'TMX files')
    .option('--overwrite', "the file's translations replace the people's translations the memory holds")
    .option('--json', 'print the results as JSON (see README, "Output for scripts")')
    .action((files, opts, cmd) =>
      inProject(cmd, 'tm import', opts.json, async (project, out) => {
        const { tmImport } = await import('../../workflow/tm.js');
        const results = await tmImport(project, files, { overwrite: opts.overwrite === true });
        for (const r of results) {
          const file = rel(project.root, r.file);
          const kept = r.kept
            ? `, ${r.kept} kept out: the memory holds a person's other translation` +
              (r.overwritable
                ? ` (--overwrite takes the file's${r.overwritable < r.kept ? ` for ${r.overwritable}` : ''})`
                : '')
            : '';
          out.line(`${file}: ${r.read} translation(s) read, ${r.added} new or updated in the memory${kept}`);
          for (const k of r.keptExamples)
            out.line(
              `  ${file}${k.line !== undefined ? `:${k.line}` : ''} (${k.targetLang}) "${k.source}": kept "${k.kept}",` +
                ` not the file's ${k.machine ? 'machine translation ' : ''}"${k.target}"`,
            );
          if (r.kept > r.keptExamples.length) out.line(`  … and ${r.kept - r.keptExamples.length} more`);
        }
        out.data('tm import', { results: results.map((r) => ({ ...r, file: rel(project.root, r.file) })) });
      }),
    );
  tm.command('export')
    .description('write the memory as TMX')
    .addHelpText('after', '\nExample:\n  locflow tm export --lang es -o tm/es.tmx')
    .option('-o, --output <file>', 'the TMX file to write', 'tm/export.tmx')
    .option('--lang <code>', 'only this target language')
    .option(
      '--omegat',
      "OmegaT's short tags (<p0/> placeholder or URL, <x1/> standalone tag, <g2>…</g2> pair) for a tm/auto memory",
    )
    .option('--json', 'print the result as JSON (see README, "Output for scripts")')
    .action((opts, cmd) =>
      inProject(cmd, 'tm export', opts.json, async (project, out) => {
        const { tmExport } = await import('../../workflow/tm.js');
        const r = await tmExport(project, opts.output, {
          ...(opts.lang ? { lang: opts.lang } : {}),
          omegat: opts.omegat === true,
        });
        out.line(`${rel(project.root, r.file)}: ${r.entries} translation unit(s)`);
        out.data('tm export', { results: [{ ...r, file: rel(project.root, r.file) }] });
      }),
    );
  tm.command('migrate')
    .description("create the memory's schema or bring it up to date (tm.url, LOCFLOW_TM_URL or the SQLite file)")
    .addHelpText(
      'after',
      '\nExample:\n  locflow tm migrate   # the memory that tm.url or LOCFLOW_TM_URL names, else tm/project.db',
    )
    .action((_opts, cmd) =>
      inProject(cmd, 'tm migrate', undefined, async (project, out) => {
        const { tmMigrate } = await import('../../workflow/tm.js');
        const r = await tmMigrate(project);
        out.line(
          r.from === r.to
            ? `${r.location}: schema version ${r.to}, up to date`
            : `${r.location}: schema version ${r.from} → ${r.to}`,
        );
      }),
    );
}

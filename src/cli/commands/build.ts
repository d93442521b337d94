import { list, openProject, rel, run, type GlobalOptions, type Program } from '../context.js';

/** Wires the `locflow build` command: its options, one workflow call, what it prints. */
export function registerBuild(program: Program): void {
  program
    .command('build')
    .description('write each localized document, with dates re-formatted for its locale')
    .addHelpText('after', '\nExample:\n  locflow build --lang es,fr')
    .option('--lang <codes>', 'languages, comma-separated (default: all targets; the source language is allowed)', list)
    .action((opts, cmd) =>
      run(async () => {
        const project = await openProject(cmd.optsWithGlobals() as GlobalOptions);
        const { build } = await import('../../workflow/build.js');
        for (const r of build(project, opts.lang ? { langs: opts.lang } : {})) {
          const shown = r.untranslated.slice(0, 5).join(', ') + (r.untranslated.length > 5 ? ', …' : '');
          const fallback = r.untranslated.length
            ? `, ${r.untranslated.length} untranslated (source text used): ${shown}`
            : '';
          console.log(`${rel(project.root, r.file)}: ${r.units} units${fallback}`);
        }
      }),
    );
}

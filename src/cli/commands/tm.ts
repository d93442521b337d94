import { openProject, rel, run, type GlobalOptions, type Program } from '../context.js';

/** Wires the `locflow tm` command: its options, one workflow call, what it prints. */
export function registerTm(program: Program): void {
  const tm = program
    .command('tm')
    .description('the translation memory: import and export TMX 1.4b')
    .addHelpText(
      'after',
      '\nExamples:\n  locflow tm import memories/legal.tmx\n  locflow tm export --lang es -o tm/es.tmx',
    );
  tm.command('import')
    .description('load TMX files into the project memory')
    .addHelpText('after', '\nExample:\n  locflow tm import memories/legal.tmx')
    .argument('<files...>', 'TMX files')
    .action((files, _opts, cmd) =>
      run(async () => {
        const project = await openProject(cmd.optsWithGlobals() as GlobalOptions);
        const { tmImport } = await import('../../workflow/tm.js');
        for (const r of await tmImport(project, files))
          console.log(`${rel(project.root, r.file)}: ${r.read} translation(s) read, ${r.added} new in the memory`);
      }),
    );
  tm.command('export')
    .description('write the memory as TMX')
    .addHelpText('after', '\nExample:\n  locflow tm export --lang es -o tm/es.tmx')
    .option('-o, --output <file>', 'the TMX file to write', 'tm/export.tmx')
    .option('--lang <code>', 'only this target language')
    .option('--omegat', "OmegaT's short tags (<x0/>, <g1>…</g1>) for a tm/auto memory")
    .action((opts, cmd) =>
      run(async () => {
        const project = await openProject(cmd.optsWithGlobals() as GlobalOptions);
        const { tmExport } = await import('../../workflow/tm.js');
        const r = await tmExport(project, opts.output, {
          ...(opts.lang ? { lang: opts.lang } : {}),
          omegat: opts.omegat === true,
        });
        console.log(`${rel(project.root, r.file)}: ${r.entries} translation unit(s)`);
      }),
    );
}

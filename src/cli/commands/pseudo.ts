import { inProject, rel, type Program } from '../context.js';

/** Wires the `locflow pseudo` command: its options, one workflow call, what it prints. */
export function registerPseudo(program: Program): void {
  program
    .command('pseudo')
    .description('pseudo-translate into a translated XLIFF (accents, ~30 % expansion, brackets)')
    .addHelpText('after', '\nExample:\n  locflow pseudo --lang qps-ploc --expansion 0.4')
    .requiredOption('--lang <code>', 'target language to write, e.g. qps-ploc')
    .option('--rtl', 'wrap units in right-to-left marks')
    .option('--expansion <ratio>', 'extra length as a ratio', '0.3')
    .option('--json', 'print the results as JSON (see README, "Output for scripts")')
    .action((opts, cmd) =>
      inProject(cmd, 'pseudo', opts.json, async (project, out) => {
        const { pseudo } = await import('../../workflow/pseudo.js');
        const expansion = Number(opts.expansion);
        if (!Number.isFinite(expansion) || expansion < 0 || expansion > 3) {
          const { LocflowError } = await import('../../errors.js');
          throw new LocflowError(`--expansion "${opts.expansion}" must be a number from 0 to 3`);
        }
        const results = pseudo(project, opts.lang, { rtl: opts.rtl === true, expansion });
        for (const r of results) out.line(`${rel(project.root, r.file)}: ${r.units} units pseudo-translated`);
        out.data('pseudo', { results: results.map((r) => ({ ...r, file: rel(project.root, r.file) })) });
      }),
    );
}

import { inProject, list, type Program } from '../context.js';

/** Wires the `locflow status` command: its options, one workflow call, what it prints. */
export function registerStatus(program: Program): void {
  program
    .command('status')
    .description('units and words per state for each target language')
    .addHelpText('after', '\nExample:\n  locflow status --lang es --json')
    .option('--lang <codes>', 'languages, comma-separated', list)
    .option('--json', 'print the rows as JSON (see README, "Output for scripts")')
    .action((opts, cmd) =>
      inProject(cmd, 'status', opts.json, async (project, out) => {
        const { status } = await import('../../workflow/status.js');
        const rows = status(project, opts.lang ? { langs: opts.lang } : {});
        out.data('status', { results: rows });
        if (out.json) return;
        const head = ['lang', 'units', 'words', 'translated', 'needs-review', 'untranslated', 'stale', 'since export'];
        const since = (r: (typeof rows)[number]): string =>
          r.sinceExport ? `+${r.sinceExport.added} −${r.sinceExport.removed}` : 'never exported';
        const body = rows.map((r) =>
          [
            r.lang,
            r.units,
            r.words,
            `${r.translated} (${r.translatedWords} w)`,
            r.needsReview,
            `${r.untranslated} (${r.untranslatedWords} w)`,
            r.stale,
            since(r),
          ].map(String),
        );
        const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
        for (const row of [head, ...body])
          out.line(
            row
              .map((c, i) => c.padEnd(widths[i]!))
              .join('  ')
              .trimEnd(),
          );
      }),
    );
}

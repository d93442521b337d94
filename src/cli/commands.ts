import { Command, Option } from '@commander-js/extra-typings';
import { list, openProject, rel, run, type GlobalOptions } from './context.js';

/**
 * Commander wiring: each command parses its options, calls one workflow
 * function (loaded on demand, so --help stays fast) and prints its result.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type Program = Command<[], {}, GlobalOptions>;

export function registerInit(program: Program): void {
  program
    .command('init')
    .description('write locflow.config.json in the project folder')
    .option('--source-lang <code>', 'source language', 'en')
    .option('--lang <codes>', 'target languages, comma-separated', list)
    .option('--sources <paths>', 'source files or patterns, comma-separated', list)
    .addOption(new Option('--xliff <version>', 'XLIFF version to write').choices(['1.2', '2.0'] as const))
    .option('--force', 'replace an existing configuration')
    .action((opts, cmd) =>
      run(async () => {
        const { init } = await import('../workflow/init.js');
        const g = cmd.optsWithGlobals() as GlobalOptions;
        const file = init(g.cwd ?? process.cwd(), {
          sourceLanguage: opts.sourceLang,
          ...(opts.lang ? { targetLanguages: opts.lang } : {}),
          ...(opts.sources ? { sources: opts.sources } : {}),
          ...(opts.xliff ? { xliffVersion: opts.xliff } : {}),
          ...(opts.force ? { force: true } : {}),
        });
        console.log(`wrote ${file}`);
      }),
    );
}

export function registerExtract(program: Program): void {
  program
    .command('extract')
    .description('segment the sources and write one XLIFF per target language and document')
    .addOption(new Option('--xliff <version>', 'XLIFF version (default: from the config)').choices(['1.2', '2.0'] as const))
    .option('--lang <codes>', 'target languages, comma-separated (default: all)', list)
    .option('--prefill', 'copy the source into empty targets (OmegaT translates only units that have a target)')
    .option('--force', 'overwrite XLIFF files that hold translations not yet imported')
    .action((opts, cmd) =>
      run(async () => {
        const project = await openProject(cmd.optsWithGlobals() as GlobalOptions);
        const { extract } = await import('../workflow/extract.js');
        for (const r of await extract(project, { ...(opts.lang ? { langs: opts.lang } : {}), ...(opts.xliff ? { version: opts.xliff } : {}), prefill: opts.prefill === true, force: opts.force === true })) {
          const tm = r.leverage.inContext + r.leverage.exact + r.leverage.fuzzy ? `; memory: ${r.leverage.inContext} in-context exact, ${r.leverage.exact} exact (to review), ${r.leverage.fuzzy} fuzzy` : '';
          console.log(`${rel(project.root, r.file)}: ${r.units} units, ${r.words} words, ${r.translated} already translated${tm}`);
          if (r.removed.length) console.log(`  ${r.removed.length} translated unit(s) no longer in the source: ${r.removed.join(', ')}`);
        }
      }),
    );
}

export function registerImport(program: Program): void {
  program
    .command('import')
    .description('import translated XLIFF files into locales/<lang>/<doc>.json')
    .argument('<files...>', 'XLIFF 1.2 or 2.0 files')
    .option('--overwrite', 'replace existing translations that differ')
    .option('--lang <code>', 'refuse files whose target language is not this one')
    .action((files, opts, cmd) =>
      run(async () => {
        const project = await openProject(cmd.optsWithGlobals() as GlobalOptions);
        const { importFiles } = await import('../workflow/import.js');
        for (const r of await importFiles(project, files, { overwrite: opts.overwrite === true, ...(opts.lang ? { lang: opts.lang } : {}) })) {
          console.log(`${rel(project.root, r.file)} → ${r.lang}/${r.doc}: ${r.imported} imported, ${r.unchanged} unchanged, ${r.untranslated} untranslated`);
          if (r.flagged.length) {
            console.log(`  ${r.flagged.length} unit(s) imported as needs-review because a check failed:`);
            for (const f of r.flagged) console.log(`    ${f.unit}: ${f.problems.join('; ')}`);
          }
        }
      }),
    );
}

export function registerBuild(program: Program): void {
  program
    .command('build')
    .description('write each localized document, with dates re-formatted for its locale')
    .option('--lang <codes>', 'languages, comma-separated (default: all targets; the source language is allowed)', list)
    .action((opts, cmd) =>
      run(async () => {
        const project = await openProject(cmd.optsWithGlobals() as GlobalOptions);
        const { build } = await import('../workflow/build.js');
        for (const r of build(project, opts.lang ? { langs: opts.lang } : {})) {
          const shown = r.untranslated.slice(0, 5).join(', ') + (r.untranslated.length > 5 ? ', …' : '');
          const fallback = r.untranslated.length ? `, ${r.untranslated.length} untranslated (source text used): ${shown}` : '';
          console.log(`${rel(project.root, r.file)}: ${r.units} units${fallback}`);
        }
      }),
    );
}

export function registerStatus(program: Program): void {
  program
    .command('status')
    .description('units and words per state for each target language')
    .option('--lang <codes>', 'languages, comma-separated', list)
    .option('--json', 'print JSON')
    .action((opts, cmd) =>
      run(async () => {
        const project = await openProject(cmd.optsWithGlobals() as GlobalOptions);
        const { status } = await import('../workflow/status.js');
        const rows = status(project, opts.lang ? { langs: opts.lang } : {});
        if (opts.json) {
          console.log(JSON.stringify(rows, null, 2));
          return;
        }
        const head = ['lang', 'units', 'words', 'translated', 'needs-review', 'untranslated', 'stale', 'since export'];
        const since = (r: (typeof rows)[number]): string => (r.sinceExport ? `+${r.sinceExport.added} −${r.sinceExport.removed}` : 'never exported');
        const body = rows.map((r) => [r.lang, r.units, r.words, `${r.translated} (${r.translatedWords} w)`, r.needsReview, `${r.untranslated} (${r.untranslatedWords} w)`, r.stale, since(r)].map(String));
        const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
        for (const row of [head, ...body]) console.log(row.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd());
      }),
    );
}

export function registerPseudo(program: Program): void {
  program
    .command('pseudo')
    .description('pseudo-translate into a translated XLIFF (accents, ~30 % expansion, brackets)')
    .requiredOption('--lang <code>', 'target language to write, e.g. qps-ploc')
    .option('--rtl', 'wrap units in right-to-left marks')
    .option('--expansion <ratio>', 'extra length as a ratio', '0.3')
    .action((opts, cmd) =>
      run(async () => {
        const project = await openProject(cmd.optsWithGlobals() as GlobalOptions);
        const { pseudo } = await import('../workflow/pseudo.js');
        const expansion = Number(opts.expansion);
        if (!Number.isFinite(expansion) || expansion < 0 || expansion > 3) {
          const { LocflowError } = await import('../errors.js');
          throw new LocflowError(`--expansion "${opts.expansion}" must be a number from 0 to 3`);
        }
        for (const r of pseudo(project, opts.lang, { rtl: opts.rtl === true, expansion })) console.log(`${rel(project.root, r.file)}: ${r.units} units pseudo-translated`);
      }),
    );
}

export function registerCheck(program: Program): void {
  program
    .command('check')
    .description('check translations: numbers, names, inline codes, placeholders and more')
    .argument('[files...]', 'XLIFF files to check (default: the locale store)')
    .option('--lang <codes>', 'languages, comma-separated', list)
    .option('--source <file>', 'with --target: check a localized document against its source, without XLIFF')
    .option('--target <file>', 'the localized document to check against --source')
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json', 'sarif', 'junit', 'html'] as const).default('text' as const))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--max-warnings <n>', 'fail when there are more warnings than this')
    .action((files, opts, cmd) =>
      run(async () => {
        const { LocflowError } = await import('../errors.js');
        const project = await openProject(cmd.optsWithGlobals() as GlobalOptions);
        const { check } = await import('../workflow/check.js');
        const maxWarnings = opts.maxWarnings === undefined ? undefined : Number(opts.maxWarnings);
        if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) throw new LocflowError(`--max-warnings "${opts.maxWarnings}" must be a whole number`);
        if ((opts.source === undefined) !== (opts.target === undefined)) throw new LocflowError('--source and --target go together');
        if (opts.source !== undefined && files.length) throw new LocflowError('give either XLIFF files or --source/--target, not both');
        const result = await check(project, {
          files,
          ...(opts.lang ? { langs: opts.lang } : {}),
          ...(opts.source !== undefined && opts.target !== undefined ? { document: { source: opts.source, target: opts.target } } : {}),
          ...(maxWarnings !== undefined ? { maxWarnings } : {}),
        });
        for (const n of result.notices) process.stderr.write(`locflow: ${n}\n`);
        const { renderReport } = await import('../qa/reporters/index.js');
        const report = renderReport(opts.format, result.issues, result.pairs, opts.output === undefined && process.stdout.isTTY === true && !process.env.NO_COLOR);
        if (opts.output !== undefined) {
          const { insideProject, writeFileAtomic } = await import('../io/files.js');
          writeFileAtomic(insideProject(project.root, opts.output, '--output'), report);
          const { summarize } = await import('../qa/runner.js');
          const s = summarize(result.issues);
          console.log(`${result.pairs.length} unit(s) checked: ${s.errors} error(s), ${s.warnings} warning(s); report in ${opts.output}`);
        } else process.stdout.write(opts.format === 'text' ? `${result.pairs.length} unit(s) checked\n${report}` : report);
        return result.exitCode;
      }),
    );
}

export function registerTranslate(program: Program): void {
  program
    .command('translate')
    .description('machine-translate the untranslated units into the locale store (never overwrites a translation)')
    .requiredOption('--engine <name>', 'apertium, apertium-apy, deepl, libretranslate or pseudo')
    .option('--lang <codes>', 'target languages, comma-separated (default: all)', list)
    .option('--dry-run', 'print units, words and characters per language; send nothing')
    .action((opts, cmd) =>
      run(async () => {
        const project = await openProject(cmd.optsWithGlobals() as GlobalOptions);
        const { translate } = await import('../workflow/translate.js');
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
            signal: controller.signal,
            ...(tty ? { onProgress: (lang: string, done: number, total: number) => process.stderr.write(`\r${lang} ${progressBar(done / total)} ${done}/${total}${done === total ? '\n' : ''}`) } : {}),
          });
          for (const r of results) {
            if (opts.dryRun) console.log(`${r.lang}/${r.doc}: ${r.units} units, ${r.words} words, ${r.characters} characters to translate`);
            else console.log(`${r.lang}/${r.doc}: ${r.translated} of ${r.units} units translated with ${opts.engine}${r.fromMemory ? `, ${r.fromMemory} from the memory` : ''}${r.flagged.length ? `, ${r.flagged.length} marked needs-review` : ''}${r.interrupted ? ' (interrupted)' : ''}`);
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

export function registerTm(program: Program): void {
  const tm = program.command('tm').description('the translation memory: import and export TMX 1.4b');
  tm.command('import')
    .description('load TMX files into the project memory')
    .argument('<files...>', 'TMX files')
    .action((files, _opts, cmd) =>
      run(async () => {
        const project = await openProject(cmd.optsWithGlobals() as GlobalOptions);
        const { tmImport } = await import('../workflow/tm.js');
        for (const r of await tmImport(project, files)) console.log(`${rel(project.root, r.file)}: ${r.read} translation(s) read, ${r.added} new in the memory`);
      }),
    );
  tm.command('export')
    .description('write the memory as TMX')
    .option('-o, --output <file>', 'the TMX file to write', 'tm/export.tmx')
    .option('--lang <code>', 'only this target language')
    .option('--omegat', "OmegaT's short tags (<x0/>, <g1>…</g1>) for a tm/auto memory")
    .action((opts, cmd) =>
      run(async () => {
        const project = await openProject(cmd.optsWithGlobals() as GlobalOptions);
        const { tmExport } = await import('../workflow/tm.js');
        const r = await tmExport(project, opts.output, { ...(opts.lang ? { lang: opts.lang } : {}), omegat: opts.omegat === true });
        console.log(`${rel(project.root, r.file)}: ${r.entries} translation unit(s)`);
      }),
    );
}

export function registerSegment(program: Program): void {
  program
    .command('segment')
    .description('split text into sentences, one a line (or JSON with exact offsets)')
    .argument('[file]', 'a text file, or - for standard input', '-')
    .option('--lang <code>', 'language of the text', 'en')
    .option('--json', 'print [{start, end, text}] with offsets into the input')
    .action((file, opts) =>
      run(async () => {
        const { readFileSync } = await import('node:fs');
        const { segmentSpans } = await import('../segment/segmenter.js');
        const text = file === '-' ? readFileSync(0, 'utf8') : (await import('../io/files.js')).readText(file, 'input file');
        const spans = segmentSpans(text, opts.lang);
        if (opts.json) console.log(JSON.stringify(spans.map((s) => ({ ...s, text: text.slice(s.start, s.end) })), null, 2));
        else for (const s of spans) console.log(text.slice(s.start, s.end).replace(/\s*\n\s*/gu, ' '));
      }),
    );
}

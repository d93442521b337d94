#!/usr/bin/env node
import { Command } from '@commander-js/extra-typings';
import { TOOL } from '../version.js';
import { registerInit } from './commands/init.js';
import { registerExtract } from './commands/extract.js';
import { registerImport } from './commands/import.js';
import { registerBuild } from './commands/build.js';
import { registerStatus } from './commands/status.js';
import { registerPseudo } from './commands/pseudo.js';
import { registerCheck } from './commands/check.js';
import { registerTranslate } from './commands/translate.js';
import { registerTm } from './commands/tm.js';
import { registerSegment } from './commands/segment.js';

// A reader that stops early (`locflow extract | head`, a pager closed) ends what is printed, not the work: the
// command finishes, writes its files and exits with its own code, without an unhandled EPIPE.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') throw err;
});

const program = new Command()
  .name('locflow')
  .description(
    'Segment articles and app strings, hand them out as XLIFF, import translations, rebuild and check localized output.',
  )
  .version(TOOL.version)
  .option('-C, --cwd <dir>', 'project folder (default: the current folder)')
  .option('--config <file>', 'configuration file (default: locflow.config.json in the project folder)')
  .option('-q, --quiet', 'print nothing but errors (the exit code tells the rest)')
  .option('-v, --verbose', 'print more: lists of units in full, the work planned, what goes to the memory')
  // Every command's help lists these too: they work after the command name as well.
  .configureHelp({ showGlobalOptions: true })
  .showHelpAfterError()
  .configureOutput({ outputError: (str, write) => write(`locflow: ${str.replace(/^error: /u, '')}`) })
  .exitOverride((err) => {
    // Usage errors exit 2, like every other input error; --help and --version exit 0.
    process.exit(err.exitCode === 0 ? 0 : 2);
  });

for (const register of [
  registerInit,
  registerExtract,
  registerTranslate,
  registerImport,
  registerBuild,
  registerStatus,
  registerCheck,
  registerPseudo,
  registerTm,
  registerSegment,
])
  register(program);

await program.parseAsync();

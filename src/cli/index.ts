#!/usr/bin/env node
import { createProgram } from './program.js';

// A reader that stops early (`locflow extract | head`, a pager closed) ends what is printed, not the work: the
// command finishes, writes its files and exits with its own code, without an unhandled EPIPE.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') throw err;
});

await createProgram().parseAsync();

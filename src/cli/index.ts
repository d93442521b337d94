#!/usr/bin/env node
import { drained } from './drained.js';
import { createProgram } from './program.js';

// A reader that stops early (`locflow extract | head`, a pager closed) ends what is printed, not the work: the
// command finishes, writes its files and exits with its own code, without an unhandled EPIPE.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') throw err;
});

await createProgram().parseAsync();
// The command is done (its files written, its threads stopped): once what it printed is handed to the system, the
// process ends here, with the command's exit code. Left to end by itself, Node would first take V8's heap apart page
// by page (an extract of 2,318 articles: ≈ 45 ms of the main thread's CPU after the last file, docs/performance.md).
await Promise.all([drained(process.stdout), drained(process.stderr)]);
process.exit();

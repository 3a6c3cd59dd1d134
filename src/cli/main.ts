#!/usr/bin/env node
import { runCli } from './run';

// `account-planner abc --json | head`: the reader went away, which is not an error of ours.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`account-planner: ${String(err)}\n`);
    process.exitCode = 1;
  },
);

/**
 * `copydesk`: the command line's process entry (run by bin/copydesk.mjs under Node 24). Everything
 * it does is in run.ts; this file only connects it to the process.
 */
import { runCli } from './run.ts';
import { wiring } from './wiring.ts';

// `copydesk list | head`: a reader that stops early is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await runCli(
  process.argv.slice(2),
  {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
  },
  wiring
);

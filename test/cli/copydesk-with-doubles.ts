/**
 * The real command line in a child process, wired with the test doubles (the importer is built in
 * parallel and joins at merge). Usage: node copydesk-with-doubles.ts COMMAND …
 */
import { runCli } from '../../src/main/cli/run.ts';
import { doubleWiring } from './doubles.ts';

process.exitCode = await runCli(
  process.argv.slice(2),
  { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), env: process.env, cwd: process.cwd() },
  doubleWiring()
);

/**
 * The command line's runner: parse, run one command, close the library, and turn the outcome into
 * an exit status — 0 done, 1 failed (one line on stderr), 2 wrong usage (a line and a hint). It
 * takes its streams and environment as arguments, so tests run it in-process as well as in a child.
 */
import { AppError } from '../../shared/errors.ts';
import { COMMANDS, UsageError, commandHelp, generalHelp, parseCommandLine, type CommandName } from './args.ts';
import { warn, type CliIo, type Command, type Wiring } from './context.ts';
import { appDataFolder, chooseDataFolder } from './data-folder.ts';
import type { Session } from './session.ts';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

// Loaded when run: help, usage errors and `formats` answer without loading the services.
const RUNNERS: Readonly<Record<CommandName, () => Promise<Command>>> = {
  import: async () => (await import('./commands/import.ts')).importCommand,
  list: async () => (await import('./commands/list.ts')).listCommand,
  show: async () => (await import('./commands/show.ts')).showCommand,
  suggest: async () => (await import('./commands/suggest.ts')).suggestCommand,
  export: async () => (await import('./commands/export.ts')).exportCommand,
  formats: async () => (await import('./commands/formats.ts')).formatsCommand,
};

export async function runCli(argv: readonly string[], io: CliIo, wiring: Wiring): Promise<number> {
  let args;
  try {
    args = parseCommandLine(argv);
  } catch (error) {
    return usage(io, error as UsageError);
  }
  if (args.help || args.command === null) {
    io.stdout(args.command ? commandHelp(args.command) : generalHelp(appDataFolder(process.platform, io.env, homeOf(io))));
    return EXIT_OK;
  }
  const dataDir = chooseDataFolder({ flag: args.data, env: io.env, cwd: io.cwd });
  let session: Session | null = null;
  try {
    const command = await RUNNERS[args.command]();
    return await command({
      args,
      io,
      wiring,
      open: async (create = false) => {
        const { openSession } = await import('./session.ts');
        return (session ??= openSession({ dataDir, create }));
      },
    });
  } catch (error) {
    if (error instanceof UsageError) return usage(io, error, args.command);
    warn(io, describe(error));
    return EXIT_FAILED;
  } finally {
    (session as Session | null)?.close();
  }
}

function usage(io: CliIo, error: UsageError, command: CommandName | null = error.command): number {
  const name = command ?? error.command;
  warn(io, error.message);
  io.stderr(name ? `Usage: ${COMMANDS[name].usage}  (copydesk ${name} --help)\n` : 'Run `copydesk --help` to see the commands.\n');
  return EXIT_USAGE;
}

function describe(error: unknown): string {
  if (error instanceof AppError) return error.message;
  return `Something went wrong: ${error instanceof Error ? error.message : String(error)}`;
}

function homeOf(io: CliIo): string {
  return io.env.HOME ?? io.env.USERPROFILE ?? '~';
}

/**
 * What a command gets: its parsed arguments, where to write, and a way to open the library (only
 * the commands that need it open it, and the runner closes it whatever happens).
 */
import type { Services } from '../services/services.ts';
import type { ParsedArgs } from './args.ts';
import type { Importer } from './commands/import.ts';
import type { Session } from './session.ts';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/**
 * The services the command line reaches through a seam, so each can be wired where it is built:
 * the importer (`services/import`) and the suggestions (`tagging.suggest`).
 */
export interface Wiring {
  importer(services: Services): Importer;
  /** The suggestions for one story, as `tagging.suggest` answers them (validated by the command). */
  suggest(session: Session, id: string): Promise<unknown>;
}

export interface CommandContext {
  readonly args: ParsedArgs;
  readonly io: CliIo;
  readonly wiring: Wiring;
  /** Open the library; `create` lets a command start a new one in an empty data folder. */
  open(create?: boolean): Promise<Session>;
}

export type Command = (ctx: CommandContext) => Promise<number>;

/** Write one line for people on stderr, as every message of the command line is written. */
export function warn(io: CliIo, message: string): void {
  io.stderr(`copydesk: ${oneLine(message)}\n`);
}

export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

export function json(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * The command line's grammar: which commands exist, which options each takes, and their help.
 * Parsed with `node:util` parseArgs; anything it does not understand is a usage error (exit 2),
 * reported in one sentence with a hint, never a stack trace.
 */
import { parseArgs } from 'node:util';

export class UsageError extends Error {
  /** The command whose help the hint points to, if one was named. */
  readonly command: CommandName | null;
  constructor(message: string, command: CommandName | null = null) {
    super(message);
    this.name = 'UsageError';
    this.command = command;
  }
}

const OPTIONS = {
  data: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  status: { type: 'string' },
  query: { type: 'string' },
  subject: { type: 'string' },
  limit: { type: 'string' },
  all: { type: 'boolean' },
  format: { type: 'string' },
  out: { type: 'string' },
} as const;
type OptionName = keyof typeof OPTIONS;

/** Options every command takes. */
const COMMON: readonly OptionName[] = ['data', 'json', 'help'];

interface CommandSpec {
  readonly usage: string;
  readonly summary: string;
  readonly options: readonly OptionName[];
  /** Positional arguments: how many, and what they are called in messages. */
  readonly positionals: { readonly min: number; readonly max: number; readonly name: string };
  readonly details: string;
}

export const COMMANDS = {
  import: {
    usage: 'copydesk import FILE… [--json]',
    summary: 'import files as new drafts',
    options: [],
    positionals: { min: 1, max: Infinity, name: 'FILE' },
    details:
      'Makes one draft per file and prints one line per story: its id, a tab, its headline.\n' +
      'With --json, prints an array of the new stories. A file that cannot be imported is named\n' +
      'on stderr and changes nothing; the others are still imported (exit status 1).',
  },
  list: {
    usage: 'copydesk list [--status S] [--query Q] [--subject QCODE] [--limit N] [--json]',
    summary: 'list stories, newest first',
    options: ['status', 'query', 'subject', 'limit'],
    positionals: { min: 0, max: 0, name: '' },
    details:
      '  --status S        draft, in_review, returned or approved\n' +
      '  --query Q         full-text search (ranked; "quoted phrases", prefixes)\n' +
      '  --subject QCODE   a Media Topic such as medtop:15000000 (narrower topics included)\n' +
      '  --limit N         at most N stories (default 100, 50 with --query; at most 10000)',
  },
  show: {
    usage: 'copydesk show ID [--json]',
    summary: 'the whole story: every field, the body and its plain text',
    options: [],
    positionals: { min: 1, max: 1, name: 'ID' },
    details: 'With --json, the story as the app holds it: every field, the body as Lexical JSON, and plainText.',
  },
  suggest: {
    usage: 'copydesk suggest ID [--json]',
    summary: 'subjects, names and keywords suggested from the text (nothing is applied)',
    options: [],
    positionals: { min: 1, max: 1, name: 'ID' },
    details: 'With --json: {"subjects":[{"qcode","label","score","why"}…],"entities":[…],"keywords":[…]}, best first.',
  },
  export: {
    usage: 'copydesk export ID…|--all|--status S --format F [--out DIR] [--json]',
    summary: 'export stories to files',
    options: ['all', 'status', 'format', 'out'],
    positionals: { min: 0, max: Infinity, name: 'ID' },
    details:
      '  --format F   an export format (see `copydesk formats`)\n' +
      '  --out DIR    the folder to write to (default: the current folder; it must exist)\n' +
      '  --all        every story;  --status S  every story with that status\n' +
      'Prints the path of each file written. A story that is not approved is exported marked\n' +
      'withheld (not for publication), and stderr says so.',
  },
  formats: {
    usage: 'copydesk formats [--json]',
    summary: 'the export formats: one per line, its id first',
    options: [],
    positionals: { min: 0, max: 0, name: '' },
    details: '',
  },
} as const satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMANDS;
const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

export interface ParsedArgs {
  readonly command: CommandName | null;
  readonly help: boolean;
  readonly json: boolean;
  readonly data: string | undefined;
  readonly options: Partial<Record<Exclude<OptionName, 'data' | 'json' | 'help'>, string | boolean>>;
  readonly positionals: readonly string[];
}

/** Parse argv (without node and the script). Throws UsageError on anything it does not understand. */
export function parseCommandLine(argv: readonly string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    throw new UsageError(describeParseError(error), guessCommand(argv));
  }
  const [first, ...rest] = parsed.positionals;
  const help = parsed.values.help === true;
  if (first === undefined) {
    if (help) return { command: null, help, json: false, data: undefined, options: {}, positionals: [] };
    throw new UsageError('name a command.');
  }
  if (!isCommand(first)) throw new UsageError(`there is no command "${first}".`);
  const spec: CommandSpec = COMMANDS[first];
  const allowed = new Set<OptionName>([...COMMON, ...spec.options]);
  for (const token of parsed.tokens) {
    if (token.kind === 'option' && !allowed.has(token.name as OptionName)) {
      throw new UsageError(`${first} takes no option --${token.name}.`, first);
    }
  }
  if (!help) {
    if (rest.length < spec.positionals.min) throw new UsageError(`${first} needs ${spec.positionals.name}.`, first);
    if (rest.length > spec.positionals.max) {
      throw new UsageError(spec.positionals.max === 0 ? `${first} takes no arguments ("${rest[0]}").` : `${first} takes one ${spec.positionals.name}.`, first);
    }
  }
  const { data, json, help: _help, ...options } = parsed.values;
  return { command: first, help, json: json === true, data, options, positionals: rest };
}

function isCommand(name: string): name is CommandName {
  return (COMMAND_NAMES as string[]).includes(name);
}

function guessCommand(argv: readonly string[]): CommandName | null {
  return argv.find(isCommand) ?? null;
}

/** parseArgs explains itself at length; say the same in one short sentence. */
function describeParseError(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `there is no option ${option ?? message}.`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return option && OPTIONS[option.replace(/^-+/, '') as OptionName]?.type === 'boolean'
      ? `${option} takes no value.`
      : `${option ?? 'an option'} needs a value.`;
  }
  return message;
}

export function generalHelp(defaultDataDir: string): string {
  const width = Math.max(...COMMAND_NAMES.map((n) => commandHead(n).length));
  const lines = COMMAND_NAMES.map((name) => `  ${commandHead(name).padEnd(width)}  ${COMMANDS[name].summary}`);
  return [
    'copydesk: Copydesk stories from the command line, on the same library as the app.',
    '',
    'Usage: copydesk COMMAND [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Options for every command:',
    '  --data DIR   the data folder (default: $COPYDESK_DATA, else the app\'s: ' + defaultDataDir + ')',
    '  --json       JSON on stdout instead of text for people',
    '  -h, --help   this help; `copydesk COMMAND --help` for one command',
    '',
    'Exit status: 0 done, 1 failed (one line on stderr), 2 wrong usage.',
    '',
  ].join('\n');
}

export function commandHelp(name: CommandName): string {
  const spec: CommandSpec = COMMANDS[name];
  return [`Usage: ${spec.usage}`, '', `${spec.summary[0]!.toUpperCase()}${spec.summary.slice(1)}.`, ...(spec.details ? [spec.details] : []), '', 'Also: --data DIR (the data folder), --json, -h/--help.', ''].join('\n');
}

function commandHead(name: CommandName): string {
  const { positionals } = COMMANDS[name] as CommandSpec;
  if (positionals.max === 0) return name;
  return `${name} ${positionals.name}${positionals.max > 1 ? '…' : ''}`;
}

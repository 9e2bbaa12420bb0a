/** `copydesk list [--status S] [--query Q] [--subject QCODE] [--limit N] [--json]`: the story list. */
import { UsageError } from '../args.ts';
import { json, warn, type Command } from '../context.ts';
import { formatRow } from '../format.ts';

export const listCommand: Command = async ({ args, io, open }) => {
  const { status, query, subject, limit } = args.options;
  const filter = {
    status,
    query,
    subject,
    limit: limit === undefined ? undefined : wholeNumber(String(limit), '--limit'),
  };
  const session = await open();
  // The contract checks the values: a status that does not exist is a usage error.
  const { rows, total } = await session.call('stories.list', filter);
  if (args.json) {
    json(io, rows);
    return 0;
  }
  for (const row of rows) io.stdout(formatRow(row));
  if (total > rows.length) warn(io, `showing ${rows.length} of ${total} stories; --limit N shows more.`);
  return 0;
};

export function wholeNumber(text: string, option: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`${option} takes a whole number, not "${text}".`);
  return Number(text);
}

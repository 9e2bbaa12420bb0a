/**
 * `copydesk export ID…|--all|--status S --format F [--out DIR] [--json]`: write stories to files
 * with the app's exporter (NewsML-G2 validated against the IPTC schema first). Every story named
 * is read before anything is written, so a wrong id changes nothing. A story that is not approved
 * is still exported, marked withheld (not for publication), and stderr says so.
 */
import { resolve } from 'node:path';
import { EXPORT_FORMATS } from '../../../shared/contract.ts';
import { AppError } from '../../../shared/errors.ts';
import { storyIdSchema, type Story } from '../../../shared/story.ts';
import { UsageError } from '../args.ts';
import { json, warn, type Command } from '../context.ts';
import type { Session } from '../session.ts';

/** The most stories one `stories.list` call returns (the contract's limit). */
const MAX_STORIES = 10_000;

export const exportCommand: Command = async ({ args, io, open }) => {
  const { all, status, format, out } = args.options;
  const ids = args.positionals;
  const ways = [ids.length > 0, all === true, status !== undefined].filter(Boolean).length;
  if (ways !== 1) throw new UsageError('export needs story ids, --all or --status S (one of them).', 'export');
  if (typeof format !== 'string') throw new UsageError('export needs --format F (see `copydesk formats`).', 'export');
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`there is no export format "${format}" (see \`copydesk formats\`).`, 'export');
  }
  for (const id of ids) {
    if (!storyIdSchema.safeParse(id).success) throw new UsageError(`"${id}" is not a story id (26 characters).`, 'export');
  }
  const folder = resolve(io.cwd, typeof out === 'string' ? out : '.');
  const session = await open();
  const stories = await storiesToExport(session, ids, all === true ? undefined : (status as string | undefined));
  if (stories.length === 0) warn(io, 'no stories to export.');

  const written = [];
  let failed = false;
  for (const story of stories) {
    try {
      const { path } = await session.call('export.story', { id: story.id, format, folder });
      const withheld = !session.services.stories.approvalValid(story);
      if (withheld) warn(io, `${story.id} is not approved (${story.status}): exported marked withheld.`);
      written.push({ id: story.id, headline: story.headline, format, path, withheld });
      if (!args.json) io.stdout(`${path}\n`);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      warn(io, `${story.id}: ${error.message}`);
      failed = true;
    }
  }
  if (args.json) json(io, written);
  return failed ? 1 : 0;
};

/** The stories named, or every story (with a status): all read first, so a wrong id writes nothing. */
async function storiesToExport(session: Session, ids: readonly string[], status: string | undefined): Promise<Story[]> {
  if (ids.length > 0) {
    const stories: Story[] = [];
    for (const id of new Set(ids)) stories.push(await session.call('stories.get', { id }));
    return stories;
  }
  const { rows, total } = await session.call('stories.list', { status: status ?? undefined, limit: MAX_STORIES });
  if (total > rows.length) {
    throw new AppError('invalid_input', `There are ${total} stories to export; one run exports at most ${MAX_STORIES}. Name them, or narrow with --status.`);
  }
  const stories: Story[] = [];
  for (const row of rows) stories.push(await session.call('stories.get', { id: row.id }));
  return stories;
}

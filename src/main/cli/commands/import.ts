/**
 * `copydesk import FILE… [--json]`: each file becomes a new draft, through the same importer the
 * app's File → Import… uses. One line per story (`ID<TAB>headline`), or the stories as JSON.
 * A file that cannot be imported is named on stderr with the reason and changes nothing; the
 * others are still imported, and the exit status says something failed.
 */
import { resolve } from 'node:path';
import type { ImportResult } from '../../services/import/types.ts';
import { json, warn, type Command } from '../context.ts';

export type ImportOutcome = { ok: true; result: ImportResult } | { ok: false; file: string; message: string };

/** The importer's interface as the command line uses it (`createImporter` in services/import). */
export interface Importer {
  importPaths(paths: string[], actor: string): Promise<ImportOutcome[]>;
}

export const importCommand: Command = async ({ args, io, wiring, open }) => {
  const session = await open(true);
  const paths = args.positionals.map((file) => resolve(io.cwd, file));
  const outcomes = await wiring.importer(session.services).importPaths(paths, session.actor);
  const stories = [];
  for (const outcome of outcomes) {
    if (!outcome.ok) {
      warn(io, `${outcome.file}: ${outcome.message}`);
      continue;
    }
    const { story, file, notes } = outcome.result;
    stories.push(story);
    for (const note of notes) warn(io, `note: ${file}: ${note}`);
    if (!args.json) io.stdout(`${story.id}\t${story.headline.replace(/\t/g, ' ')}\n`);
  }
  if (args.json) json(io, stories);
  return outcomes.every((o) => o.ok) ? 0 : 1;
};

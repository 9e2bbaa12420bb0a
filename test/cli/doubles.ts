/**
 * Test doubles for the two services the command line reaches through a seam (see
 * src/main/cli/wiring.ts): an importer with the interface of `createImporter` (services/import,
 * built in parallel) and a `tagging.suggest` answer. They exist only in the tests. The importer
 * double makes real drafts through the real story service: first line the headline, the rest
 * paragraphs; a missing or empty file is refused and changes nothing, as the real one promises.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { bodyFromParagraphs } from '../../src/shared/body.ts';
import type { Suggestions } from '../../src/shared/tagging.ts';
import type { ImportOutcome, Importer } from '../../src/main/cli/commands/import.ts';
import type { Wiring } from '../../src/main/cli/context.ts';
import type { Services } from '../../src/main/services/services.ts';

export function importerDouble(services: Services): Importer {
  return {
    async importPaths(paths, actor) {
      const outcomes: ImportOutcome[] = [];
      for (const file of paths) {
        let text: string;
        try {
          text = readFileSync(file, 'utf8');
        } catch {
          outcomes.push({ ok: false, file, message: `${basename(file)} could not be read.` });
          continue;
        }
        const [headline = '', ...rest] = text.split(/\r?\n/).filter((line) => line.trim() !== '');
        if (!headline) {
          outcomes.push({ ok: false, file, message: `${basename(file)} is empty.` });
          continue;
        }
        const story = services.stories.create(actor, { headline, body: bodyFromParagraphs(rest) });
        outcomes.push({ ok: true, result: { file, format: 'wire-text', story, recognised: ['headline', 'body'], notes: [] } });
      }
      return outcomes;
    },
  };
}

export const SUGGESTIONS: Suggestions = {
  subjects: [
    { qcode: 'medtop:15000000', label: 'sport', score: 0.91, why: ['match', 'league'] },
    { qcode: 'medtop:04000000', label: 'economy, business and finance', score: 0.42, why: ['transfer fee'] },
  ],
  entities: [{ kind: 'organisation', name: 'Maccabi Haifa', score: 0.8, why: ['named 3 times'] }],
  keywords: ['football', 'Haifa'],
};

/** The command line wired with the doubles; `suggest` records the ids it was asked about. */
export function doubleWiring(suggestions: unknown = SUGGESTIONS, asked: string[] = []): Wiring {
  return {
    importer: importerDouble,
    suggest: async (_session, id) => {
      asked.push(id);
      return suggestions;
    },
  };
}

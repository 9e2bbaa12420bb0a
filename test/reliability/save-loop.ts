/**
 * R1's child process: saves one story in a loop and reports every committed revision on stdout
 * ("committed N" is printed only after the save's transaction returned; stdout to a pipe is
 * synchronous on Linux and macOS, so a reported revision was committed, and at most one committed
 * revision is unreported when the kill lands). Every revision whose number is a multiple of 7 is an
 * explicit save, which also keeps a revision snapshot. The parent kills it with SIGKILL.
 * Usage: node save-loop.ts DB_PATH
 */
import { bodyFromParagraphs } from '../../src/shared/body.ts';
import { openDatabase } from '../../src/main/services/storage/database.ts';
import { createStoryService } from '../../src/main/services/story-service.ts';

export const SNAPSHOT_EVERY = 7;

/** The text a save of revision `revision` writes: the parent checks the stored story against it. */
export function headlineOf(revision: number): string {
  return revision === 1 ? 'Crash test' : `Crash test ${revision}`;
}
export function textOf(revision: number): string {
  return `Save ${revision}: ` + 'The cooperation was there for years, but it is becoming more public now. '.repeat(20 + (revision % 30));
}

if (import.meta.main) {
  const db = openDatabase(process.argv[2]);
  const stories = createStoryService({ db, device: 'r1-child' });
  const first = stories.list({ limit: 1 })[0];
  let story = first ? stories.get(first.id) : stories.create('R1', headlineOf(1));
  process.stdout.write(`ready ${story.revision}\n`);
  for (;;) {
    const next = story.revision + 1;
    story = stories.save(
      { id: story.id, baseRevision: story.revision, headline: headlineOf(next), body: bodyFromParagraphs([textOf(next)]), keywords: ['R1'], checkpoint: next % SNAPSHOT_EVERY === 0 },
      'R1'
    );
    process.stdout.write(`committed ${story.revision}\n`);
  }
}

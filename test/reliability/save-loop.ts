/**
 * R1's child process: saves one story in a loop and reports every committed revision on stdout
 * ("committed N" is printed only after the save's transaction returned). The parent kills it with
 * SIGKILL at random moments. Usage: node save-loop.ts DB_PATH
 */
import { bodyFromParagraphs } from '../../src/shared/body.ts';
import { openDatabase } from '../../src/main/services/storage/database.ts';
import { createStoryService } from '../../src/main/services/story-service.ts';

const db = openDatabase(process.argv[2]);
const stories = createStoryService({ db, device: 'r1-child' });
let story = stories.list({ limit: 1 })[0] ? stories.get(stories.list({ limit: 1 })[0].id) : stories.create('R1', 'Crash test');
process.stdout.write(`ready ${story.revision}\n`);
for (let i = 0; ; i++) {
  const text = `Save ${story.revision + 1}: ` + 'The cooperation was there for years, but it is becoming more public now. '.repeat(20 + (i % 30));
  story = stories.save(
    { id: story.id, baseRevision: story.revision, headline: `Crash test ${story.revision + 1}`, body: bodyFromParagraphs([text]), keywords: ['R1'], checkpoint: i % 7 === 0 },
    'R1'
  );
  process.stdout.write(`committed ${story.revision}\n`);
}

/**
 * A stand-in for the running app in the concurrency test: opens the library with the app's own
 * `openLibrary` and autosaves one story over and over (a few milliseconds apart, like a person
 * typing with autosave on), printing `saved N` after each save's transaction committed. On a line
 * `stop` on stdin it finishes the save in hand, closes the library and prints `closed N`.
 * Usage: node app-autosave.ts DATA_DIR
 */
import Conf from 'conf';
import { bodyFromParagraphs } from '../../src/shared/body.ts';
import { openLibrary } from '../../src/main/services/library.ts';
import { SCHEMAS_DIR } from '../services.ts';

const dataDir = process.argv[2]!;
const library = openLibrary({
  dataDir,
  settingsBacking: new Conf({ cwd: dataDir, configName: 'settings', projectName: 'copydesk' }),
  schemasDir: SCHEMAS_DIR,
  platform: {
    shell: 'electron',
    version: 'test',
    dataDir,
    chooseExportFolder: async () => null,
    choosePackageFile: async () => null,
    chooseImportFile: async () => null,
    readyToClose: () => {},
    keepOpen: () => {},
  },
});
const stories = library.services().stories;
let story = stories.create('App', 'Typed in the app while the command line runs');
let stopping = false;
process.stdin.setEncoding('utf8');
process.stdin.on('data', (text: string) => {
  if (text.includes('stop')) stopping = true;
});
process.stdout.write(`ready ${story.id}\n`);

function saveOnce(): void {
  if (stopping) {
    void library.idle().then(() => {
      library.close();
      process.stdout.write(`closed ${story.revision}\n`);
      process.exit(0);
    });
    return;
  }
  const text = `Revision ${story.revision + 1}. ` + 'The reporter keeps typing while the desk imports wire copy. '.repeat(10);
  story = stories.save({ id: story.id, baseRevision: story.revision, body: bodyFromParagraphs([text]) }, 'App');
  process.stdout.write(`saved ${story.revision}\n`);
  setTimeout(saveOnce, 3);
}
saveOnce();

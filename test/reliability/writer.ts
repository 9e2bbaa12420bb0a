/**
 * R8's child process: one writer on a shared library (a second window, or the command line), as
 * the app builds it (openLibrary, dispatch). The parent drives it with one JSON command per line
 * on stdin; every command is answered with one JSON line on stdout, so the parent can line up
 * two writers exactly (a barrier) without sleeping. Usage: node writer.ts DATA_DIR NAME
 *
 *   { "cmd": "read", "id" }                  → { "revision" }
 *   { "cmd": "race", "id", "rounds" }        → { "attempts": [...] } saves as fast as it can: each
 *       save is based on the revision this writer last saw; a conflict keeps the text as a copy
 *       ("Keep mine as a copy") and reads the story again
 *   { "cmd": "hold" } / { "cmd": "release" } → hold the library's write lock (BEGIN IMMEDIATE) / COMMIT
 *   { "cmd": "save", "id", "base", "text" }  → first { "saving": true }, then the attempt
 *   { "cmd": "exit" }                        → { "closed": true }, then the process ends
 */
import { createInterface } from 'node:readline';
import { bodyFromParagraphs } from '../../src/shared/body.ts';
import { dispatch } from '../../src/main/services/handlers.ts';
import { makeServices } from '../services.ts';

export type Attempt =
  | { readonly text: string; readonly outcome: 'saved'; readonly revision: number }
  | { readonly text: string; readonly outcome: 'conflict'; readonly message: string; readonly copyId: string }
  | { readonly text: string; readonly outcome: 'error'; readonly code: string; readonly message: string };

const [dataDir, name] = process.argv.slice(2);
const { library, services, handlers } = makeServices(dataDir);

const reply = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

async function read(id: string): Promise<number> {
  const story = await dispatch(handlers, 'stories.get', { id });
  if (!story.ok) throw new Error(story.error.message);
  return (story.value as { revision: number }).revision;
}

/** One save as the editor makes it; a refused save keeps its text as a copy. */
async function attempt(id: string, base: number, text: string): Promise<Attempt> {
  const content = { headline: text, body: bodyFromParagraphs([`${text}: the body.`]), keywords: [name] };
  const saved = await dispatch(handlers, 'stories.save', { id, baseRevision: base, checkpoint: true, ...content });
  if (saved.ok) return { text, outcome: 'saved', revision: (saved.value as { revision: number }).revision };
  if (saved.error.code !== 'conflict') return { text, outcome: 'error', code: saved.error.code, message: saved.error.message };
  const copy = await dispatch(handlers, 'stories.createCopy', { ...content, sourceId: id });
  if (!copy.ok) return { text, outcome: 'error', code: copy.error.code, message: copy.error.message };
  return { text, outcome: 'conflict', message: saved.error.message, copyId: (copy.value as { id: string }).id };
}

async function race(id: string, rounds: number): Promise<Attempt[]> {
  const attempts: Attempt[] = [];
  let base = await read(id);
  for (let round = 1; round <= rounds; round++) {
    const result = await attempt(id, base, `${name} round ${round}`);
    attempts.push(result);
    base = result.outcome === 'saved' ? result.revision : await read(id);
  }
  return attempts;
}

for await (const line of createInterface({ input: process.stdin })) {
  const command = JSON.parse(line) as { cmd: string; id: string; rounds: number; base: number; text: string };
  switch (command.cmd) {
    case 'read':
      reply({ revision: await read(command.id) });
      break;
    case 'race':
      reply({ attempts: await race(command.id, command.rounds) });
      break;
    case 'hold':
      services.db.exec('BEGIN IMMEDIATE');
      reply({ held: true });
      break;
    case 'release':
      services.db.exec('COMMIT');
      reply({ released: true });
      break;
    case 'save':
      reply({ saving: true });
      reply(await attempt(command.id, command.base, command.text));
      break;
    case 'exit':
      await library.idle();
      library.close();
      reply({ closed: true });
      process.exit(0);
      break;
    default:
      throw new Error(`Unknown command ${command.cmd}`);
  }
}

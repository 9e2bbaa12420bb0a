/**
 * `copydesk suggest ID [--json]`: what the offline tagger suggests for a story (subjects with
 * their scores and the words that led to them, names, keywords), best first. Nothing is applied.
 */
import { AppError } from '../../../shared/errors.ts';
import { storyIdSchema } from '../../../shared/story.ts';
import { suggestionsSchema } from '../../../shared/tagging.ts';
import { dispatch } from '../../services/handlers.ts';
import { UsageError } from '../args.ts';
import { json, type Command } from '../context.ts';
import { formatSuggestions } from '../format.ts';
import type { Session } from '../session.ts';

export const suggestCommand: Command = async ({ args, io, wiring, open }) => {
  const id = storyIdSchema.safeParse(args.positionals[0]);
  if (!id.success) throw new UsageError(id.error.issues[0]?.message ?? 'That is not a story id.', 'suggest');
  const session = await open();
  const answer = suggestionsSchema.safeParse(await wiring.suggest(session, id.data));
  if (!answer.success) throw new AppError('internal', 'The suggestions came back in a shape the command line does not know.');
  if (args.json) json(io, answer.data);
  else io.stdout(formatSuggestions(answer.data));
  return 0;
};

/** The suggestions through the contract channel `tagging.suggest`, validated by `dispatch`. */
export async function suggestThroughContract(session: Session, id: string): Promise<unknown> {
  const result = await dispatch(session.handlers, 'tagging.suggest', { id });
  if (!result.ok) throw new AppError(result.error.code, result.error.message);
  return result.value;
}

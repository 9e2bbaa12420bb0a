/** `copydesk show ID [--json]`: the whole story, every field, the body and its plain text. */
import { storyIdSchema } from '../../../shared/story.ts';
import { UsageError } from '../args.ts';
import { json, type Command } from '../context.ts';
import { formatStory } from '../format.ts';

export const showCommand: Command = async ({ args, io, open }) => {
  const id = storyIdSchema.safeParse(args.positionals[0]);
  if (!id.success) throw new UsageError(id.error.issues[0]?.message ?? 'That is not a story id.', 'show');
  const session = await open();
  const story = await session.call('stories.get', { id: id.data });
  if (args.json) json(io, story);
  else io.stdout(formatStory(story, session.services.stories.approvalValid(story)));
  return 0;
};

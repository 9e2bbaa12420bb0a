import { join } from 'node:path';
import { loadMediaTopics, MEDIA_TOPICS_FILE, type MediaTopics } from '../../src/main/services/tagging/media-topics.ts';

/** The vocabularies as the app ships them (resources/vocabularies), never ../shared. */
export const VOCABULARIES_DIR = join(import.meta.dirname, '..', '..', 'resources', 'vocabularies');

let topics: MediaTopics | null = null;
export function mediaTopics(): MediaTopics {
  return (topics ??= loadMediaTopics(join(VOCABULARIES_DIR, MEDIA_TOPICS_FILE)));
}

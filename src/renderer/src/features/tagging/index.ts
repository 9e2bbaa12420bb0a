/** Tagging a story: subjects (IPTC Media Topics), people, organisations and places, and suggestions from the text; the Media Topic picker the library's filter reuses. Other parts of the renderer import it only through this file. */
export { TaggingSection, type TaggingSectionProps } from './TaggingSection.tsx';
export { TopicCombobox, type TopicComboboxProps } from './TopicCombobox.tsx';
export { breadcrumb, useKnownTopics } from './useTopics.ts';

// The feature's own styles, after those of everything it uses.
import './tagging.css';

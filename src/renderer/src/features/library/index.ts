/** The library: search, sort and filters, the story list, its footer, and which story is open. Other parts of the renderer import it only through this file. */
export { LibraryFooter } from './LibraryFooter.tsx';
export { NoStoryOpen } from './NoStoryOpen.tsx';
export { StoriesPane } from './StoriesPane.tsx';
export { UNTITLED } from './StoryList.tsx';
export { quoted } from './stories.ts';
export { useKeywordList } from './useKeywordList.ts';
export { activePanelFilters, useLibrary, type Library } from './useLibrary.ts';
export { useLibraryChanges } from './useLibraryChanges.ts';
export { useLibraryStats } from './useLibraryStats.ts';
export { useOpenStory } from './useOpenStory.ts';
export { useStoryActions } from './useStoryActions.ts';

// The feature's own styles, after those of everything it uses.
import './library.css';

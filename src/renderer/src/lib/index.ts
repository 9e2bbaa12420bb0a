/** Helpers without UI of their own: the contract client, formatting, keys, times, the theme, small hooks. Other parts of the renderer import it only through this file. */
export { call, errorCode, errorMessage, on, onLibraryDamaged } from './client.ts';
export { countLabel, formatBytes, splitHits } from './format.ts';
export { isCommandKey, shortcutLabel } from './keys.ts';
export { applyTheme, currentEffectiveTheme, followTheme } from './theme.ts';
export { exactTime, preciseTime, relativeTime, wordsLabel } from './time.ts';
export { useLatest } from './useLatest.ts';
export { useNow } from './useNow.ts';

/**
 * The theme: `data-theme="light" | "dark"` on <html>, following `prefers-color-scheme` unless the
 * person picked one. main.tsx applies the system theme before the first paint.
 */
import type { Theme } from '../../../shared/settings.ts';

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

export type EffectiveTheme = 'light' | 'dark';

export function effectiveTheme(theme: Theme): EffectiveTheme {
  if (theme === 'light' || theme === 'dark') return theme;
  return darkQuery().matches ? 'dark' : 'light';
}

export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  root.dataset.theme = effectiveTheme(theme);
  root.dataset.themeSource = theme;
}

/** Apply `theme` now and whenever the system changes while it is "system"; returns the cleanup. */
export function followTheme(theme: Theme): () => void {
  applyTheme(theme);
  if (theme !== 'system') return () => {};
  const query = darkQuery();
  const onChange = () => applyTheme('system');
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

export function currentEffectiveTheme(): EffectiveTheme {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

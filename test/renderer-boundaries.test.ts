/**
 * The renderer's front doors (eslint.config.js): a feature folder, ui/, lib/ and app/ are entered
 * only through their index.ts, and ui/ and lib/ never import a feature. Each case lints a small
 * file as if it sat at that path in src/renderer/src, with the project's own ESLint config.
 */
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: ROOT });

/** The `no-restricted-imports` messages for `source` imported from `file` (relative to src/renderer/src). */
async function restrictedImports(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import { x } from '${source}';\nexport const y = x;\n`, {
    filePath: join(ROOT, 'src/renderer/src', file),
  });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const FRONT_DOOR = /only through its index\.ts/;

describe('renderer front doors', () => {
  it.each([
    ['features/trash/TrashExample.tsx', '../library/StoryList.tsx'],
    ['features/trash/TrashExample.tsx', '../library/sub/index.ts'],
    ['features/trash/TrashExample.tsx', '../../ui/Dialog.tsx'],
    ['features/trash/TrashExample.tsx', '../../lib/client.ts'],
    ['features/trash/TrashExample.tsx', '../../app/useShortcuts.ts'],
    ['features/story/editor/EditorExample.tsx', '../../revisions/RevisionsPanel.tsx'],
    ['features/story/editor/EditorExample.tsx', '../../../ui/icons.tsx'],
    ['app/AppExample.tsx', '../features/story/StoryEditor.tsx'],
    ['app/AppExample.tsx', '../ui/Toasts.tsx'],
    ['ui/UiExample.tsx', '../lib/time.ts'],
    ['Root.tsx', './features/recovery/RecoveryScreen.tsx'],
    ['Root.tsx', './ui/tokens.css'],
  ])('%s may not import %s', async (file, source) => {
    const messages = await restrictedImports(file, source);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(FRONT_DOOR);
  });

  it.each([
    ['features/trash/TrashExample.tsx', '../library/index.ts'],
    ['features/trash/TrashExample.tsx', '../../ui/index.ts'],
    ['features/trash/TrashExample.tsx', '../../lib/index.ts'],
    ['features/trash/TrashExample.tsx', './useTrash.ts'],
    ['features/trash/TrashExample.tsx', './trash.css'],
    ['features/trash/TrashExample.tsx', '../../../../shared/story.ts'],
    ['features/story/editor/EditorExample.tsx', '../StoryEditor.tsx'],
    ['features/story/editor/EditorExample.tsx', './theme.ts'],
    ['features/story/editor/EditorExample.tsx', '../../export/index.ts'],
    ['features/story/editor/EditorExample.tsx', '../../../ui/index.ts'],
    ['features/story/editor/EditorExample.tsx', '../../../../../shared/body.ts'],
    ['app/AppExample.tsx', '../features/profile/index.ts'],
    ['ui/UiExample.tsx', '../lib/index.ts'],
    ['ui/UiExample.tsx', './Dialog.tsx'],
    ['Root.tsx', './features/story/index.ts'],
    ['Root.tsx', './App.tsx'],
  ])('%s may import %s', async (file, source) => {
    expect(await restrictedImports(file, source)).toEqual([]);
  });

  it.each([
    ['ui/UiExample.tsx', '../features/story/index.ts'],
    ['lib/LibExample.ts', '../features/library/index.ts'],
    ['lib/LibExample.ts', '../app/index.ts'],
  ])('%s, below the features, may not import %s at all', async (file, source) => {
    const messages = await restrictedImports(file, source);
    expect(messages.some((m) => /sit below the features/.test(m))).toBe(true);
  });

  it.each([
    ['features/story/StoryExample.ts', 'electron', 'The renderer reaches main only through the contract client.'],
    ['features/story/editor/EditorExample.ts', 'node:fs', 'The renderer runs in a sandboxed page: no Node built-ins.'],
    ['ui/UiExample.ts', '../../../main/services/library.ts', 'The renderer imports only src/shared and itself.'],
  ])('keeps the renderer layer rules in %s (%s)', async (file, source, reason) => {
    const messages = await restrictedImports(file, source);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(reason);
  });
});

/**
 * The story body editor, composed from Lexical's extensions (0.52: the successor of the React
 * plugins RichTextPlugin / HistoryPlugin / ListPlugin / LinkPlugin, with the same behaviour).
 * Nodes: HeadingNode and QuoteNode (rich text), ListNode and ListItemNode (list), LinkNode (link),
 * AutoLinkNode (autolink).
 */
import { AutoLinkExtension, autoLinkEmailMatcher, autoLinkUrlMatcher, LinkExtension } from '@lexical/link';
import { HistoryExtension } from '@lexical/history';
import { ListExtension } from '@lexical/list';
import { RichTextExtension } from '@lexical/rich-text';
import { configExtension, defineExtension, type LexicalEditor } from 'lexical';
import { CopydeskEditorTheme } from './theme.ts';

/** Links a story may carry: web and mail addresses only (no javascript:, file:, data: …). */
export function isAllowedUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol);
  } catch {
    return false;
  }
}

/** A body the editor can load: the stored JSON, unless it is not a non-empty editor document. */
function initialState(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { root?: { children?: unknown[] } };
    return Array.isArray(parsed.root?.children) && parsed.root.children.length > 0 ? body : undefined;
  } catch {
    return undefined;
  }
}

export function storyEditorExtension(body: string, onError: (error: Error, editor: LexicalEditor) => void) {
  return defineExtension({
    name: '@copydesk/story-body',
    namespace: 'Copydesk',
    theme: CopydeskEditorTheme,
    onError,
    $initialEditorState: initialState(body),
    dependencies: [
      RichTextExtension,
      configExtension(HistoryExtension, { maxDepth: 500 }),
      ListExtension,
      configExtension(LinkExtension, { validateUrl: isAllowedUrl }),
      configExtension(AutoLinkExtension, { matchers: [autoLinkUrlMatcher, autoLinkEmailMatcher] }),
    ],
  });
}

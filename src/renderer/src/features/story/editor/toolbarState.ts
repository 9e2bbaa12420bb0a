/** What the formatting toolbar shows as pressed, read from the editor's selection. */
import { $isLinkNode } from '@lexical/link';
import { $isListNode, ListNode } from '@lexical/list';
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $findMatchingParent, $getNearestNodeOfType } from '@lexical/utils';
import { $getSelection, $isRangeSelection, $isRootOrShadowRoot, type LexicalNode, type RangeSelection } from 'lexical';

export type BlockKind = 'paragraph' | 'h2' | 'h3' | 'other-heading' | 'quote' | 'bullet' | 'number';

export interface ToolbarState {
  readonly bold: boolean;
  readonly italic: boolean;
  readonly block: BlockKind;
  readonly link: string | null;
}

export const INITIAL_TOOLBAR_STATE: ToolbarState = { bold: false, italic: false, block: 'paragraph', link: null };

export function $readToolbarState(): ToolbarState | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const anchor = selection.anchor.getNode();
  const topLevel =
    anchor.getKey() === 'root'
      ? null
      : ($findMatchingParent(anchor, (node) => {
          const parent = node.getParent();
          return parent !== null && $isRootOrShadowRoot(parent);
        }) ?? anchor.getTopLevelElement());
  return {
    bold: selection.hasFormat('bold'),
    italic: selection.hasFormat('italic'),
    block: topLevel ? blockKind(anchor, topLevel) : 'paragraph',
    link: $selectedLinkUrl(selection),
  };
}

function blockKind(anchor: LexicalNode, topLevel: LexicalNode): BlockKind {
  if ($isListNode(topLevel)) {
    const list = $getNearestNodeOfType(anchor, ListNode) ?? topLevel;
    return list.getListType() === 'number' ? 'number' : 'bullet';
  }
  if ($isHeadingNode(topLevel)) {
    const tag = topLevel.getTag();
    return tag === 'h2' || tag === 'h3' ? tag : 'other-heading';
  }
  if ($isQuoteNode(topLevel)) return 'quote';
  return 'paragraph';
}

/** The URL of the link the selection is in (or starts in), if any. */
export function $selectedLinkUrl(selection: RangeSelection): string | null {
  const node = selection.isBackward() ? selection.focus.getNode() : selection.anchor.getNode();
  const link = $isLinkNode(node) ? node : $findMatchingParent(node, $isLinkNode);
  return link && $isLinkNode(link) ? link.getURL() : null;
}

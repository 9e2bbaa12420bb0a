/**
 * The formatting toolbar: one ARIA toolbar (arrow keys move between buttons, one Tab stop), each
 * button with an accessible name and, for formats, a pressed state. Buttons keep the editor's
 * selection (mousedown does not take focus). Link editing is in useLinkEditing.ts and LinkDialog.tsx.
 */
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { useEffect, useState } from 'react';
import { shortcutLabel } from '../../../lib/index.ts';
import { BulletListIcon, LinkIcon, NumberedListIcon, QuoteIcon, RedoIcon, UndoIcon } from '../../../ui/index.ts';
import { LinkDialog } from './LinkDialog.tsx';
import { RovingToolbar, type ToolButton } from './RovingToolbar.tsx';
import { $readToolbarState, INITIAL_TOOLBAR_STATE, type BlockKind, type ToolbarState } from './toolbarState.ts';
import { useLinkEditing } from './useLinkEditing.ts';

function setBlock(editor: LexicalEditor, current: BlockKind, target: 'h2' | 'h3' | 'quote') {
  editor.update(() => {
    const selection = $getSelection();
    if (current === target) $setBlocksType(selection, () => $createParagraphNode());
    else if (target === 'quote') $setBlocksType(selection, () => $createQuoteNode());
    else $setBlocksType(selection, () => $createHeadingNode(target));
  });
}

function toggleList(editor: LexicalEditor, current: BlockKind, target: 'bullet' | 'number') {
  if (current === target) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
  else editor.dispatchCommand(target === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
}

export function Toolbar() {
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState<ToolbarState>(INITIAL_TOOLBAR_STATE);
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  const { linkDialog, openLinkDialog, applyLink, cancelLink } = useLinkEditing(editor);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => {
          const next = editorState.read($readToolbarState);
          if (next) setState((prev) => (sameState(prev, next) ? prev : next));
        }),
        editor.registerCommand(CAN_UNDO_COMMAND, (value) => (setCanUndo(value), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_REDO_COMMAND, (value) => (setCanRedo(value), false), COMMAND_PRIORITY_LOW)
      ),
    [editor]
  );

  const buttons: ToolButton[] = [
    { id: 'bold', label: 'Bold', shortcut: shortcutLabel('B'), content: <b>B</b>, pressed: state.bold, run: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold') },
    { id: 'italic', label: 'Italic', shortcut: shortcutLabel('I'), content: <i>I</i>, pressed: state.italic, run: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic'), groupEnd: true },
    { id: 'h2', label: 'Heading 2', content: 'H2', pressed: state.block === 'h2', run: () => setBlock(editor, state.block, 'h2') },
    { id: 'h3', label: 'Heading 3', content: 'H3', pressed: state.block === 'h3', run: () => setBlock(editor, state.block, 'h3'), groupEnd: true },
    { id: 'bullet', label: 'Bulleted list', content: <BulletListIcon />, pressed: state.block === 'bullet', run: () => toggleList(editor, state.block, 'bullet') },
    { id: 'number', label: 'Numbered list', content: <NumberedListIcon />, pressed: state.block === 'number', run: () => toggleList(editor, state.block, 'number') },
    { id: 'quote', label: 'Quote', content: <QuoteIcon />, pressed: state.block === 'quote', run: () => setBlock(editor, state.block, 'quote') },
    { id: 'link', label: 'Link', shortcut: shortcutLabel('K'), content: <LinkIcon />, pressed: state.link !== null, run: openLinkDialog, groupEnd: true },
    { id: 'undo', label: 'Undo', shortcut: shortcutLabel('Z'), content: <UndoIcon />, disabled: !canUndo, run: () => editor.dispatchCommand(UNDO_COMMAND, undefined) },
    { id: 'redo', label: 'Redo', shortcut: shortcutLabel('Z', true), content: <RedoIcon />, disabled: !canRedo, run: () => editor.dispatchCommand(REDO_COMMAND, undefined) },
  ];

  return (
    <>
      <RovingToolbar buttons={buttons} />
      <LinkDialog
        open={linkDialog !== null}
        initialUrl={linkDialog?.url ?? ''}
        editing={linkDialog?.editing ?? false}
        onApply={(url) => applyLink(url)}
        onRemove={() => applyLink(null)}
        onCancel={cancelLink}
      />
    </>
  );
}

function sameState(a: ToolbarState, b: ToolbarState): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.block === b.block && a.link === b.link;
}

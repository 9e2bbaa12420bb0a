/**
 * Link editing: Ctrl/Cmd+K or the toolbar's Link button opens the dialog on the current
 * selection (kept while the dialog has focus); applying sets, changes or removes the link, and an
 * address typed with nothing selected becomes the link's own text.
 */
import { TOGGLE_LINK_COMMAND, $createLinkNode } from '@lexical/link';
import { mergeRegister } from '@lexical/utils';
import {
  $createTextNode,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_LOW,
  KEY_MODIFIER_COMMAND,
  type BaseSelection,
  type LexicalEditor,
} from 'lexical';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isCommandKey } from '../../../lib/index.ts';
import { OPEN_LINK_DIALOG_COMMAND } from './commands.ts';
import { $selectedLinkUrl } from './toolbarState.ts';

export function useLinkEditing(editor: LexicalEditor) {
  const [linkDialog, setLinkDialog] = useState<{ url: string; editing: boolean } | null>(null);
  const savedSelection = useRef<BaseSelection | null>(null);

  const openLinkDialog = useCallback(() => {
    let url: string | null = null;
    editor.getEditorState().read(() => {
      const selection = $getSelection();
      savedSelection.current = selection ? selection.clone() : null;
      if ($isRangeSelection(selection)) url = $selectedLinkUrl(selection);
    });
    setLinkDialog({ url: url ?? '', editing: url !== null });
  }, [editor]);

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(OPEN_LINK_DIALOG_COMMAND, () => (openLinkDialog(), true), COMMAND_PRIORITY_LOW),
        editor.registerCommand(
          KEY_MODIFIER_COMMAND,
          (event) => {
            if (!isCommandKey(event, 'k')) return false;
            event.preventDefault();
            openLinkDialog();
            return true;
          },
          COMMAND_PRIORITY_LOW
        )
      ),
    [editor, openLinkDialog]
  );

  const applyLink = (url: string | null) => {
    const selection = savedSelection.current;
    let inserted = false;
    editor.update(() => {
      if (selection) $setSelection(selection.clone());
      const current = $getSelection();
      if (url && $isRangeSelection(current) && current.isCollapsed() && !$selectedLinkUrl(current)) {
        // Nothing selected: insert the address itself as the link text.
        const link = $createLinkNode(url);
        link.append($createTextNode(url));
        current.insertNodes([link]);
        inserted = true;
      }
    });
    if (!inserted) editor.dispatchCommand(TOGGLE_LINK_COMMAND, url);
    setLinkDialog(null);
    editor.focus();
  };

  const cancelLink = () => {
    setLinkDialog(null);
    editor.focus();
  };

  return { linkDialog, openLinkDialog, applyLink, cancelLink };
}

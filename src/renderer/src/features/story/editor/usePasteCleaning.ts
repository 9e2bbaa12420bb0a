/**
 * Paste into the story body. Rich paste (Word, Google Docs, web pages) goes through the shared
 * cleaner (`cleanPastedHtml`, the allow-list applied by DOMPurify) before Lexical sees it, so
 * headings, lists, bold, italic and links stay and styles, scripts, event attributes, unsafe
 * links and tracking spans go; a pasted `<h1>` becomes the headline of a story that has none and
 * never repeats it. Plain text, and everything pasted with Ctrl/Cmd+Shift+V ("paste as plain
 * text"), becomes paragraphs split at blank lines, never an empty one.
 *
 * Registered at high priority, ahead of the rich-text extension's own paste handling; a paste
 * with neither HTML nor text (a picture) is left to it.
 */
import { $generateNodesFromDOM } from '@lexical/html';
import DOMPurify from 'dompurify';
import { $getSelection, $insertNodes, COMMAND_PRIORITY_HIGH, PASTE_COMMAND, PASTE_TAG, type LexicalEditor } from 'lexical';
import { useEffect } from 'react';
import { cleanPastedHtml, clipboardFragment, plainTextToParagraphs } from '../../../../../shared/paste.ts';
import { isCommandKey, useLatest } from '../../../lib/index.ts';

export interface PasteTarget {
  /** The story's headline now ('' when it has none). */
  readonly headline: () => string;
  /** A pasted `<h1>` on a story without a headline. */
  readonly setHeadline: (headline: string) => void;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The clipboard's contents as the HTML to insert, and a headline when one was pasted. */
export function pastedHtml(data: DataTransfer, plainOnly: boolean, currentHeadline: string): { html: string; headline?: string } | null {
  const html = plainOnly ? '' : data.getData('text/html');
  if (html.trim()) {
    const doc = new DOMParser().parseFromString(clipboardFragment(html), 'text/html');
    return cleanPastedHtml(doc, DOMPurify, currentHeadline);
  }
  const text = data.getData('text/plain');
  if (!text) return null;
  return { html: plainTextToParagraphs(text).map((p) => `<p>${escapeHtml(p)}</p>`).join('') };
}

export function usePasteCleaning(editor: LexicalEditor, target: PasteTarget): void {
  const latest = useLatest(target);

  useEffect(() => {
    // Ctrl/Cmd+Shift+V is held while its paste event fires: note it on keydown, forget it on keyup.
    let plainOnly = false;
    const keyDown = (event: KeyboardEvent) => {
      if (isCommandKey(event, 'v') && event.shiftKey) plainOnly = true;
    };
    const keyUp = () => {
      plainOnly = false;
    };
    const offRoot = editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('keydown', keyDown, true);
      previous?.removeEventListener('keyup', keyUp, true);
      root?.addEventListener('keydown', keyDown, true);
      root?.addEventListener('keyup', keyUp, true);
    });
    const offPaste = editor.registerCommand(
      PASTE_COMMAND,
      (event) => {
        const data = 'clipboardData' in event ? event.clipboardData : null;
        if (!data) return false;
        const pasted = pastedHtml(data, plainOnly, latest.current.headline());
        if (!pasted) return false;
        event.preventDefault();
        if (pasted.headline) latest.current.setHeadline(pasted.headline);
        if (!pasted.html) return true;
        editor.update(
          () => {
            if (!$getSelection()) return;
            const dom = new DOMParser().parseFromString(pasted.html, 'text/html');
            $insertNodes($generateNodesFromDOM(editor, dom));
          },
          { tag: PASTE_TAG }
        );
        return true;
      },
      COMMAND_PRIORITY_HIGH
    );
    return () => {
      offPaste();
      offRoot();
    };
  }, [editor, latest]);
}

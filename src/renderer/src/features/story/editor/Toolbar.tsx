/**
 * The formatting toolbar: one ARIA toolbar (arrow keys move between buttons, one Tab stop), each
 * button with an accessible name and, for formats, a pressed state. Buttons keep the editor's
 * selection (mousedown does not take focus).
 */
import { formatUrl, TOGGLE_LINK_COMMAND, $createLinkNode } from '@lexical/link';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $createTextNode,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  KEY_MODIFIER_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type BaseSelection,
  type LexicalEditor,
} from 'lexical';
import { useCallback, useEffect, useRef, useState, type JSX, type KeyboardEvent } from 'react';
import { BulletListIcon, Dialog, FieldError, LinkIcon, NumberedListIcon, QuoteIcon, RedoIcon, UndoIcon } from '../../../ui/index.ts';
import { isCommandKey, shortcutLabel } from '../../../lib/index.ts';
import { OPEN_LINK_DIALOG_COMMAND } from './commands.ts';
import { isAllowedUrl } from './extension.ts';
import { $readToolbarState, $selectedLinkUrl, INITIAL_TOOLBAR_STATE, type BlockKind, type ToolbarState } from './toolbarState.ts';

interface ToolButton {
  readonly id: string;
  readonly label: string;
  readonly shortcut?: string;
  readonly content: JSX.Element | string;
  readonly pressed?: boolean;
  readonly disabled?: boolean;
  readonly run: () => void;
  readonly groupEnd?: boolean;
}

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
        editor.registerUpdateListener(({ editorState }) => {
          const next = editorState.read($readToolbarState);
          if (next) setState((prev) => (sameState(prev, next) ? prev : next));
        }),
        editor.registerCommand(CAN_UNDO_COMMAND, (value) => (setCanUndo(value), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_REDO_COMMAND, (value) => (setCanRedo(value), false), COMMAND_PRIORITY_LOW),
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
        onCancel={() => {
          setLinkDialog(null);
          editor.focus();
        }}
      />
    </>
  );
}

function sameState(a: ToolbarState, b: ToolbarState): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.block === b.block && a.link === b.link;
}

function RovingToolbar({ buttons }: { buttons: readonly ToolButton[] }) {
  const [active, setActive] = useState(0);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const enabled = buttons.map((b, i) => (b.disabled ? -1 : i)).filter((i) => i >= 0);
  const tabStop = enabled.includes(active) ? active : (enabled[0] ?? 0);

  const move = (event: KeyboardEvent, index: number) => {
    const at = enabled.indexOf(index);
    let next: number | undefined;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = enabled[(at + 1) % enabled.length];
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = enabled[(at - 1 + enabled.length) % enabled.length];
    else if (event.key === 'Home') next = enabled[0];
    else if (event.key === 'End') next = enabled[enabled.length - 1];
    if (next === undefined) return;
    event.preventDefault();
    setActive(next);
    refs.current[next]?.focus();
  };

  return (
    <div role="toolbar" aria-label="Formatting" aria-orientation="horizontal" className="cd-toolbar">
      {buttons.map((button, index) => (
        <span key={button.id} className={button.groupEnd ? 'cd-toolbar__item cd-toolbar__item--group-end' : 'cd-toolbar__item'}>
          <button
            ref={(el) => {
              refs.current[index] = el;
            }}
            type="button"
            className="cd-toolbar__button"
            aria-label={button.label}
            aria-pressed={button.pressed === undefined ? undefined : button.pressed}
            aria-keyshortcuts={button.shortcut?.replace('Ctrl', 'Control').replace('⌘', 'Meta+').replace('⇧', 'Shift+')}
            title={button.shortcut ? `${button.label} (${button.shortcut})` : button.label}
            tabIndex={index === tabStop ? 0 : -1}
            disabled={button.disabled}
            onMouseDown={(event) => event.preventDefault()}
            onFocus={() => setActive(index)}
            onKeyDown={(event) => move(event, index)}
            onClick={button.run}
          >
            {button.content}
          </button>
        </span>
      ))}
    </div>
  );
}

function LinkDialog({
  open,
  initialUrl,
  editing,
  onApply,
  onRemove,
  onCancel,
}: {
  open: boolean;
  initialUrl: string;
  editing: boolean;
  onApply: (url: string) => void;
  onRemove: () => void;
  onCancel: () => void;
}) {
  const [url, setUrl] = useState(initialUrl);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setUrl(initialUrl);
      setError(null);
    }
  }, [open, initialUrl]);

  const submit = () => {
    const trimmed = url.trim();
    if (!trimmed) {
      setError('Type a web address, for example https://www.example.com.');
      return;
    }
    const formatted = formatUrl(trimmed);
    if (!isAllowedUrl(formatted)) {
      setError('Only web (https://…) and e-mail (mailto:…) links can be added.');
      return;
    }
    onApply(formatted);
  };

  return (
    <Dialog
      title={editing ? 'Edit link' : 'Add link'}
      open={open}
      onCancel={onCancel}
      onSubmit={submit}
      actions={
        <>
          {editing ? (
            <button type="button" className="cd-button cd-button--quiet cd-dialog__start" onClick={onRemove}>
              Remove link
            </button>
          ) : null}
          <button type="button" className="cd-button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="cd-button cd-button--primary">
            {editing ? 'Update' : 'Add link'}
          </button>
        </>
      }
    >
      <label className="cd-field">
        <span className="cd-field__label">Web address</span>
        <input
          className="cd-input"
          type="text"
          inputMode="url"
          aria-label="Link address"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'cd-link-error' : undefined}
          value={url}
          placeholder="https://"
          spellCheck={false}
          onChange={(event) => {
            setUrl(event.target.value);
            setError(null);
          }}
        />
      </label>
      <FieldError id="cd-link-error" message={error} />
    </Dialog>
  );
}

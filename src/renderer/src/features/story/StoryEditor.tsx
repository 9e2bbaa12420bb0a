/**
 * The open story: workflow bar, formatting toolbar, headline, keywords and the Lexical body, with
 * autosave. One instance per opened story (keyed by id), so the Lexical editor, its history and
 * the saver start fresh for every story.
 */
import { LexicalExtensionComposer } from '@lexical/react/LexicalExtensionComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { $getRoot, BLUR_COMMAND, COMMAND_PRIORITY_LOW, type EditorState, type LexicalEditor } from 'lexical';
import { useEffect, useImperativeHandle, useRef, useState, type ReactNode, type Ref } from 'react';
import { countWords } from '../../../../shared/body.ts';
import { EXPORT_FORMAT_LABELS, type ExportFormat } from '../../../../shared/contract.ts';
import { AppError } from '../../../../shared/errors.ts';
import type { Role, Story } from '../../../../shared/story.ts';
import { ACTION_LABELS, availableActions, type WorkflowAction } from '../../../../shared/workflow.ts';
import { call, errorMessage, exactTime, relativeTime, wordsLabel } from '../../lib/index.ts';
import { storyEditorExtension } from './editor/extension.ts';
import { Toolbar } from './editor/Toolbar.tsx';
import { StorySaver, type SaveState, type StoryContentDraft } from './saver.ts';
import { Dialog, FieldError, HistoryIcon, type Notify, StatusBadge, TrashIcon } from '../../ui/index.ts';
import { ConflictDialog } from './ConflictDialog.tsx';
import { type ExportChoice, ExportMenu, type ExportMenuHandle, PACKAGE_LABEL } from '../export/index.ts';
import { KeywordsField } from './KeywordsField.tsx';
import { SaveIndicator } from './SaveIndicator.tsx';

/** What the app can ask of the open story (shortcuts, menu commands, switching stories). */
export interface EditorHandle {
  readonly storyId: string;
  /** Save now; resolves to whether everything typed is saved. `checkpoint`: also keep a revision. */
  flush(options?: { checkpoint?: boolean }): Promise<boolean>;
  openExport(): void;
  requestDelete(): void;
  focusHeadline(): void;
  /** The story revision this window last had confirmed. */
  revision(): number;
  /**
   * Save what is typed, then run `task` with no save in flight (a restore, an import over this
   * story); `task` gets the revision to name as its base.
   */
  exclusive(task: (baseRevision: number) => Promise<Story>): Promise<Story>;
  /** The text as it is in the editor, and whether all of it is saved. */
  draft(): { headline: string; text: string; saved: boolean };
}

export interface StoryEditorProps {
  readonly story: Story;
  readonly role: Role;
  readonly keywordSuggestions: readonly string[];
  readonly now: number;
  readonly notify: Notify;
  readonly dismissNotice: (key: string) => void;
  readonly onStoryUpdated: (story: Story) => void;
  readonly onDeleted: (id: string) => void;
  readonly onReload: (id: string) => void;
  /** After a conflict: save this text as a new story beside the original. Resolves to whether it did. */
  readonly onKeepCopy: (source: Story, content: StoryContentDraft) => Promise<boolean>;
  readonly trashRetentionDays: number;
  readonly revisionsOpen: boolean;
  readonly onToggleRevisions: () => void;
  /** The revisions panel, shown beside the text (below the story bar and the toolbar). */
  readonly sidePanel?: ReactNode;
  readonly focusHeadlineOnMount?: boolean;
  readonly ref?: Ref<EditorHandle>;
}

const ACTION_DONE: Readonly<Record<WorkflowAction, string>> = {
  submit: 'Submitted for review.',
  approve: 'Story approved.',
  return: 'Sent back to the reporter with your note.',
  withdraw: 'Withdrawn from review: the story is a draft again.',
};
const ACTION_VERB: Readonly<Record<WorkflowAction, string>> = {
  submit: 'submit the story',
  approve: 'approve the story',
  return: 'send the story back',
  withdraw: 'withdraw the story',
};
const FORMAT_NAMES: Readonly<Record<ExportFormat, string>> = { markdown: 'Markdown', 'newsml-g2': 'NewsML-G2' };

export function StoryEditor(props: StoryEditorProps) {
  const { notify } = props;
  // Built once per opened story (the component is keyed by story id).
  const [extension] = useState(() =>
    storyEditorExtension(props.story.body, (error) =>
      notify({ kind: 'error', key: 'editor-error', message: `The editor ran into a problem: ${error.message}` })
    )
  );
  return (
    <LexicalExtensionComposer extension={extension} contentEditable={null}>
      <StoryEditorPane {...props} />
    </LexicalExtensionComposer>
  );
}

function bodyJson(editor: LexicalEditor): string {
  return JSON.stringify(editor.getEditorState().toJSON());
}

function StoryEditorPane({
  story,
  role,
  keywordSuggestions,
  now,
  notify,
  dismissNotice,
  onStoryUpdated,
  onDeleted,
  onReload,
  onKeepCopy,
  trashRetentionDays,
  revisionsOpen,
  onToggleRevisions,
  sidePanel,
  focusHeadlineOnMount,
  ref,
}: StoryEditorProps) {
  const [editor] = useLexicalComposerContext();
  const [meta, setMeta] = useState<Story>(story);
  const metaRef = useRef<Story>(story);
  const [headline, setHeadline] = useState(story.headline);
  const [keywords, setKeywords] = useState<string[]>(() => [...story.keywords]);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'saved' });
  const [wordCount, setWordCount] = useState(story.wordCount);
  const [busy, setBusy] = useState<null | 'transition' | 'export' | 'delete' | 'conflict'>(null);
  const [conflictOpen, setConflictOpen] = useState(false);
  const [sendBack, setSendBack] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const headlineRef = useRef(headline);
  const keywordsRef = useRef<readonly string[]>(keywords);
  const headlineEl = useRef<HTMLTextAreaElement>(null);
  const exportMenu = useRef<ExportMenuHandle>(null);
  const saverRef = useRef<StorySaver | null>(null);
  /** The revision this window last had confirmed (saves and transitions both move it). */
  const revisionRef = useRef(story.revision);
  const onUpdatedRef = useRef(onStoryUpdated);
  useEffect(() => {
    onUpdatedRef.current = onStoryUpdated;
  }, [onStoryUpdated]);

  // The saver lives as long as this story is open.
  useEffect(() => {
    const saver = new StorySaver({
      id: story.id,
      revision: revisionRef.current,
      read: () => ({ headline: headlineRef.current, body: bodyJson(editor), keywords: [...keywordsRef.current] }),
      save: (input) => call('stories.save', input),
      onSaved: (saved) => {
        revisionRef.current = saved.revision;
        const previous = metaRef.current;
        metaRef.current = saved;
        setMeta(saved);
        if (previous.status === 'approved' && saved.status !== 'approved') {
          notify({
            kind: 'info',
            key: `void-${saved.id}`,
            message: 'The content changed after approval, so the approval is void and the story is back in review.',
          });
        }
        onUpdatedRef.current(saved);
      },
      onState: setSaveState,
    });
    saver.markLoaded();
    saverRef.current = saver;
    return () => {
      saver.dispose();
      if (saverRef.current === saver) saverRef.current = null;
    };
  }, [editor, story.id, notify]);

  // Body edits: count words and schedule a save. Selection-only updates change nothing.
  useEffect(() => {
    let countTimer: ReturnType<typeof setTimeout> | null = null;
    const count = (state: EditorState) => {
      if (countTimer) clearTimeout(countTimer);
      // Counted as the service counts: headline and body.
      countTimer = setTimeout(
        () => setWordCount(countWords(`${headlineRef.current}\n${state.read(() => $getRoot().getTextContent())}`)),
        250
      );
    };
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, prevEditorState, editorState }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      if (prevEditorState.isEmpty()) return;
      saverRef.current?.changed();
      count(editorState);
    });
    const unregisterBlur = editor.registerCommand(
      BLUR_COMMAND,
      () => {
        void saverRef.current?.flush();
        return false;
      },
      COMMAND_PRIORITY_LOW
    );
    return () => {
      if (countTimer) clearTimeout(countTimer);
      unregister();
      unregisterBlur();
    };
  }, [editor]);

  useEffect(() => {
    if (focusHeadlineOnMount) headlineEl.current?.focus();
  }, [focusHeadlineOnMount]);

  // The save status box has room for a few words; the whole message goes in a notification.
  // A conflict opens the dialog that asks what to do instead (nothing is overwritten silently).
  const saveNotice = `save-${story.id}`;
  const conflict = saveState.kind === 'error' && saveState.code === 'conflict';
  useEffect(() => {
    if (saveState.kind === 'saved') dismissNotice(saveNotice);
    if (saveState.kind !== 'error') return;
    if (saveState.code === 'conflict') {
      dismissNotice(saveNotice);
      setConflictOpen(true);
      return;
    }
    notify({
      kind: 'error',
      key: saveNotice,
      message: `Couldn't save your latest changes. ${saveState.message}`,
      detail: 'Your text is still here. Copydesk tries again when you keep typing, or use Retry.',
    });
  }, [saveState, saveNotice, notify, dismissNotice]);

  const flush = (options?: { checkpoint?: boolean }) => saverRef.current?.flush(options) ?? Promise.resolve(true);

  useImperativeHandle(ref, () => ({
    storyId: story.id,
    flush,
    openExport: () => exportMenu.current?.open(),
    requestDelete: () => setConfirmDelete(true),
    focusHeadline: () => headlineEl.current?.focus(),
    revision: () => revisionRef.current,
    draft: () => ({
      headline: headlineRef.current,
      text: editor.getEditorState().read(() => $getRoot().getTextContent()),
      saved: (saverRef.current?.state.kind ?? 'saved') === 'saved',
    }),
    exclusive: (task) => {
      const saver = saverRef.current;
      if (!saver) return Promise.reject(new AppError('internal', 'The story is closed.'));
      return saver.exclusive(() => task(revisionRef.current));
    },
  }));

  const keepCopy = async () => {
    setBusy('conflict');
    try {
      const done = await onKeepCopy(metaRef.current, {
        headline: headlineRef.current,
        body: bodyJson(editor),
        keywords: [...keywordsRef.current],
      });
      if (done) setConflictOpen(false);
    } finally {
      setBusy(null);
    }
  };

  const changeHeadline = (value: string) => {
    const clean = value.replace(/[\r\n]+/g, ' ');
    headlineRef.current = clean;
    setHeadline(clean);
    setWordCount(countWords(`${clean}\n${editor.getEditorState().read(() => $getRoot().getTextContent())}`));
    saverRef.current?.changed();
  };

  const changeKeywords = (next: string[]) => {
    keywordsRef.current = next;
    setKeywords(next);
    saverRef.current?.changed();
  };

  const transition = async (action: WorkflowAction, note?: string): Promise<boolean> => {
    const saver = saverRef.current;
    if (!saver) return false;
    setBusy('transition');
    try {
      const updated = await saver.exclusive(() => call('workflow.transition', { id: story.id, action, ...(note ? { note } : {}) }));
      revisionRef.current = updated.revision;
      metaRef.current = updated;
      setMeta(updated);
      onStoryUpdated(updated);
      notify({ kind: 'success', key: `workflow-${story.id}`, message: ACTION_DONE[action] });
      return true;
    } catch (error) {
      notify({ kind: 'error', key: `workflow-${story.id}`, message: `Couldn't ${ACTION_VERB[action]}. ${errorMessage(error)}` });
      return false;
    } finally {
      setBusy(null);
    }
  };

  const exportPackage = async () => {
    setBusy('export');
    try {
      if (!(await flush())) {
        throw new AppError('storage', 'Your latest changes are not saved yet, so the package would be out of date. Use Retry, then export again.');
      }
      const result = await call('packages.export', { ids: [story.id] });
      if (result.path === null) return;
      notify({ kind: 'success', key: `export-${story.id}`, message: 'Exported Copydesk package', detail: result.path, detailIsPath: true, duration: 15_000 });
    } catch (error) {
      notify({ kind: 'error', key: `export-${story.id}`, message: `Couldn't export the ${PACKAGE_LABEL}. ${errorMessage(error)}` });
    } finally {
      setBusy(null);
    }
  };

  const exportChoice = (choice: ExportChoice) => void (choice === 'package' ? exportPackage() : exportAs(choice));

  const exportAs = async (format: ExportFormat) => {
    setBusy('export');
    try {
      if (!(await flush())) {
        throw new AppError('storage', 'Your latest changes are not saved yet, so the export would be out of date. Use Retry, then export again.');
      }
      const { folder } = await call('export.chooseFolder', {});
      if (folder === null) return;
      const result = await call('export.story', { id: story.id, format, folder });
      notify({
        kind: 'success',
        key: `export-${story.id}`,
        message: `Exported ${FORMAT_NAMES[format]}`,
        detail: result.path,
        detailIsPath: true,
        duration: 15_000,
      });
    } catch (error) {
      notify({
        kind: 'error',
        key: `export-${story.id}`,
        message: `Couldn't export ${EXPORT_FORMAT_LABELS[format]}. ${errorMessage(error)}`,
      });
    } finally {
      setBusy(null);
    }
  };

  const deleteStory = async () => {
    setBusy('delete');
    try {
      await call('stories.delete', { id: story.id });
      saverRef.current?.dispose();
      setConfirmDelete(false);
      notify({
        kind: 'success',
        key: 'deleted',
        message: 'Story deleted.',
        detail: `It is in the Trash for ${trashRetentionDays === 1 ? '1 day' : `${trashRetentionDays} days`}.`,
      });
      onDeleted(story.id);
    } catch (error) {
      notify({ kind: 'error', key: `delete-${story.id}`, message: `Couldn't delete the story. ${errorMessage(error)}` });
    } finally {
      setBusy(null);
    }
  };

  const actions = availableActions(meta.status, role);
  const shownHeadline = headline.trim() || 'Untitled story';

  return (
    <div className={sidePanel ? 'cd-story cd-story--with-panel' : 'cd-story'}>
      <div className="cd-story__bar" role="region" aria-label="Story actions">
        <div className="cd-story__workflow">
          <StatusBadge status={meta.status} />
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              className={action === 'approve' || action === 'submit' ? 'cd-button cd-button--primary' : 'cd-button'}
              disabled={busy !== null}
              onClick={() => (action === 'return' ? setSendBack(true) : void transition(action))}
            >
              {action === 'return' ? `${ACTION_LABELS[action]}…` : ACTION_LABELS[action]}
            </button>
          ))}
        </div>
        <div className="cd-story__tools">
          <button
            type="button"
            className={revisionsOpen ? 'cd-button cd-revisions-button cd-button--pressed' : 'cd-button cd-revisions-button'}
            aria-label="Revisions"
            aria-expanded={revisionsOpen}
            title="Revisions: compare and restore earlier versions"
            onClick={onToggleRevisions}
          >
            <HistoryIcon />
            <span aria-hidden="true" className="cd-button__label">
              Revisions
            </span>
          </button>
          <ExportMenu ref={exportMenu} busy={busy === 'export'} onExport={exportChoice} />
          <button
            type="button"
            className="cd-button cd-button--quiet cd-button--danger"
            aria-label="Delete"
            title="Delete this story"
            disabled={busy !== null}
            onClick={() => setConfirmDelete(true)}
          >
            <TrashIcon />
            <span aria-hidden="true" className="cd-button__label">Delete</span>
          </button>
        </div>
      </div>
      <div className="cd-story__toolbar">
        <Toolbar />
        <SaveIndicator state={saveState} onRetry={() => void flush()} onResolve={() => setConflictOpen(true)} />
      </div>

      <div className="cd-story__body">
        <div className="cd-story__scroll">
          <article className="cd-story__column">
            <StoryBanners story={meta} />
            <textarea
              ref={headlineEl}
              className="cd-headline"
              aria-label="Headline"
              placeholder="Headline"
              dir="auto"
              rows={1}
              maxLength={500}
              spellCheck
              value={headline}
              onChange={(event) => changeHeadline(event.target.value)}
              onBlur={() => void flush()}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  editor.focus();
                }
              }}
            />
            <p className="cd-byline">
              <span>By {meta.author}</span>
              <span aria-hidden="true"> · </span>
              <span>{wordsLabel(wordCount)}</span>
              <span aria-hidden="true"> · </span>
              <span>
                Updated{' '}
                <time dateTime={meta.updatedAt} title={exactTime(meta.updatedAt)}>
                  {relativeTime(meta.updatedAt, now)}
                </time>
              </span>
            </p>
            <KeywordsField keywords={keywords} suggestions={keywordSuggestions} onChange={changeKeywords} onBlur={() => void flush()} />
            <div className="cd-editor">
              <ContentEditable
                className="cd-editor__input"
                aria-label="Story body"
                aria-multiline
                spellCheck
                aria-placeholder="Write the story…"
                placeholder={<div className="cd-editor__placeholder">Write the story…</div>}
              />
            </div>
          </article>
        </div>
        {sidePanel}
      </div>

      <SendBackDialog
        open={sendBack}
        busy={busy === 'transition'}
        onCancel={() => setSendBack(false)}
        onSend={async (note) => {
          if (await transition('return', note)) setSendBack(false);
        }}
      />
      <ConflictDialog
        open={conflict && conflictOpen}
        busy={busy === 'conflict'}
        onKeepCopy={() => void keepCopy()}
        onReload={() => onReload(story.id)}
        onLater={() => setConflictOpen(false)}
      />
      <Dialog
        title="Delete this story?"
        open={confirmDelete}
        onCancel={() => setConfirmDelete(false)}
        onSubmit={() => void deleteStory()}
        description={
          <p>
            “<span dir="auto">{shownHeadline}</span>” will be moved to the trash. You can restore it from the Trash for{' '}
            {trashRetentionDays === 1 ? '1 day' : `${trashRetentionDays} days`}; after that it is deleted for good.
          </p>
        }
        actions={
          <>
            <button type="button" className="cd-button" onClick={() => setConfirmDelete(false)}>
              Cancel
            </button>
            <button type="submit" className="cd-button cd-button--danger-solid" disabled={busy === 'delete'}>
              Delete story
            </button>
          </>
        }
      >
        {null}
      </Dialog>
    </div>
  );
}

function StoryBanners({ story }: { story: Story }) {
  if (story.status === 'approved' && story.approval) {
    return (
      <p className="cd-banner cd-banner--approved" role="note" aria-label="Approval">
        Approved by {story.approval.approver} at <time dateTime={story.approval.approvedAt}>{exactTime(story.approval.approvedAt)}</time>
      </p>
    );
  }
  const banners = [];
  if (story.voidedApproval) {
    const v = story.voidedApproval;
    banners.push(
      <div
        key="void"
        className={story.status === 'in_review' ? 'cd-banner cd-banner--void' : 'cd-banner cd-banner--history'}
        role="note"
        aria-label="Approval void"
      >
        <p>
          Approval void: content changed after approval by {v.voidedBy} at <time dateTime={v.voidedAt}>{exactTime(v.voidedAt)}</time>
          {story.status === 'in_review' ? ' — back in review' : ''}
        </p>
        <p className="cd-banner__detail">
          It had been approved by {v.approver} at <time dateTime={v.approvedAt}>{exactTime(v.approvedAt)}</time>.
        </p>
      </div>
    );
  }
  if (story.status === 'returned' && story.reviewNote) {
    const n = story.reviewNote;
    banners.push(
      <div key="note" className="cd-banner cd-banner--returned" role="note" aria-label="Review note">
        <p>
          Sent back by {n.by} at <time dateTime={n.at}>{exactTime(n.at)}</time>:
        </p>
        <blockquote className="cd-banner__note" dir="auto">
          {n.note}
        </blockquote>
      </div>
    );
  }
  return banners.length ? <>{banners}</> : null;
}

function SendBackDialog({
  open,
  busy,
  onCancel,
  onSend,
}: {
  open: boolean;
  busy: boolean;
  onCancel: () => void;
  onSend: (note: string) => void | Promise<void>;
}) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setNote('');
      setError(null);
    }
  }, [open]);
  const submit = () => {
    const trimmed = note.trim();
    if (!trimmed) {
      setError('Write a note so the reporter knows what to change.');
      return;
    }
    void onSend(trimmed);
  };
  return (
    <Dialog
      title="Send back to the reporter"
      open={open}
      onCancel={onCancel}
      onSubmit={submit}
      description="The story returns to its reporter with your note. They can revise it and submit it again."
      actions={
        <>
          <button type="button" className="cd-button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="cd-button cd-button--primary" disabled={busy}>
            Send to reporter
          </button>
        </>
      }
    >
      <label className="cd-field">
        <span className="cd-field__label">Note (required)</span>
        <textarea
          className="cd-input cd-input--multiline"
          aria-label="Note to the reporter"
          aria-required
          aria-invalid={error ? true : undefined}
          rows={5}
          maxLength={5000}
          dir="auto"
          value={note}
          onChange={(event) => {
            setNote(event.target.value);
            setError(null);
          }}
        />
      </label>
      <FieldError message={error} />
    </Dialog>
  );
}

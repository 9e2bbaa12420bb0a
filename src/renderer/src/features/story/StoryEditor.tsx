/**
 * The open story: workflow bar, formatting toolbar, headline, keywords and the Lexical body, with
 * autosave. One instance per opened story (keyed by id), so the Lexical editor, its history and
 * the saver start fresh for every story. The pieces live beside it: the draft and its saver
 * (useStoryDraft), the bar (StoryBar), the text column (StoryText), workflow, export and delete.
 */
import { LexicalExtensionComposer } from '@lexical/react/LexicalExtensionComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useImperativeHandle, useLayoutEffect, useRef, useState, type ReactNode, type Ref } from 'react';
import { AppError } from '../../../../shared/errors.ts';
import { call } from '../../lib/index.ts';
import { contentOf, type Role, type Story } from '../../../../shared/story.ts';
import { useStoryExport, type ExportMenuHandle } from '../export/index.ts';
import { MetadataPanel, type HouseRules } from '../metadata/index.ts';
import type { Notify } from '../../ui/index.ts';
import { ConflictDialog } from './ConflictDialog.tsx';
import { DeleteStoryDialog } from './DeleteStoryDialog.tsx';
import { storyEditorExtension } from './editor/extension.ts';
import { Toolbar } from './editor/Toolbar.tsx';
import { usePasteCleaning } from './editor/usePasteCleaning.ts';
import { SaveIndicator } from './SaveIndicator.tsx';
import type { StoryContentDraft } from './saver.ts';
import { SendBackDialog } from './SendBackDialog.tsx';
import { StoryBar } from './StoryBar.tsx';
import { StoryText } from './StoryText.tsx';
import { useDeleteStory } from './useDeleteStory.ts';
import { useSaveProblems } from './useSaveProblems.ts';
import { useStoryDraft } from './useStoryDraft.ts';
import { useWorkflow } from './useWorkflow.ts';

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
  /**
   * `library.changed` named this story: once no save of ours is in flight, compare the stored
   * revision with ours. Newer means someone else changed it: reload quietly when nothing here is
   * unsaved, else say so in a banner with Reload. Our own saves never look newer.
   */
  checkOutsideChange(): Promise<void>;
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
  /** The stored story is newer and nothing here is unsaved: show it in place of this one. */
  readonly onReloadQuietly: (story: Story) => void;
  /** After a conflict: save this text as a new story beside the original. Resolves to whether it did. */
  readonly onKeepCopy: (source: Story, content: StoryContentDraft) => Promise<boolean>;
  readonly trashRetentionDays: number;
  readonly revisionsOpen: boolean;
  readonly onToggleRevisions: () => void;
  /** The revisions panel, shown beside the text (below the story bar and the toolbar). */
  readonly sidePanel?: ReactNode;
  readonly focusHeadlineOnMount?: boolean;
  /** Keys typed between Ctrl/Cmd+N and this editor's mounting, to start the headline with. */
  readonly takeTypedAhead?: () => string;
  /** The newsroom's limits and desks. */
  readonly house: HouseRules;
  /** The export's byline when the story names no contributor. */
  readonly profileName: string;
  readonly ref?: Ref<EditorHandle>;
}

/** What is in flight; while anything is, the workflow steps and Delete wait. */
type Busy = null | 'transition' | 'export' | 'delete' | 'conflict';

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

function StoryEditorPane(props: StoryEditorProps) {
  const { story, notify, ref } = props;
  const [editor] = useLexicalComposerContext();
  const draft = useStoryDraft(editor, story, notify, props.onStoryUpdated);
  usePasteCleaning(editor, { headline: () => draft.headlineRef.current, setHeadline: draft.changeHeadline });
  const [busy, setBusy] = useState<Busy>(null);
  const busyWith = (kind: Exclude<Busy, null>) => (on: boolean) => setBusy(on ? kind : null);
  const [sendBack, setSendBack] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [outside, setOutside] = useState<Story | null>(null);
  const headlineEl = useRef<HTMLTextAreaElement>(null);
  const exportMenu = useRef<ExportMenuHandle>(null);

  // Layout effect: the focus moves before the browser handles another key, so none is lost.
  useLayoutEffect(() => {
    if (!props.focusHeadlineOnMount) return;
    const typed = props.takeTypedAhead?.() ?? '';
    const field = headlineEl.current;
    if (!field) return;
    if (typed) draft.changeHeadline(field.value + typed);
    field.focus();
    field.setSelectionRange(field.value.length + typed.length, field.value.length + typed.length);
    // Only when the story opens.
  }, [props.focusHeadlineOnMount]);
  const { conflict, conflictOpen, setConflictOpen } = useSaveProblems(story.id, draft.saveState, notify, props.dismissNotice);
  const { flush } = draft;

  useImperativeHandle(ref, () => ({
    storyId: story.id,
    flush,
    openExport: () => exportMenu.current?.open(),
    requestDelete: () => setConfirmDelete(true),
    focusHeadline: () => headlineEl.current?.focus(),
    revision: () => draft.revisionRef.current,
    draft: () => ({
      headline: draft.headlineRef.current,
      text: draft.bodyText(),
      saved: (draft.saverRef.current?.state.kind ?? 'saved') === 'saved',
    }),
    checkOutsideChange: async () => {
      const saver = draft.saverRef.current;
      if (!saver) return;
      const newer = await saver.whenIdle(async (revision) => {
        try {
          const stored = await call('stories.get', { id: story.id });
          return stored.revision > revision ? stored : null;
        } catch {
          return null; // gone (deleted): the desk closes it
        }
      });
      if (!newer || draft.saverRef.current !== saver) return;
      if (saver.state.kind === 'saved') props.onReloadQuietly(newer);
      else setOutside(newer);
    },
    exclusive: (task) => {
      const saver = draft.saverRef.current;
      if (!saver) return Promise.reject(new AppError('internal', 'The story is closed.'));
      return saver.exclusive(() => task(draft.revisionRef.current));
    },
  }));

  const keepCopy = async () => {
    setBusy('conflict');
    try {
      // The copy is what this window shows: the story's fields as last confirmed, with the edits on top.
      const source = draft.confirmedRef.current;
      if (await props.onKeepCopy(source, { ...contentOf(source), ...draft.content() })) setConflictOpen(false);
    } finally {
      setBusy(null);
    }
  };
  const transition = useWorkflow({ storyId: story.id, draft, notify, onStoryUpdated: props.onStoryUpdated, setBusy: busyWith('transition') });
  const exportChoice = useStoryExport({ storyId: story.id, flush, notify, setBusy: busyWith('export') });
  const deleteStory = useDeleteStory({
    storyId: story.id,
    draft,
    trashRetentionDays: props.trashRetentionDays,
    notify,
    onDeleted: props.onDeleted,
    setBusy: busyWith('delete'),
    closeDialog: () => setConfirmDelete(false),
  });

  return (
    <div className={props.sidePanel ? 'cd-story cd-story--with-panel' : 'cd-story'}>
      <StoryBar
        status={draft.confirmed.status}
        role={props.role}
        busy={busy !== null}
        exporting={busy === 'export'}
        revisionsOpen={props.revisionsOpen}
        exportMenu={exportMenu}
        onAction={(action) => (action === 'return' ? setSendBack(true) : void transition(action))}
        onToggleRevisions={props.onToggleRevisions}
        onExport={exportChoice}
        onDelete={() => setConfirmDelete(true)}
      />
      <div className="cd-story__toolbar">
        <Toolbar />
        <SaveIndicator state={draft.saveState} onRetry={() => void flush()} onResolve={() => setConflictOpen(true)} />
      </div>

      {outside ? (
        <div className="cd-story__outside" role="alert" aria-label="Changed elsewhere">
          <p>This story was changed elsewhere (it is now at revision {outside.revision}). Reload shows that version and drops your unsaved changes here.</p>
          <button type="button" className="cd-button cd-button--small" onClick={() => props.onReload(story.id)}>
            Reload
          </button>
        </div>
      ) : null}
      <div className="cd-story__body">
        <div className="cd-story__scroll">
          <div className="cd-story__page">
          <MetadataPanel
            story={story}
            language={draft.language}
            house={props.house}
            profileName={props.profileName}
            words={draft.wordCount}
            characters={draft.characters}
            now={props.now}
            onChange={draft.changeMetadata}
            onLeave={() => void flush()}
          />
          <StoryText
            story={draft.confirmed}
            language={draft.language}
            headlineLimit={props.house.headlineLimit}
            headline={draft.headline}
            keywords={draft.keywords}
            wordCount={draft.wordCount}
            keywordSuggestions={props.keywordSuggestions}
            now={props.now}
            headlineRef={headlineEl}
            onHeadlineChange={draft.changeHeadline}
            onKeywordsChange={draft.changeKeywords}
            onLeaveField={() => void flush()}
            tagging={{
              storyId: story.id,
              subjects: draft.subjects,
              entities: draft.entities,
              keywords: draft.keywords,
              onSubjectsChange: draft.changeSubjects,
              onEntitiesChange: draft.changeEntities,
              onKeywordsChange: draft.changeKeywords,
              flush,
              onLeaveField: () => void flush(),
              notify,
            }}
          />
          </div>
        </div>
        {props.sidePanel}
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
        onReload={() => props.onReload(story.id)}
        onLater={() => setConflictOpen(false)}
      />
      <DeleteStoryDialog
        open={confirmDelete}
        busy={busy === 'delete'}
        headline={draft.headline}
        trashRetentionDays={props.trashRetentionDays}
        onCancel={() => setConfirmDelete(false)}
        onDelete={() => void deleteStory()}
      />
    </div>
  );
}

/**
 * Copydesk's window: the library (search, filters, the story list, the trash) on the left, the
 * open story on the right with its revisions beside it, the profile in the header. When the
 * library file cannot be opened, a recovery screen takes the whole window instead. Talks to main
 * only through `client.ts`.
 *
 * Selectors for tests (role + accessible name; stable, do not rename without updating e2e/):
 *   header        button /^Profile: <name>, <Role>/   → dialog "Profile": textbox "Name",
 *                 combobox "Role" (reporter|editor), combobox "Theme" (system|light|dark),
 *                 buttons "Save", "Cancel"
 *   list pane     button "New story" (Ctrl/Cmd+N), button "Import package…" → dialog "Import
 *                 package": list "Stories in the package" (each item "Already here …" or "New"),
 *                 when some exist radios "Add as a new revision of the existing story" / "Keep
 *                 both as separate stories", button /^Import \d+ stor/;
 *                 searchbox "Search stories" (debounced; Escape clears; button "Clear search"),
 *                 combobox "Filter by keyword" (option "All keywords" has value ""), combobox
 *                 "Sort by" (updated|created|headline|status, and "relevance" = "Best match" while
 *                 searching), button /^Filters/ (aria-expanded; named "Filters" or "Filters, N active") → group
 *                 "Filters": comboboxes "Filter by status", "Filter by author", date fields
 *                 "Updated from", "Updated to", button "Clear";
 *                 status "List summary" ("12 stories", "3 of 12 stories match"), list "Stories" →
 *                 listitem → one button per story (aria-current="true" on the open one; attribute
 *                 data-story-id; search hits as <mark> in the headline and in .cd-row__snippet),
 *                 text "No stories yet — press New story (Ctrl+N) to start" when empty, "No
 *                 stories match" with button "Clear search and filters" when nothing matches
 *   list footer   button /^Trash/ (aria-pressed; named "Trash, 3 stories" or "Trash, empty"), text "Library
 *                 size" (note: "12.4 MB · 120 stories · 342 revisions")
 *   trash         region "Trash": button "Back to stories", button "Empty trash…" → dialog "Empty
 *                 the trash?" ("N stories will be deleted for good"; buttons "Cancel", "Delete N
 *                 stories for good"); list "Deleted stories" → listitem (data-story-id) with
 *                 "Deleted <time> by <name>" and button "Restore" (restores and opens the story)
 *   story bar     region "Story actions": the status badge (.cd-badge, data-status), workflow
 *                 buttons "Submit for review", "Approve", "Send back…", "Withdraw from review",
 *                 button "Revisions" (exact; aria-expanded), button "Export" (Ctrl/Cmd+E) → menu "Export
 *                 format" → menuitem "Markdown (.md)", menuitem "NewsML-G2 2.35 (.xml)", menuitem
 *                 "Copydesk package (.copydesk)" (toast "Exported Copydesk package" with the path);
 *                 button "Delete"
 *   revisions     complementary "Revisions": button "Close revisions" (or Escape), button
 *                 /^Compare/ ("Compare with current" with one selected, "Compare the two" with
 *                 two), list "Revision history" → listitem (newest first; data-revision-id) with
 *                 checkbox /^Select <reason>/ and button /^Restore: <reason>/ (text "Restore…")
 *                 → dialog "Compare versions": status "Summary of changes" ("+N words, −M words"),
 *                 regions "Older version" / "Newer version" (removed words as <del>, added as
 *                 <ins>), table with caption "Details" (changed rows .cd-fields__row--changed),
 *                 buttons "Restore the older version…", "Close"
 *                 → dialog "Restore this version?": buttons "Cancel", "Restore this version"
 *   formatting    toolbar "Formatting": buttons "Bold", "Italic", "Heading 2", "Heading 3",
 *                 "Bulleted list", "Numbered list", "Quote", "Link" (Ctrl/Cmd+K), "Undo", "Redo"
 *                 (aria-pressed on formats) → dialog "Add link"/"Edit link": textbox "Link address";
 *                 at the end of that row: status "Save status" (exact texts "Saved", "Saving…",
 *                 "Unsaved changes", "Couldn't save: <message>", "Not saved" after a conflict)
 *                 and, on error, button "Retry"
 *                 (or "Resolve…" after a conflict, which reopens the conflict dialog)
 *   conflict      dialog "This story was changed elsewhere": buttons "Keep mine as a copy",
 *                 "Reload the newer version" (→ dialog
 *                 "Discard your changes?": buttons "Back", "Discard my changes and reload"),
 *                 "Decide later"
 *   story         textbox "Headline", textbox "Story body" (the Lexical editor),
 *                 combobox "Add keyword" → listbox "Keyword suggestions" → option;
 *                 button "Remove keyword <k>" per chip
 *   banners       note "Approval" (exact: "Approval void" also contains it; "Approved by X at T"),
 *                 note "Approval void", note "Review note" ("Sent back by X at T:" and the note)
 *   dialogs       "Send back to the reporter": textbox "Note to the reporter", button "Send to
 *                 reporter" (an empty note shows an alert); "Delete this story?" (says the story
 *                 goes to the trash, and for how many days): buttons "Cancel", "Delete story"
 *   recovery      (instead of the app) heading "Copydesk couldn't open your library" (at start) or
 *                 "Copydesk can no longer read your library" (found while open), note "What
 *                 happened", when text was unsaved: textbox "Unsaved text" and button "Copy text";
 *                 list "Backups" → button /^Restore this backup/ per backup, button
 *                 "Save readable stories as Markdown…" (then a status with the count and folder),
 *                 button "Start a new, empty library" → dialog "Start a new, empty library?":
 *                 buttons "Cancel", "Start a new library"; note "Damaged file" once it is moved
 *   shortcuts     Ctrl/Cmd+N new story, Ctrl/Cmd+S save now (a checkpoint revision), Ctrl/Cmd+E
 *                 export menu, Ctrl/Cmd+B/I bold/italic, Ctrl/Cmd+K link, Enter in the headline
 *                 moves to the body
 *   toasts        region "Notifications": role "status" (confirmations, e.g. "Exported Markdown"
 *                 with the written path in .cd-toast__detail) or "alert" (errors, in plain words),
 *                 button "Dismiss notification"
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ChannelOutput, MenuCommand } from '../../shared/contract.ts';
import type { Settings, Theme } from '../../shared/settings.ts';
import type { RevisionSummary, Role, Story, StoryListRow, TrashedStory } from '../../shared/story.ts';
import { assertNever } from '../../shared/errors.ts';
import { call, errorCode, errorMessage, on, onLibraryDamaged } from './client.ts';
import { ImportDialog, type ImportChoice, type PackageContents } from './components/ImportDialog.tsx';
import { type KeywordCount } from './components/KeywordFilter.tsx';
import { LibraryControls } from './components/LibraryControls.tsx';
import { ImportIcon, PlusIcon, TrashIcon } from './components/icons.tsx';
import { ProfileDialog, ROLE_LABELS } from './components/ProfileDialog.tsx';
import { RecoveryScreen, type RecoveryStatus, type UnsavedText } from './components/RecoveryScreen.tsx';
import { RevisionsPanel } from './components/RevisionsPanel.tsx';
import { StoryEditor, type EditorHandle } from './components/StoryEditor.tsx';
import { StoryList, UNTITLED } from './components/StoryList.tsx';
import { Toasts, useToasts } from './components/Toasts.tsx';
import { TrashView } from './components/TrashView.tsx';
import { countLabel, formatBytes } from './lib/format.ts';
import { isCommandKey, shortcutLabel } from './lib/keys.ts';
import type { StoryContentDraft } from './lib/saver.ts';
import { currentEffectiveTheme, followTheme } from './lib/theme.ts';
import { activePanelFilters, useLibrary } from './lib/useLibrary.ts';

interface OpenStory {
  readonly story: Story;
  /** Bumped to load a fresh copy of the same story (Reload after a conflict, a restore). */
  readonly generation: number;
  readonly focusHeadline: boolean;
}

type LibraryStats = ChannelOutput<'library.stats'>;
type Recovered = { readonly how: 'backup' | 'fresh'; readonly keptAside: string | null };

/** How long after the last save the library size is read again. */
const STATS_DELAY_MS = 800;

function toRow(story: Story, snippet: string | null = null): StoryListRow {
  const { id, headline, status, keywords, author, updatedAt, wordCount, revision } = story;
  return { id, headline, status, keywords, author, updatedAt, wordCount, revision, snippet };
}

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1][0] ?? '') : '')).toUpperCase() || '?';
}

function quoted(headline: string): string {
  return `“${headline.trim() || UNTITLED}”`;
}

/**
 * Opens the library, or the recovery screen when the library file is damaged — at start, or later
 * when main finds the damage (the editor's unsaved text is carried over to be copied).
 */
export function App() {
  const [gate, setGate] = useState<
    | { kind: 'checking' }
    | { kind: 'recovery'; status: RecoveryStatus; unsaved?: UnsavedText | null }
    | { kind: 'ready'; recovered: Recovered | null }
  >({ kind: 'checking' });
  const switching = useRef(false);

  const onDamaged = useCallback(async (unsaved: UnsavedText | null) => {
    if (switching.current) return;
    switching.current = true;
    try {
      const status = await call('recovery.status', {});
      if (status.damaged) setGate({ kind: 'recovery', status, unsaved });
    } catch {
      // The app keeps showing what it has; its calls say what fails.
    } finally {
      switching.current = false;
    }
  }, []);

  useEffect(() => {
    let live = true;
    call('recovery.status', {}).then(
      (status) => {
        if (live) setGate(status.damaged ? { kind: 'recovery', status } : { kind: 'ready', recovered: null });
      },
      // If even the status cannot be read, the app says so where it loads the stories.
      () => live && setGate({ kind: 'ready', recovered: null })
    );
    return () => {
      live = false;
    };
  }, []);

  if (gate.kind === 'checking') return <div className="cd-app cd-app--starting" aria-busy="true" />;
  if (gate.kind === 'recovery') {
    return (
      <RecoveryScreen status={gate.status} unsaved={gate.unsaved} onRecovered={(recovered) => setGate({ kind: 'ready', recovered })} />
    );
  }
  return <Desk recovered={gate.recovered} onDamaged={(unsaved) => void onDamaged(unsaved)} />;
}

function Desk({ recovered, onDamaged }: { recovered: Recovered | null; onDamaged: (unsaved: UnsavedText | null) => void }) {
  const { toasts, notify, dismiss, dismissKey } = useToasts();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const library = useLibrary(notify, setSettings);
  const { rows, setRows } = library;
  const [keywordCounts, setKeywordCounts] = useState<readonly KeywordCount[]>([]);
  const [stats, setStats] = useState<LibraryStats | null>(null);
  const [open, setOpen] = useState<OpenStory | null>(null);
  const [profileOpen, setProfileOpen] = useState(false);
  const [pane, setPane] = useState<'stories' | 'trash'>('stories');
  const [trash, setTrash] = useState<readonly TrashedStory[] | null>(null);
  const [trashError, setTrashError] = useState<string | null>(null);
  const [trashBusy, setTrashBusy] = useState<string | null>(null);
  const [revisionsOpen, setRevisionsOpen] = useState(false);
  /** Opened with the Revisions button: the panel takes the focus (not when it follows a story switch). */
  const focusRevisions = useRef(false);
  const [savedTick, setSavedTick] = useState(0);
  const [importing, setImporting] = useState<PackageContents | null>(null);
  const [importBusy, setImportBusy] = useState(false);
  const now = useNow(30_000);
  const editorRef = useRef<EditorHandle>(null);
  const generation = useRef(0);
  const creating = useRef(false);
  const closeRefused = useRef(false);
  const listRef = useRef<HTMLDivElement>(null);
  const statsTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const keywordSuggestions = useMemo(() => keywordCounts.map((k) => k.keyword), [keywordCounts]);

  // The library turned out to be damaged while open: to the recovery screen, with what is unsaved.
  const onDamagedRef = useRef(onDamaged);
  useEffect(() => {
    onDamagedRef.current = onDamaged;
  }, [onDamaged]);
  useEffect(
    () =>
      onLibraryDamaged(() => {
        const draft = editorRef.current?.draft();
        const unsaved = draft && !draft.saved && (draft.headline.trim() || draft.text.trim()) ? { headline: draft.headline, text: draft.text } : null;
        onDamagedRef.current(unsaved);
      }),
    []
  );

  // After a recovery: say what happened and where the damaged file is.
  useEffect(() => {
    if (!recovered) return;
    notify({
      kind: 'success',
      key: 'recovered',
      message: recovered.how === 'backup' ? 'The backup is restored.' : 'Started a new, empty library.',
      detail: recovered.keptAside ? `The damaged library file is kept at ${recovered.keptAside}` : undefined,
      duration: 30_000,
    });
  }, [recovered, notify]);

  const refreshKeywords = useCallback(async () => {
    try {
      setKeywordCounts(await call('keywords.list', {}));
    } catch (error) {
      notify({ kind: 'error', key: 'keywords', message: `Couldn't load the keyword list. ${errorMessage(error)}` });
    }
  }, [notify]);

  /** The size on disk and the counts; quietly, since they are only informative. */
  const refreshStats = useCallback(async () => {
    if (statsTimer.current) clearTimeout(statsTimer.current);
    statsTimer.current = null;
    try {
      setStats(await call('library.stats', {}));
    } catch {
      setStats(null);
    }
  }, []);
  const refreshStatsSoon = useCallback(() => {
    if (statsTimer.current) clearTimeout(statsTimer.current);
    statsTimer.current = setTimeout(() => void refreshStats(), STATS_DELAY_MS);
  }, [refreshStats]);
  useEffect(
    () => () => {
      if (statsTimer.current) clearTimeout(statsTimer.current);
    },
    []
  );

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      const loaded = await call('settings.get', {});
      setSettings(loaded);
      library.init(loaded);
      void refreshKeywords();
      void refreshStats();
    } catch (error) {
      setLoadError(errorMessage(error));
    }
    // `library.init` is stable; listing all of `library` would reload on every list change.
  }, [refreshKeywords, refreshStats, library.init]);

  useEffect(() => {
    void load();
  }, [load]);

  const themeSetting: Theme = settings?.theme ?? 'system';
  useEffect(() => followTheme(themeSetting), [themeSetting]);

  /** Save the open story before leaving it; keep it open if that fails, so no text is lost. */
  const flushOpen = useCallback(async (): Promise<boolean> => {
    const handle = editorRef.current;
    if (!handle) return true;
    const saved = await handle.flush();
    if (!saved) {
      notify({
        kind: 'error',
        key: 'leave',
        message: "This story's latest changes couldn't be saved, so it stays open and your text stays as it is.",
        detail: 'Use Retry beside the save status, or copy your text somewhere safe.',
      });
    }
    return saved;
  }, [notify]);

  const show = useCallback((story: Story, focusHeadline = false) => {
    setOpen({ story, generation: ++generation.current, focusHeadline });
  }, []);

  const openStory = useCallback(
    async (id: string) => {
      if (open?.story.id === id) return;
      if (!(await flushOpen())) return;
      try {
        show(await call('stories.get', { id }));
      } catch (error) {
        notify({ kind: 'error', key: 'open', message: `Couldn't open the story. ${errorMessage(error)}` });
        if (errorCode(error) === 'not_found') setRows((list) => list?.filter((s) => s.id !== id) ?? list);
      }
    },
    [open, flushOpen, notify, show, setRows]
  );

  const newStory = useCallback(async () => {
    if (creating.current) return;
    creating.current = true;
    try {
      if (!(await flushOpen())) return;
      const story = await call('stories.create', {});
      setPane('stories');
      setRows((list) => [toRow(story), ...(list ?? []).filter((s) => s.id !== story.id)]);
      show(story, true);
      void refreshStats();
    } catch (error) {
      notify({ kind: 'error', key: 'create', message: `Couldn't create a story. ${errorMessage(error)}` });
    } finally {
      creating.current = false;
    }
  }, [flushOpen, notify, show, setRows, refreshStats]);

  const rowsRef = useRef(rows);
  useEffect(() => {
    rowsRef.current = rows;
  }, [rows]);
  /** A story changed (saved, transitioned, restored): its row changes in place, nothing jumps. */
  const onStoryUpdated = useCallback(
    (story: Story) => {
      const previous = rowsRef.current?.find((s) => s.id === story.id);
      setRows((list) => list?.map((s) => (s.id === story.id ? toRow(story, s.snippet) : s)) ?? list);
      if (!previous || previous.keywords.join('\u0000') !== story.keywords.join('\u0000')) void refreshKeywords();
      setSavedTick((t) => t + 1);
      refreshStatsSoon();
    },
    [refreshKeywords, refreshStatsSoon, setRows]
  );

  const onDeleted = useCallback(
    (id: string) => {
      setRows((list) => list?.filter((s) => s.id !== id) ?? list);
      setOpen((current) => (current?.story.id === id ? null : current));
      void refreshKeywords();
      void refreshStats();
      requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>('.cd-row')?.focus());
    },
    [refreshKeywords, refreshStats, setRows]
  );

  const onReload = useCallback(
    async (id: string) => {
      try {
        const story = await call('stories.get', { id });
        show(story);
        onStoryUpdated(story);
        notify({ kind: 'info', key: 'reload', message: 'Loaded the newer version of the story.' });
      } catch (error) {
        notify({ kind: 'error', key: 'reload', message: `Couldn't reload the story. ${errorMessage(error)}` });
      }
    },
    [notify, show, onStoryUpdated]
  );

  /** After a conflict: the text in the editor becomes a new story; the original shows its newer version. */
  const keepCopy = useCallback(
    async (source: Story, content: StoryContentDraft): Promise<boolean> => {
      try {
        const copy = await call('stories.createCopy', { ...content, sourceId: source.id });
        show(copy);
        setRows((list) => [toRow(copy), ...(list ?? []).filter((s) => s.id !== copy.id)]);
        notify({
          kind: 'success',
          key: 'copy',
          message: 'Your version is saved as a new story.',
          detail: `The original ${quoted(source.headline)} keeps the newer version.`,
          duration: 10_000,
        });
        void refreshStats();
        void refreshKeywords();
        try {
          const original = await call('stories.get', { id: source.id });
          setRows((list) => list?.map((s) => (s.id === original.id ? toRow(original, s.snippet) : s)) ?? list);
        } catch {
          library.refresh();
        }
        return true;
      } catch (error) {
        notify({ kind: 'error', key: 'copy', message: `Couldn't save your version as a copy. ${errorMessage(error)}` });
        return false;
      }
    },
    [notify, show, setRows, refreshStats, refreshKeywords, library.refresh]
  );

  /** Bring back an older revision: save what is typed, restore on the save queue, reload the editor. */
  const restoreRevision = useCallback(
    async (revision: RevisionSummary): Promise<boolean> => {
      const handle = editorRef.current;
      if (!handle || handle.storyId !== revision.storyId) return false;
      try {
        const story = await handle.exclusive((baseRevision) =>
          call('revisions.restore', { id: revision.storyId, revisionId: revision.id, baseRevision })
        );
        show(story);
        onStoryUpdated(story);
        notify({ kind: 'success', key: 'restore', message: 'The older version is restored.', detail: 'The text before it is kept as a revision.' });
        return true;
      } catch (error) {
        notify({ kind: 'error', key: 'restore', message: `Couldn't restore that version. ${errorMessage(error)}` });
        return false;
      }
    },
    [notify, show, onStoryUpdated]
  );

  /** For "Compare with current": save what is typed, then read the story as stored. */
  const loadCurrent = useCallback(async (): Promise<Story | null> => {
    const handle = editorRef.current;
    if (!handle) return null;
    if (!(await handle.flush())) {
      notify({ kind: 'error', key: 'compare', message: "The latest changes couldn't be saved, so there is no current version to compare with yet." });
      return null;
    }
    return call('stories.get', { id: handle.storyId });
  }, [notify]);

  // --- The trash ---

  const refreshTrash = useCallback(async () => {
    try {
      setTrash(await call('trash.list', {}));
      setTrashError(null);
    } catch (error) {
      setTrashError(errorMessage(error));
    }
  }, []);

  const showTrash = useCallback(
    (visible: boolean) => {
      setPane(visible ? 'trash' : 'stories');
      if (visible) void refreshTrash();
    },
    [refreshTrash]
  );

  const restoreFromTrash = useCallback(
    async (item: TrashedStory) => {
      setTrashBusy(item.id);
      try {
        if (!(await flushOpen())) return;
        const story = await call('trash.restore', { id: item.id });
        setTrash((list) => list?.filter((t) => t.id !== item.id) ?? list);
        setPane('stories');
        library.refresh();
        show(story, true);
        void refreshStats();
        void refreshKeywords();
        notify({ kind: 'success', key: 'trash', message: `Restored ${quoted(story.headline)}.` });
      } catch (error) {
        notify({ kind: 'error', key: 'trash', message: `Couldn't restore the story. ${errorMessage(error)}` });
        void refreshTrash();
      } finally {
        setTrashBusy(null);
      }
    },
    [flushOpen, notify, show, refreshStats, refreshKeywords, refreshTrash, library.refresh]
  );

  const emptyTrash = useCallback(async (): Promise<boolean> => {
    try {
      const { purged } = await call('trash.empty', {});
      notify({ kind: 'success', key: 'trash', message: `Deleted ${countLabel(purged, 'story', 'stories')} for good.` });
      void refreshTrash();
      void refreshStats();
      return true;
    } catch (error) {
      notify({ kind: 'error', key: 'trash', message: `Couldn't empty the trash. ${errorMessage(error)}` });
      return false;
    }
  }, [notify, refreshTrash, refreshStats]);

  // --- Packages ---

  const inspectPackage = useCallback(async () => {
    try {
      if (!(await flushOpen())) return;
      const contents = await call('packages.inspect', {});
      if (contents.file === null) return;
      setImporting({ ...contents, file: contents.file });
    } catch (error) {
      notify({ kind: 'error', key: 'import', message: `Couldn't read the package. ${errorMessage(error)}` });
    }
  }, [flushOpen, notify]);

  const importPackage = useCallback(
    async (choice: ImportChoice) => {
      if (!importing) return;
      setImportBusy(true);
      try {
        const anyExisting = importing.stories.some((s) => s.exists);
        const openId = editorRef.current?.storyId ?? null;
        const run = () => call('packages.import', { file: importing.file, onConflict: anyExisting ? choice : 'ask' });
        // An import over the open story runs on its save queue, so no save races it.
        const box: { result?: ChannelOutput<'packages.import'> } = {};
        const overOpen = openId !== null && choice === 'revision' && importing.stories.some((s) => s.exists && s.id === openId);
        if (overOpen && editorRef.current) {
          await editorRef.current.exclusive(async () => {
            box.result = await run();
            return call('stories.get', { id: openId });
          });
        } else {
          box.result = await run();
        }
        const imported = box.result?.imported ?? [];
        setImporting(null);
        const counts = { new: 0, revision: 0, copy: 0 };
        for (const item of imported) counts[item.as]++;
        const parts = [
          counts.new ? `${counts.new} new` : '',
          counts.revision ? `${counts.revision} as a new revision` : '',
          counts.copy ? `${counts.copy} as a separate copy` : '',
        ].filter(Boolean);
        notify({
          kind: 'success',
          key: 'import',
          message: `Imported ${countLabel(imported.length, 'story', 'stories')}.`,
          detail: parts.length ? `${parts.join(', ')}.` : undefined,
          duration: 10_000,
        });
        setPane('stories');
        library.refresh();
        void refreshKeywords();
        void refreshStats();
        if (overOpen && openId) show(await call('stories.get', { id: openId }));
      } catch (error) {
        notify({ kind: 'error', key: 'import', message: `Couldn't import the package. ${errorMessage(error)}` });
      } finally {
        setImportBusy(false);
      }
    },
    [importing, notify, show, refreshKeywords, refreshStats, library.refresh]
  );

  // --- Profile, theme, shortcuts, closing ---

  const saveProfile = useCallback(async (patch: { name: string; role: Role; theme: Theme; trashRetentionDays: number }) => {
    const updated = await call('settings.update', {
      profile: { name: patch.name, role: patch.role },
      theme: patch.theme,
      trashRetentionDays: patch.trashRetentionDays,
    });
    setSettings(updated);
    setProfileOpen(false);
  }, []);

  const toggleTheme = useCallback(async () => {
    const next: Theme = currentEffectiveTheme() === 'dark' ? 'light' : 'dark';
    try {
      setSettings(await call('settings.update', { theme: next }));
    } catch (error) {
      notify({ kind: 'error', key: 'theme', message: `Couldn't change the theme. ${errorMessage(error)}` });
    }
  }, [notify]);

  const saveNow = useCallback(async () => {
    await editorRef.current?.flush({ checkpoint: true });
  }, []);

  /**
   * Main asks before the window closes: save, then say so. If the save fails the window stays
   * open (`app.keepOpen`) and we say why; closing it again quits without those changes.
   */
  const flushForClose = useCallback(async () => {
    const saved = (await editorRef.current?.flush()) ?? true;
    if (saved || closeRefused.current) {
      closeRefused.current = false;
      try {
        await call('app.readyToClose', {});
      } catch (error) {
        notify({ kind: 'error', key: 'close', message: `Couldn't close the window. ${errorMessage(error)}` });
      }
      return;
    }
    closeRefused.current = true;
    try {
      await call('app.keepOpen', {});
    } catch {
      // Main's close guard gives up waiting on its own.
    }
    notify({
      kind: 'error',
      key: 'close',
      message: "Your latest changes couldn't be saved, so Copydesk stayed open.",
      detail: 'Use Retry beside the save status, or close the window again to quit without those changes.',
    });
  }, [notify]);

  const runMenuCommand = useCallback(
    (command: MenuCommand) => {
      switch (command) {
        case 'new-story':
          void newStory();
          return;
        case 'save':
          void saveNow();
          return;
        case 'export':
          editorRef.current?.openExport();
          return;
        case 'delete':
          editorRef.current?.requestDelete();
          return;
        case 'toggle-theme':
          void toggleTheme();
          return;
        default:
          assertNever(command, 'menu command');
      }
    },
    [newStory, saveNow, toggleTheme]
  );

  // Events from main, and the keyboard shortcuts of the window.
  const handlers = useRef({ runMenuCommand, flushForClose, newStory, saveNow });
  useEffect(() => {
    handlers.current = { runMenuCommand, flushForClose, newStory, saveNow };
  }, [runMenuCommand, flushForClose, newStory, saveNow]);
  useEffect(() => {
    const offMenu = on('menu.command', ({ command }) => handlers.current.runMenuCommand(command));
    const offFlush = on('app.flush', () => void handlers.current.flushForClose());
    const onKeyDown = (event: KeyboardEvent) => {
      if (isCommandKey(event, 's') && !event.shiftKey) {
        event.preventDefault();
        void handlers.current.saveNow();
      } else if (isCommandKey(event, 'n') && !event.shiftKey) {
        event.preventDefault();
        if (!document.querySelector('dialog[open]')) void handlers.current.newStory();
      } else if (isCommandKey(event, 'e') && !event.shiftKey) {
        event.preventDefault();
        if (!document.querySelector('dialog[open]')) handlers.current.runMenuCommand('export');
      }
    };
    // The application menu has the same accelerators. A handled (preventDefault) key does not
    // reach the menu, and `newStory` ignores a second request while one is in flight.
    // Leaving the page: start the save; main's app.flush is what waits for it in the app.
    const onLeave = () => void editorRef.current?.flush();
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('beforeunload', onLeave);
    window.addEventListener('pagehide', onLeave);
    return () => {
      offMenu();
      offFlush();
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('beforeunload', onLeave);
      window.removeEventListener('pagehide', onLeave);
    };
  }, []);

  const role: Role = settings?.profile.role ?? 'reporter';
  const name = settings?.profile.name ?? '';
  const retentionDays = settings?.trashRetentionDays ?? 30;
  const filtered = library.searching || library.view.keyword !== undefined || activePanelFilters(library.view) > 0;
  // The size is read a moment after saves: never show fewer stories in all than in the list.
  const total = stats ? Math.max(stats.stories, rows?.length ?? 0) : null;
  const trashCount = stats?.trash ?? trash?.length ?? 0;

  const clearAll = () => {
    library.setQuery('');
    library.changeView({ keyword: undefined, status: undefined, author: undefined, from: undefined, to: undefined });
  };

  const listSummary =
    rows === null
      ? ''
      : filtered
        ? total !== null
          ? `${rows.length.toLocaleString()} of ${countLabel(total, 'story', 'stories')} ${rows.length === 1 ? 'matches' : 'match'}`
          : `${countLabel(rows.length, 'story', 'stories')} ${rows.length === 1 ? 'matches' : 'match'}`
        : countLabel(rows.length, 'story', 'stories');

  const onlyKeyword = library.view.keyword !== undefined && !library.searching && activePanelFilters(library.view) === 0;

  return (
    <div className="cd-app">
      <header className="cd-header">
        <div className="cd-brand">
          <span className="cd-brand__mark" aria-hidden="true">
            ¶
          </span>
          Copydesk
        </div>
        {settings ? (
          <button
            type="button"
            className="cd-profile"
            aria-haspopup="dialog"
            aria-label={`Profile: ${name}, ${ROLE_LABELS[role]}`}
            title="Change your name, role or theme"
            onClick={() => setProfileOpen(true)}
          >
            <span className="cd-profile__avatar" aria-hidden="true">
              {initials(name)}
            </span>
            <span className="cd-profile__name" dir="auto">
              {name}
            </span>
            <span className={`cd-profile__role cd-profile__role--${role}`}>{ROLE_LABELS[role]}</span>
          </button>
        ) : null}
      </header>

      <div className="cd-layout">
        <aside className="cd-sidebar" aria-label="Story list">
          {pane === 'trash' ? (
            <TrashView
              items={trash}
              error={trashError}
              now={now}
              retentionDays={retentionDays}
              busyId={trashBusy}
              onRestore={(item) => void restoreFromTrash(item)}
              onEmpty={emptyTrash}
              onBack={() => showTrash(false)}
              onRetry={() => void refreshTrash()}
            />
          ) : (
            <>
              <div className="cd-sidebar__top">
                <div className="cd-sidebar__actions">
                  <button
                    type="button"
                    className="cd-button cd-button--primary cd-button--wide"
                    title={`New story (${shortcutLabel('N')})`}
                    aria-keyshortcuts="Control+N"
                    disabled={!settings}
                    onClick={() => void newStory()}
                  >
                    <PlusIcon />
                    New story
                  </button>
                  <button
                    type="button"
                    className="cd-button cd-sidebar__import"
                    aria-label="Import package…"
                    title="Import stories from a Copydesk package (.copydesk)"
                    disabled={!settings}
                    onClick={() => void inspectPackage()}
                  >
                    <ImportIcon />
                    <span aria-hidden="true">Import…</span>
                  </button>
                </div>
                <LibraryControls library={library} keywords={keywordCounts} />
              </div>
              <div className="cd-sidebar__summary" hidden={rows !== null && rows.length === 0 && !filtered}>
                <span role="status" aria-label="List summary" className={library.pending ? 'cd-sidebar__count cd-sidebar__count--pending' : 'cd-sidebar__count'}>
                  {listSummary}
                </span>
                {filtered ? (
                  <button type="button" className="cd-link-button" onClick={clearAll}>
                    Clear all
                  </button>
                ) : null}
              </div>
              <div className="cd-sidebar__list" ref={listRef}>
                {loadError || (library.error && rows === null) ? (
                  <div className="cd-empty cd-empty--error" role="alert">
                    <p>Copydesk couldn't load your stories.</p>
                    <p className="cd-empty__detail">{loadError ?? library.error}</p>
                    <button type="button" className="cd-button" onClick={() => (loadError ? void load() : library.refresh())}>
                      Try again
                    </button>
                  </div>
                ) : rows === null ? (
                  <p className="cd-empty">Loading stories…</p>
                ) : rows.length === 0 ? (
                  onlyKeyword ? (
                    <div className="cd-empty">
                      <p>
                        No stories with the keyword “<span dir="auto">{library.view.keyword}</span>”.
                      </p>
                      <button type="button" className="cd-button" onClick={() => library.changeView({ keyword: undefined })}>
                        Show all stories
                      </button>
                    </div>
                  ) : filtered ? (
                    <div className="cd-empty">
                      <p>
                        {library.searching ? (
                          <>
                            No stories match “<span dir="auto">{library.query.trim()}</span>”
                            {library.view.keyword !== undefined || activePanelFilters(library.view) > 0 ? ' with these filters.' : '.'}
                          </>
                        ) : (
                          'No stories match these filters.'
                        )}
                      </p>
                      <button type="button" className="cd-button" onClick={clearAll}>
                        Clear search and filters
                      </button>
                    </div>
                  ) : (
                    <p className="cd-empty">No stories yet — press New story ({shortcutLabel('N')}) to start</p>
                  )
                ) : (
                  <StoryList
                    stories={rows}
                    selectedId={open?.story.id ?? null}
                    now={now}
                    query={library.searching ? library.query : undefined}
                    onOpen={(id) => void openStory(id)}
                  />
                )}
              </div>
            </>
          )}
          <footer className="cd-sidebar__footer">
            <button
              type="button"
              className={pane === 'trash' ? 'cd-button cd-button--quiet cd-trash-button cd-trash-button--active' : 'cd-button cd-button--quiet cd-trash-button'}
              aria-pressed={pane === 'trash'}
              aria-label={trashCount === 0 ? 'Trash, empty' : `Trash, ${countLabel(trashCount, 'story', 'stories')}`}
              title={pane === 'trash' ? 'Back to the stories' : 'Deleted stories'}
              onClick={() => showTrash(pane !== 'trash')}
            >
              <TrashIcon />
              Trash
              <span className="cd-count cd-count--quiet">{trashCount}</span>
            </button>
            {stats ? (
              <span className="cd-stats" role="note" aria-label="Library size" title={`Library folder: ${stats.dataDir}`}>
                {formatBytes(stats.bytes)} · {countLabel(stats.stories, 'story', 'stories')} · {countLabel(stats.revisions, 'revision', 'revisions')}
              </span>
            ) : null}
          </footer>
        </aside>

        <main className="cd-main">
          {open && settings ? (
            <StoryEditor
              key={`${open.story.id}:${open.generation}`}
              ref={editorRef}
              story={open.story}
              role={role}
              keywordSuggestions={keywordSuggestions}
              now={now}
              notify={notify}
              dismissNotice={dismissKey}
              onStoryUpdated={onStoryUpdated}
              onDeleted={onDeleted}
              onReload={(id) => void onReload(id)}
              onKeepCopy={keepCopy}
              trashRetentionDays={retentionDays}
              revisionsOpen={revisionsOpen}
              onToggleRevisions={() => {
                focusRevisions.current = !revisionsOpen;
                setRevisionsOpen(!revisionsOpen);
              }}
              sidePanel={
                revisionsOpen ? (
                  <RevisionsPanel
                    storyId={open.story.id}
                    refreshKey={savedTick}
                    takeFocus={focusRevisions}
                    now={now}
                    notify={notify}
                    loadCurrent={loadCurrent}
                    onRestore={restoreRevision}
                    onClose={() => {
                      setRevisionsOpen(false);
                      requestAnimationFrame(() => document.querySelector<HTMLElement>('button[aria-label="Revisions"]')?.focus());
                    }}
                  />
                ) : null
              }
              focusHeadlineOnMount={open.focusHeadline}
            />
          ) : (
            <div className="cd-main__empty">
              {rows && rows.length > 0 ? (
                <p>Choose a story from the list, or press New story ({shortcutLabel('N')}).</p>
              ) : rows && !filtered ? (
                <>
                  <p className="cd-main__empty-title">Write the first story</p>
                  <p>Use New story ({shortcutLabel('N')}). Copydesk saves as you type.</p>
                </>
              ) : null}
            </div>
          )}
        </main>
      </div>

      <Toasts toasts={toasts} dismiss={dismiss} />
      {settings ? (
        <ProfileDialog open={profileOpen} settings={settings} onCancel={() => setProfileOpen(false)} onSave={saveProfile} />
      ) : null}
      <ImportDialog contents={importing} busy={importBusy} onCancel={() => setImporting(null)} onImport={(choice) => void importPackage(choice)} />
    </div>
  );
}

/**
 * Copydesk's window: the story list on the left, the open story on the right, the profile in the
 * header. Talks to main only through `client.ts`.
 *
 * Selectors for tests (role + accessible name; stable, do not rename without updating e2e/):
 *   header        button /^Profile: <name>, <Role>/   → dialog "Profile": textbox "Name",
 *                 combobox "Role" (reporter|editor), combobox "Theme" (system|light|dark),
 *                 buttons "Save", "Cancel"
 *   list pane     button "New story" (Ctrl/Cmd+N), combobox "Filter by keyword" (option "All
 *                 keywords" has value ""), list "Stories" → listitem → one button per story
 *                 (aria-current="true" on the open one; attribute data-story-id), text
 *                 "No stories yet — press New story (Ctrl+N) to start" when empty
 *   story bar     region "Story actions": the status badge (.cd-badge, data-status), workflow
 *                 buttons "Submit for review", "Approve", "Send back…", "Withdraw from review",
 *                 button "Export" (Ctrl/Cmd+E) → menu "Export format" → menuitem
 *                 "Markdown (.md)", menuitem "NewsML-G2 2.35 (.xml)"; button "Delete"
 *   formatting    toolbar "Formatting": buttons "Bold", "Italic", "Heading 2", "Heading 3",
 *                 "Bulleted list", "Numbered list", "Quote", "Link" (Ctrl/Cmd+K), "Undo", "Redo"
 *                 (aria-pressed on formats) → dialog "Add link"/"Edit link": textbox "Link address";
 *                 at the end of that row: status "Save status" (exact texts "Saved", "Saving…",
 *                 "Unsaved changes", "Couldn't save: <message>") and, on error, button "Retry"
 *                 (or "Reload" after a conflict)
 *   story         textbox "Headline", textbox "Story body" (the Lexical editor),
 *                 combobox "Add keyword" → listbox "Keyword suggestions" → option;
 *                 button "Remove keyword <k>" per chip
 *   banners       note "Approval" (exact: "Approval void" also contains it; "Approved by X at T"),
 *                 note "Approval void", note "Review note" ("Sent back by X at T:" and the note)
 *   dialogs       "Send back to the reporter": textbox "Note to the reporter", button "Send to
 *                 reporter" (an empty note shows an alert); "Delete this story?": buttons
 *                 "Cancel", "Delete story"
 *   shortcuts     Ctrl/Cmd+N new story, Ctrl/Cmd+S save now (a checkpoint revision), Ctrl/Cmd+E
 *                 export menu, Ctrl/Cmd+B/I bold/italic, Ctrl/Cmd+K link, Enter in the headline
 *                 moves to the body
 *   toasts        region "Notifications": role "status" (confirmations, e.g. "Exported Markdown"
 *                 with the written path in .cd-toast__detail) or "alert" (errors, in plain words),
 *                 button "Dismiss notification"
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MenuCommand } from '../../shared/contract.ts';
import type { Settings, Theme } from '../../shared/settings.ts';
import type { Role, Story, StorySummary } from '../../shared/story.ts';
import { assertNever } from '../../shared/errors.ts';
import { call, errorCode, errorMessage, on } from './client.ts';
import { KeywordFilter, type KeywordCount } from './components/KeywordFilter.tsx';
import { PlusIcon } from './components/icons.tsx';
import { ProfileDialog, ROLE_LABELS } from './components/ProfileDialog.tsx';
import { StoryEditor, type EditorHandle } from './components/StoryEditor.tsx';
import { StoryList } from './components/StoryList.tsx';
import { Toasts, useToasts } from './components/Toasts.tsx';
import { isCommandKey, shortcutLabel } from './lib/keys.ts';
import { currentEffectiveTheme, followTheme } from './lib/theme.ts';

interface OpenStory {
  readonly story: Story;
  /** Bumped to load a fresh copy of the same story (Reload after a conflict). */
  readonly generation: number;
  readonly focusHeadline: boolean;
}

function toSummary(story: Story): StorySummary {
  const { id, headline, status, keywords, author, updatedAt, wordCount, revision } = story;
  return { id, headline, status, keywords, author, updatedAt, wordCount, revision };
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

export function App() {
  const { toasts, notify, dismiss, dismissKey } = useToasts();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [stories, setStories] = useState<readonly StorySummary[] | null>(null);
  const [keywordCounts, setKeywordCounts] = useState<readonly KeywordCount[]>([]);
  const [filter, setFilter] = useState<string | null>(null);
  const [open, setOpen] = useState<OpenStory | null>(null);
  const [profileOpen, setProfileOpen] = useState(false);
  const now = useNow(30_000);
  const editorRef = useRef<EditorHandle>(null);
  const generation = useRef(0);
  const creating = useRef(false);
  const closeRefused = useRef(false);
  const listRef = useRef<HTMLDivElement>(null);

  const keywordSuggestions = useMemo(() => keywordCounts.map((k) => k.keyword), [keywordCounts]);

  const refreshKeywords = useCallback(async () => {
    try {
      setKeywordCounts(await call('keywords.list', {}));
    } catch (error) {
      notify({ kind: 'error', key: 'keywords', message: `Couldn't load the keyword list. ${errorMessage(error)}` });
    }
  }, [notify]);

  const refreshList = useCallback(
    async (keyword: string | null) => {
      try {
        setStories(await call('stories.list', keyword ? { keyword } : {}));
      } catch (error) {
        notify({ kind: 'error', key: 'list', message: `Couldn't load the story list. ${errorMessage(error)}` });
      }
    },
    [notify]
  );

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      const loaded = await call('settings.get', {});
      setSettings(loaded);
      setFilter(loaded.lastKeywordFilter);
      const [list, keywords] = await Promise.all([
        call('stories.list', loaded.lastKeywordFilter ? { keyword: loaded.lastKeywordFilter } : {}),
        call('keywords.list', {}),
      ]);
      setStories(list);
      setKeywordCounts(keywords);
    } catch (error) {
      setLoadError(errorMessage(error));
    }
  }, []);

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

  const openStory = useCallback(
    async (id: string) => {
      if (open?.story.id === id) return;
      if (!(await flushOpen())) return;
      try {
        const story = await call('stories.get', { id });
        setOpen({ story, generation: ++generation.current, focusHeadline: false });
      } catch (error) {
        notify({ kind: 'error', key: 'open', message: `Couldn't open the story. ${errorMessage(error)}` });
        if (errorCode(error) === 'not_found') setStories((list) => list?.filter((s) => s.id !== id) ?? list);
      }
    },
    [open, flushOpen, notify]
  );

  const newStory = useCallback(async () => {
    if (creating.current) return;
    creating.current = true;
    try {
      if (!(await flushOpen())) return;
      const story = await call('stories.create', {});
      setStories((list) => [toSummary(story), ...(list ?? []).filter((s) => s.id !== story.id)]);
      setOpen({ story, generation: ++generation.current, focusHeadline: true });
    } catch (error) {
      notify({ kind: 'error', key: 'create', message: `Couldn't create a story. ${errorMessage(error)}` });
    } finally {
      creating.current = false;
    }
  }, [flushOpen, notify]);

  const storiesRef = useRef(stories);
  useEffect(() => {
    storiesRef.current = stories;
  }, [stories]);
  const onStoryUpdated = useCallback(
    (story: Story) => {
      const previous = storiesRef.current?.find((s) => s.id === story.id);
      setStories((list) => list?.map((s) => (s.id === story.id ? toSummary(story) : s)) ?? list);
      if (!previous || previous.keywords.join('\u0000') !== story.keywords.join('\u0000')) void refreshKeywords();
    },
    [refreshKeywords]
  );

  const onDeleted = useCallback(
    (id: string) => {
      setStories((list) => list?.filter((s) => s.id !== id) ?? list);
      setOpen((current) => (current?.story.id === id ? null : current));
      void refreshKeywords();
      requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>('.cd-row')?.focus());
    },
    [refreshKeywords]
  );

  const onReload = useCallback(
    async (id: string) => {
      try {
        const story = await call('stories.get', { id });
        setOpen({ story, generation: ++generation.current, focusHeadline: false });
        notify({ kind: 'info', key: 'reload', message: 'Loaded the saved version of the story.' });
      } catch (error) {
        notify({ kind: 'error', key: 'reload', message: `Couldn't reload the story. ${errorMessage(error)}` });
      }
    },
    [notify]
  );

  const changeFilter = useCallback(
    async (keyword: string | null) => {
      setFilter(keyword);
      void refreshList(keyword);
      try {
        setSettings(await call('settings.update', { lastKeywordFilter: keyword }));
      } catch (error) {
        notify({ kind: 'error', key: 'filter', message: `Couldn't remember the keyword filter. ${errorMessage(error)}` });
      }
    },
    [refreshList, notify]
  );

  const saveProfile = useCallback(
    async (patch: { name: string; role: Role; theme: Theme }) => {
      const updated = await call('settings.update', { profile: { name: patch.name, role: patch.role }, theme: patch.theme });
      setSettings(updated);
      setProfileOpen(false);
    },
    []
  );

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
   * Main asks before the window closes: save, then say so. If the save fails we do not confirm,
   * and say why; main's close guard still closes the window after its timeout (3 s).
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
          <div className="cd-sidebar__top">
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
            <KeywordFilter keywords={keywordCounts} value={filter} onChange={(k) => void changeFilter(k)} />
          </div>
          <div className="cd-sidebar__list" ref={listRef}>
            {loadError ? (
              <div className="cd-empty cd-empty--error" role="alert">
                <p>Copydesk couldn't load your stories.</p>
                <p className="cd-empty__detail">{loadError}</p>
                <button type="button" className="cd-button" onClick={() => void load()}>
                  Try again
                </button>
              </div>
            ) : stories === null ? (
              <p className="cd-empty">Loading stories…</p>
            ) : stories.length === 0 ? (
              filter ? (
                <div className="cd-empty">
                  <p>
                    No stories with the keyword “<span dir="auto">{filter}</span>”.
                  </p>
                  <button type="button" className="cd-button" onClick={() => void changeFilter(null)}>
                    Show all stories
                  </button>
                </div>
              ) : (
                <p className="cd-empty">No stories yet — press New story ({shortcutLabel('N')}) to start</p>
              )
            ) : (
              <StoryList stories={stories} selectedId={open?.story.id ?? null} now={now} onOpen={(id) => void openStory(id)} />
            )}
          </div>
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
              focusHeadlineOnMount={open.focusHeadline}
            />
          ) : (
            <div className="cd-main__empty">
              {stories && stories.length > 0 ? (
                <p>Choose a story from the list, or press New story ({shortcutLabel('N')}).</p>
              ) : stories ? (
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
    </div>
  );
}

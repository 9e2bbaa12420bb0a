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
 *   import        button "Import files…" (File → Import…) opens the file picker (input "Files to
 *                 import"); files dropped on the window: region "Drop files to import" while
 *                 dragging, status "Import progress" ("Importing 3 of 12…"), then dialog
 *                 "Imported N stories" / "Imported N stories, M refused" / "Couldn't import N
 *                 files": list "Imported files" → listitem per file (its name; description list
 *                 "Recognised in <file>" with each field and its value; list "Notes on <file>";
 *                 or an alert with why it was refused), button "Open <headline>", button "Close"
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
 *   details       region "Story details" (the metadata panel; its toggle is button "Story details",
 *                 aria-expanded, remembered): when closed, "Details summary"; fields by label:
 *                 "Slugline" (count "17 / 30"), "Summary", button "Add contributor" → "Contributor N
 *                 name|role|affiliation", "Remove contributor N"; "Dateline place|country code|date|
 *                 agency" and "Dateline preview"; "Located place|country code"; "Language" (with
 *                 "Language source": detected|chosen), "Genre", "Urgency", "Desk"; "Embargo until",
 *                 "Embargo time zone" (status "Time zone change" after a change), "Embargo countdown";
 *                 "Credit line", "Copyright holder", "Copyright notice", "Usage terms"; list
 *                 "Pictures" → listitem "Picture N: <file>" (radio "Lead picture: <file>", "Caption
 *                 for <file>"…), button "Add pictures…" (images may also be dropped on the region);
 *                 "Target length (words)", "Length now"; "Editorial note — never published"
 *                 alert "Changed elsewhere" (the open story has a newer stored version) with "Reload"
 *   list marks    row parts .cd-row__slug, abbr.cd-row__language (title: the language), .cd-row__embargo,
 *                 .cd-row__urgency (1–3), img.cd-row__picture; filters "Filter by language", "Filter by
 *                 desk", checkbox "Embargoed only"
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
import { useRef, useState } from 'react';
import type { Settings } from '../../shared/settings.ts';
import type { Role } from '../../shared/story.ts';
import { ImportFilePicker, ImportOverlay, ImportSummary, useFileImport, useFilePicker, useWindowDrop } from './features/import/index.ts';
import { ImportDialog, usePackageImport } from './features/packages/index.ts';
import { ProfileDialog, useProfile } from './features/profile/index.ts';
import { type Recovered, RecoveryScreen, type UnsavedText, useDamageHandoff, useRecoveredNotice, useRecoveryGate } from './features/recovery/index.ts';
import { RevisionsPanel, useRevisions } from './features/revisions/index.ts';
import { type EditorHandle, StoryEditor, TypeAheadBuffer, useConflictChoices, useTypeAhead } from './features/story/index.ts';
import { houseRules } from './features/metadata/index.ts';
import { Toasts, useToasts } from './ui/index.ts';
import { TrashView, useTrash } from './features/trash/index.ts';
import { DeskHeader, useLoadDesk, useSaveBeforeClose, useShortcuts } from './app/index.ts';
import {
  activePanelFilters,
  LibraryFooter,
  NoStoryOpen,
  StoriesPane,
  useKeywordList,
  useLibrary,
  useLibraryChanges,
  useLibraryStats,
  useOpenStory,
  useStoryActions,
} from './features/library/index.ts';
import { useNow } from './lib/index.ts';

/**
 * Opens the library, or the recovery screen when the library file is damaged — at start, or later
 * when main finds the damage (the editor's unsaved text is carried over to be copied).
 */
export function App() {
  const { gate, onDamaged, onRecovered } = useRecoveryGate();
  if (gate.kind === 'checking') return <div className="cd-app cd-app--starting" aria-busy="true" />;
  if (gate.kind === 'recovery') return <RecoveryScreen status={gate.status} unsaved={gate.unsaved} onRecovered={onRecovered} />;
  return <Desk recovered={gate.recovered} onDamaged={(unsaved) => void onDamaged(unsaved)} />;
}

/** The desk: each concern is a hook in desk/; this puts them together and lays out the window. */
function Desk({ recovered, onDamaged }: { recovered: Recovered | null; onDamaged: (unsaved: UnsavedText | null) => void }) {
  const { toasts, notify, dismiss, dismissKey } = useToasts();
  const [settings, setSettings] = useState<Settings | null>(null);
  const library = useLibrary(notify, setSettings);
  const { rows, setRows, refresh: refreshList } = library;
  const typeAhead = useTypeAhead();
  const now = useNow(30_000);
  const editorRef = useRef<EditorHandle>(null);
  const listRef = useRef<HTMLDivElement>(null);
  useDamageHandoff(editorRef, onDamaged);
  useRecoveredNotice(recovered, notify);
  const { counts: keywordCounts, suggestions: keywordSuggestions, refresh: refreshKeywords } = useKeywordList(notify);
  const { stats, refresh: refreshStats, refreshSoon: refreshStatsSoon } = useLibraryStats();
  const { loadError, load } = useLoadDesk({ setSettings, startList: library.init, refreshKeywords, refreshStats });
  const profile = useProfile(settings, setSettings, notify);

  const { open, setOpen, show, flushOpen, openStory } = useOpenStory(editorRef, notify, setRows);
  const trash = useTrash({ flushOpen, show, notify });
  const { showStories } = trash;
  const { savedTick, newStory, onStoryUpdated, onDeleted } = useStoryActions({
    setOpen, show, flushOpen, showStories, startTypeAhead: typeAhead.start, notify, listRef,
  });
  const conflict = useConflictChoices({ show, onStoryUpdated, notify });
  const revisions = useRevisions({ editorRef, show, onStoryUpdated, notify });
  const packages = usePackageImport({ editorRef, flushOpen, show, showStories, notify });
  const files = useFileImport({ flushOpen, show, showStories, notify });
  const { inputRef: filePicker, pick: pickFiles } = useFilePicker(notify);
  const dragging = useWindowDrop((dropped) => void files.importFiles(dropped), settings !== null && trash.pane !== 'trash');
  // Stories changed (here, in another window, by the command line, an import): read again what shows them.
  useLibraryChanges((ids) => {
    refreshList();
    void refreshKeywords();
    refreshStatsSoon();
    if (trash.pane === 'trash') void trash.refresh();
    const handle = editorRef.current;
    if (handle && ids.includes(handle.storyId)) {
      onStoryUpdated();
      void handle.checkOutsideChange();
    }
  });
  useShortcuts({ editorRef, newStory, importFiles: pickFiles, toggleTheme: profile.toggleTheme });
  useSaveBeforeClose(editorRef, notify);

  const role: Role = settings?.profile.role ?? 'reporter';
  const house = houseRules(settings);
  const retentionDays = settings?.trashRetentionDays ?? 30;
  const filtered = library.searching || library.view.keyword !== undefined || activePanelFilters(library.view) > 0;
  const trashCount = stats?.trash ?? trash.items?.length ?? 0;

  return (
    <div className="cd-app">
      <DeskHeader profile={settings?.profile ?? null} onOpenProfile={() => profile.setDialogOpen(true)} />

      <div className="cd-layout">
        <aside className="cd-sidebar" aria-label="Story list">
          {trash.pane === 'trash' ? (
            <TrashView
              items={trash.items}
              error={trash.error}
              now={now}
              retentionDays={retentionDays}
              busyId={trash.busyId}
              onRestore={(item) => void trash.restore(item)}
              onEmpty={trash.empty}
              onBack={() => trash.showTrash(false)}
              onRetry={() => void trash.refresh()}
            />
          ) : (
            <StoriesPane
              library={library}
              keywords={keywordCounts}
              desks={house.desks}
              filtered={filtered}
              storiesInLibrary={stats?.stories ?? null}
              ready={settings !== null}
              loadError={loadError}
              onRetryLoad={() => void load()}
              selectedId={open?.story.id ?? null}
              now={now}
              onNewStory={() => void newStory()}
              onImport={() => void packages.inspect()}
              onImportFiles={pickFiles}
              onOpen={(id) => void openStory(id)}
              listRef={listRef}
            />
          )}
          <LibraryFooter
            trashShown={trash.pane === 'trash'}
            trashCount={trashCount}
            stats={stats}
            onToggleTrash={() => trash.showTrash(trash.pane !== 'trash')}
          />
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
              onReload={(id) => void conflict.reload(id)}
              onReloadQuietly={(story) => show(story)}
              house={house}
              profileName={settings.profile.name}
              takeTypedAhead={typeAhead.take}
              onKeepCopy={conflict.keepCopy}
              trashRetentionDays={retentionDays}
              revisionsOpen={revisions.panelOpen}
              onToggleRevisions={revisions.togglePanel}
              sidePanel={
                revisions.panelOpen ? (
                  <RevisionsPanel
                    storyId={open.story.id}
                    refreshKey={savedTick}
                    takeFocus={revisions.takeFocus}
                    now={now}
                    notify={notify}
                    loadCurrent={revisions.loadCurrent}
                    onRestore={revisions.restore}
                    onClose={revisions.closePanel}
                  />
                ) : null
              }
              focusHeadlineOnMount={open.focusHeadline}
            />
          ) : (
            <NoStoryOpen rows={rows} filtered={filtered} />
          )}
        </main>
      </div>

      <TypeAheadBuffer bufferRef={typeAhead.ref} />
      <Toasts toasts={toasts} dismiss={dismiss} />
      <ImportFilePicker inputRef={filePicker} onFiles={(chosen) => void files.importFiles(chosen)} />
      <ImportOverlay dragging={dragging} progress={files.progress} />
      <ImportSummary
        results={files.results}
        drafts={files.drafts}
        openId={open?.story.id ?? null}
        onOpen={(id) => void files.openImported(id)}
        onClose={files.dismissSummary}
      />
      {settings ? (
        <ProfileDialog open={profile.dialogOpen} settings={settings} onCancel={() => profile.setDialogOpen(false)} onSave={profile.save} />
      ) : null}
      <ImportDialog
        contents={packages.contents}
        busy={packages.busy}
        onCancel={packages.cancel}
        onImport={(choice) => void packages.importStories(choice)}
      />
    </div>
  );
}

/**
 * The open story as typed (headline, keywords, the Lexical body) and its autosave. The latest text
 * lives in refs so the saver reads it when a save starts, not when the save was scheduled; React
 * state only drives what is shown. `confirmed` is the story as the service last returned it.
 */
import type { LexicalEditor } from 'lexical';
import { $getRoot, BLUR_COMMAND, COMMAND_PRIORITY_LOW, type EditorState } from 'lexical';
import { useEffect, useRef, useState } from 'react';
import { countWords } from '../../../../shared/body.ts';
import type { Story } from '../../../../shared/story.ts';
import type { Entity, Subject } from '../../../../shared/tagging.ts';
import { call } from '../../lib/index.ts';
import type { Notify } from '../../ui/index.ts';
import { StorySaver, type MetadataPatch, type SaveState, type StoryContentDraft } from './saver.ts';

export function bodyJson(editor: LexicalEditor): string {
  return JSON.stringify(editor.getEditorState().toJSON());
}

const bodyText = (editor: LexicalEditor) => editor.getEditorState().read(() => $getRoot().getTextContent());

export function useStoryDraft(editor: LexicalEditor, story: Story, notify: Notify, onStoryUpdated: (story: Story) => void) {
  const [confirmed, setConfirmedState] = useState<Story>(story);
  const confirmedRef = useRef<Story>(story);
  const [headline, setHeadline] = useState(story.headline);
  const [keywords, setKeywords] = useState<string[]>(() => [...story.keywords]);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'saved' });
  const [wordCount, setWordCount] = useState(story.wordCount);
  const [characters, setCharacters] = useState(() => story.plainText.length);
  /** The metadata fields changed in this window (valid values only); sent with every save. */
  const [metadata, setMetadata] = useState<MetadataPatch>({});
  const headlineRef = useRef(headline);
  const keywordsRef = useRef<readonly string[]>(keywords);
  const metadataRef = useRef<MetadataPatch>(metadata);
  const saverRef = useRef<StorySaver | null>(null);
  /** The revision this window last had confirmed (saves and transitions both move it). */
  const revisionRef = useRef(story.revision);
  const onUpdatedRef = useRef(onStoryUpdated);
  useEffect(() => {
    onUpdatedRef.current = onStoryUpdated;
  }, [onStoryUpdated]);

  const confirm = (updated: Story) => {
    revisionRef.current = updated.revision;
    confirmedRef.current = updated;
    setConfirmedState(updated);
  };
  const read = (): StoryContentDraft => ({
    headline: headlineRef.current,
    body: bodyJson(editor),
    keywords: [...keywordsRef.current],
    ...metadataRef.current,
  });
  const readRef = useRef(read);
  readRef.current = read;

  // The saver lives as long as this story is open.
  useEffect(() => {
    const saver = new StorySaver({
      id: story.id,
      revision: revisionRef.current,
      read: () => readRef.current(),
      save: (input) => call('stories.save', input),
      onSaved: (saved) => {
        const previous = confirmedRef.current;
        confirm(saved);
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
      countTimer = setTimeout(() => {
        const text = state.read(() => $getRoot().getTextContent());
        setWordCount(countWords(`${headlineRef.current}\n${text}`));
        setCharacters(text.length);
      }, 250);
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

  const changeHeadline = (value: string) => {
    const clean = value.replace(/[\r\n]+/g, ' ');
    headlineRef.current = clean;
    setHeadline(clean);
    setWordCount(countWords(`${clean}\n${bodyText(editor)}`));
    saverRef.current?.changed();
  };

  const changeKeywords = (next: string[]) => {
    keywordsRef.current = next;
    setKeywords(next);
    saverRef.current?.changed();
  };

  /** Metadata fields the panel checked and found valid: saved with the text, in the same save. */
  const changeMetadata = (patch: MetadataPatch) => {
    const next = { ...metadataRef.current, ...patch };
    metadataRef.current = next;
    setMetadata(next);
    saverRef.current?.changed();
  };

  // Subjects and entities are fields like the panel's: changed here, saved in the same patch.
  const changeSubjects = (next: readonly Subject[]) => changeMetadata({ subjects: [...next] });
  const changeEntities = (next: readonly Entity[]) => changeMetadata({ entities: [...next] });

  const flush = (options?: { checkpoint?: boolean }) => saverRef.current?.flush(options) ?? Promise.resolve(true);

  // The language the text is in: the person's choice, else what main detected.
  const chosen = metadata.languageSetByPerson ?? confirmed.languageSetByPerson;
  const language = chosen ? (metadata.language ?? confirmed.language) : confirmed.language;

  return {
    confirmed,
    language,
    confirmedRef,
    confirm,
    headline,
    keywords,
    subjects: metadata.subjects ?? story.subjects,
    entities: metadata.entities ?? story.entities,
    keywordsRef,
    wordCount,
    saveState,
    saverRef,
    revisionRef,
    headlineRef,
    content: read,
    metadata,
    characters,
    bodyText: () => bodyText(editor),
    changeHeadline,
    changeKeywords,
    changeMetadata,
    changeSubjects,
    changeEntities,
    flush,
  };
}

export type StoryDraft = ReturnType<typeof useStoryDraft>;

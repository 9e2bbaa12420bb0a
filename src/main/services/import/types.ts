/**
 * Import: turning a file someone was sent (wire copy, Markdown, HTML, DOCX, Copydesk's own
 * exports) into a draft. One module per format (`formats/<id>.ts`), registered in one list; each
 * reads bytes and says which fields it recognised, so the person can check them.
 */
import type { FieldName, StoryContentPatch } from '../../../shared/story-fields.ts';
import type { Story } from '../../../shared/story.ts';

/** A file as it arrives: from a dialog, a drop, the command line. */
export interface ImportFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** What a format made of a file, before it becomes a story. */
export interface ImportedDraft {
  /** Valid content (it passes `storyContentPatchSchema`); fields left out stay empty. */
  readonly content: StoryContentPatch;
  /** Fields the format found in the file (shown to the person to check). */
  readonly recognised: readonly FieldName[];
  /** Things the person should know: characters removed, a field that could not be read… */
  readonly notes: readonly string[];
}

export interface ImportFormat {
  readonly id: string;
  readonly label: string;
  /** Lower-case file name endings, with the dot: ['.md', '.markdown']. */
  readonly extensions: readonly string[];
  /** Whether this format claims a file whose ending says nothing (e.g. `.txt` NewsML). */
  sniff?(text: string): boolean;
  parse(file: ImportFile): ImportedDraft | Promise<ImportedDraft>;
}

/** One imported file: the new draft and what was recognised in it. */
export interface ImportResult {
  readonly file: string;
  readonly format: string;
  readonly story: Story;
  readonly recognised: readonly FieldName[];
  readonly notes: readonly string[];
}

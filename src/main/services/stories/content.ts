/**
 * Content: creating stories and changing what they say (save, copy, restore a revision). Every
 * change goes through `applyContent`, which derives the plain text, word count and language, voids
 * an approval whose published content changed, and writes only the fields that changed.
 */
import { EMPTY_BODY, countWords, parseBody, plainText } from '../../../shared/body.ts';
import { AppError } from '../../../shared/errors.ts';
import { FIELD_NAMES, changedFields, emptyContent, type FieldName, type StoryContent, type StoryContentPatch } from '../../../shared/story-fields.ts';
import { contentOf, type RevisionReason, type RevisionSummary, type Story } from '../../../shared/story.ts';
import { statusAfterContentEdit } from '../../../shared/workflow.ts';
import { contentHash } from '../content-hash.ts';
import { transaction } from '../storage/database.ts';
import type { StoryContext } from './context.ts';

/** While someone keeps editing, keep a revision at least this often. */
export const REVISION_INTERVAL_MS = 10 * 60 * 1000;

export type SaveInput = StoryContentPatch & {
  readonly id: string;
  readonly baseRevision: number;
  /** An explicit save (Ctrl/Cmd+S): also keep a revision. */
  readonly checkpoint?: boolean;
};

/** `patch` over `base`: a field the patch leaves out keeps its value. */
function merge(base: StoryContent, patch: StoryContentPatch): StoryContent {
  const out: Record<string, unknown> = { ...base };
  for (const name of FIELD_NAMES) if (patch[name] !== undefined) out[name] = patch[name];
  return out as StoryContent;
}

export function createContent(ctx: StoryContext) {
  const { repo, revisions, log, db } = ctx;

  /**
   * Keep a revision of `story`, unless the newest revision already holds exactly this state
   * (same content, status and story revision): repeated checkpoints do not multiply revisions.
   */
  function keepRevision(story: Story, reason: RevisionReason, author: string, at: string): RevisionSummary | null {
    const hash = contentHash(story);
    const latest = revisions.latest(story.id);
    if (latest && latest.contentHash === hash && latest.status === story.status && latest.storyRevision === story.revision) {
      return null;
    }
    return revisions.add({ story, at, author, device: ctx.device, reason, contentHash: hash });
  }

  /** The language a story should carry: the person's choice, else what the text says. */
  function language(content: StoryContent, text: string, changed: readonly FieldName[]): string {
    if (content.languageSetByPerson || !ctx.deps.detectLanguage) return content.language;
    if (content.language !== '' && !changed.includes('body') && !changed.includes('headline')) return content.language;
    return ctx.deps.detectLanguage(`${content.headline}\n${text}`) || content.language;
  }

  function insertNew(author: string, init: StoryContentPatch = {}): Story {
    const at = ctx.now().toISOString();
    const content = merge({ ...emptyContent(), body: EMPTY_BODY }, init);
    const text = plainText(parseBody(content.body));
    const story: Story = {
      ...content,
      id: ctx.newId(),
      language: language(content, text, ['body']),
      plainText: text,
      wordCount: countWords(`${content.headline}\n${text}`),
      status: 'draft',
      revision: 1,
      author,
      createdAt: at,
      updatedAt: at,
      approval: null,
      voidedApproval: null,
      reviewNote: null,
    };
    repo.insert(story);
    log.record(story, author, 'created', null);
    return story;
  }

  /** The common path of every content change: save, restore, import. Returns `current` when nothing changed. */
  function applyContent(current: Story, patch: StoryContentPatch, actor: string, at: string): Story {
    const before = contentOf(current);
    const content = merge(before, patch);
    const changed = changedFields(before, content);
    if (changed.length === 0) return current;
    const textChanged = changed.includes('body') || changed.includes('headline');
    const text = changed.includes('body') ? plainText(parseBody(content.body)) : current.plainText;
    content.language = language(content, text, changed);
    if (content.language !== before.language && !changed.includes('language')) changed.push('language');
    // Only an approval depends on whether the content changed in a reader's eyes; everywhere else a
    // save is a save. Hashing (two more body parses) is kept for approved stories, off the autosave path.
    const contentChanged = current.status === 'approved' ? contentHash(current) !== contentHash(content) : true;
    const voids = contentChanged && current.status === 'approved' && current.approval !== null;
    const next: Story = {
      ...current,
      ...content,
      plainText: text,
      wordCount: textChanged ? countWords(`${content.headline}\n${text}`) : current.wordCount,
      revision: current.revision + 1,
      updatedAt: at,
      status: contentChanged ? statusAfterContentEdit(current.status) : current.status,
      approval: voids ? null : current.approval,
      voidedApproval: voids && current.approval ? { ...current.approval, voidedAt: at, voidedBy: actor } : current.voidedApproval,
    };
    if (!repo.update(next, current.revision, changed)) {
      throw new AppError('conflict', 'This story was changed elsewhere while saving. Your text was not saved over it.');
    }
    log.record(next, actor, 'edited', current.status);
    if (voids) log.record(next, actor, 'approval_voided', current.status, 'Content changed after approval.');
    return next;
  }

  return {
    keepRevision,
    applyContent,

    /** A new draft; `init` is its first content (a string: just the headline). */
    create(author: string, init: string | StoryContentPatch = {}): Story {
      return transaction(db, () => insertNew(author, typeof init === 'string' ? { headline: init } : init));
    },

    /**
     * Save new content. Refused with `conflict` when the story changed since `baseRevision`
     * (another window, the command line, an import): nothing is overwritten silently.
     */
    save(input: SaveInput, actor: string): Story {
      const saved = transaction(db, () => {
        const current = ctx.require(input.id);
        if (current.revision !== input.baseRevision) {
          throw new AppError(
            'conflict',
            `This story was changed elsewhere (it is now at revision ${current.revision}; your edits were based on ` +
              `revision ${input.baseRevision}). Your text was not saved over it.`
          );
        }
        const at = ctx.now().toISOString();
        const next = applyContent(current, input, actor, at);
        if (input.checkpoint) {
          keepRevision(next, 'manual', actor, at);
        } else if (next !== current) {
          const latest = revisions.latest(next.id);
          const since = Date.parse(latest?.at ?? current.createdAt);
          if (Date.parse(at) - since >= REVISION_INTERVAL_MS) keepRevision(next, 'interval', actor, at);
        }
        return next;
      });
      ctx.deps.afterSave?.();
      return saved;
    },

    /** Bring back an older revision's content as a new revision. Nothing is destroyed. */
    restoreRevision(id: string, revisionId: number, baseRevision: number, actor: string): Story {
      return transaction(db, () => {
        const current = ctx.require(id);
        const old = revisions.get(revisionId);
        if (!old || old.storyId !== id) throw new AppError('not_found', 'That revision does not belong to this story.');
        if (current.revision !== baseRevision) {
          throw new AppError('conflict', `This story was changed elsewhere (now at revision ${current.revision}). Reload it before restoring.`);
        }
        const at = ctx.now().toISOString();
        keepRevision(current, 'before-restore', actor, at);
        const next = applyContent(current, contentOf(old.story), actor, at);
        log.record(next, actor, 'revision_restored', current.status, `From revision ${old.storyRevision} of ${old.at}`, at);
        keepRevision(next, 'restored', actor, at);
        return next;
      });
    },

    /** "Keep mine as a copy" after a conflict: a new draft with the given content. */
    createCopy(content: StoryContentPatch, author: string, sourceId: string | null): Story {
      return transaction(db, () => {
        const at = ctx.now().toISOString();
        const blank = insertNew(author, { headline: content.headline ?? '' });
        const next = applyContent(blank, content, author, at);
        if (sourceId) log.record(next, author, 'edited', blank.status, `Copy of story ${sourceId}`);
        return next;
      });
    },
  };
}

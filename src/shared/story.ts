/** The story model: what a reporter writes and an editor approves. Plain data, immutable by type. */
import { z } from 'zod';
import { FIELD_NAMES, keywordSchema, storedContentShape, type StoryContent } from './story-fields.ts';
import { mediaTopicQcodeSchema } from './tagging.ts';

export const STORY_STATUSES = ['draft', 'in_review', 'returned', 'approved'] as const;
export type StoryStatus = (typeof STORY_STATUSES)[number];
export const storyStatusSchema = z.enum(STORY_STATUSES);

export const STATUS_LABELS: Readonly<Record<StoryStatus, string>> = {
  draft: 'Draft',
  in_review: 'In review',
  returned: 'Returned',
  approved: 'Approved',
};

export const ROLES = ['reporter', 'editor'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

export const storyIdSchema = z
  .string()
  .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'A story id is a 26-character ULID.');

export {
  MAX_HEADLINE_LENGTH,
  MAX_KEYWORD_LENGTH,
  MAX_KEYWORDS,
  headlineSchema,
  keywordSchema,
  keywordsSchema,
  storyContentSchema,
  storyContentPatchSchema,
  storyDraftSchema,
  type StoryContent,
  type StoryContentPatch,
} from './story-fields.ts';

export const personNameSchema = z.string().trim().min(1, 'A name cannot be empty.').max(200);

export interface Approval {
  readonly approver: string;
  readonly approvedAt: string;
  /** SHA-256 (hex) of the canonical content (headline, body, keywords) at approval time. */
  readonly contentHash: string;
}
export const approvalSchema = z.object({
  approver: z.string(),
  approvedAt: z.string(),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
});

export interface ReviewNote {
  readonly by: string;
  readonly at: string;
  readonly note: string;
}
export const reviewNoteSchema = z.object({ by: z.string(), at: z.string(), note: z.string() });

/** A voided approval is kept visible so the newsroom sees why a story went back to review. */
export interface VoidedApproval extends Approval {
  readonly voidedAt: string;
  readonly voidedBy: string;
}
export const voidedApprovalSchema = approvalSchema.extend({ voidedAt: z.string(), voidedBy: z.string() });

/**
 * A story: the fields a person edits (declared once in `story-fields.ts`) and what Copydesk keeps
 * about them (derived text, workflow state, revision, approval).
 */
export const storySchema = z.object({
  id: storyIdSchema,
  ...storedContentShape,
  plainText: z.string(),
  wordCount: z.number().int().nonnegative(),
  status: storyStatusSchema,
  /** Incremented on every save; a save names the revision it was based on. */
  revision: z.number().int().positive(),
  author: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  approval: approvalSchema.nullable(),
  voidedApproval: voidedApprovalSchema.nullable(),
  reviewNote: reviewNoteSchema.nullable(),
});
export type Story = Readonly<z.output<typeof storySchema>>;

/** The fields of a story (what a person edits), without what Copydesk keeps about it. */
export function contentOf(story: Story): StoryContent {
  const out: Record<string, unknown> = {};
  for (const name of FIELD_NAMES) out[name] = story[name];
  return out as StoryContent;
}

/** One row of the story list. */
export const storySummarySchema = storySchema
  .pick({
    id: true,
    headline: true,
    slugline: true,
    status: true,
    keywords: true,
    author: true,
    updatedAt: true,
    wordCount: true,
    revision: true,
    language: true,
    urgency: true,
    embargo: true,
    desk: true,
  })
  .extend({ leadPicture: z.string().nullable().default(null) });
export type StorySummary = Readonly<z.output<typeof storySummarySchema>>;
const SUMMARY_KEYS = Object.keys(storySummarySchema.shape).filter((k) => k !== 'leadPicture') as (keyof Story & keyof StorySummary)[];

/** A story's row in the list, from the story itself (the same fields the repository reads). */
export function summaryOf(story: Story): StorySummary {
  const out: Record<string, unknown> = {};
  for (const key of SUMMARY_KEYS) out[key] = story[key];
  return { ...(out as Omit<StorySummary, 'leadPicture'>), leadPicture: story.pictures.find((p) => p.role === 'lead')?.sha256 ?? null };
}

export const EVENT_KINDS = [
  'created',
  'edited',
  'submitted',
  'approved',
  'returned',
  'withdrawn',
  'approval_voided',
  'exported',
  'deleted',
  'restored',
  'purged',
  'revision_restored',
  'imported',
] as const;
export type StoryEventKind = (typeof EVENT_KINDS)[number];

export interface StoryEvent {
  readonly id: number;
  readonly storyId: string;
  readonly at: string;
  readonly actor: string;
  readonly kind: StoryEventKind;
  readonly fromStatus: StoryStatus | null;
  readonly toStatus: StoryStatus | null;
  readonly revision: number;
  readonly detail: string | null;
}
export const storyEventSchema = z.object({
  id: z.number().int(),
  storyId: z.string(),
  at: z.string(),
  actor: z.string(),
  kind: z.enum(EVENT_KINDS),
  fromStatus: storyStatusSchema.nullable(),
  toStatus: storyStatusSchema.nullable(),
  revision: z.number().int(),
  detail: z.string().nullable(),
});

// --- The library: listing, search, trash (issue #3) ---

export const LIBRARY_SORTS = ['updated', 'created', 'headline', 'status'] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];
export const SORT_LABELS: Readonly<Record<LibrarySort, string>> = {
  updated: 'Last updated',
  created: 'Created',
  headline: 'Headline',
  status: 'Status',
};

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date is written YYYY-MM-DD.');

/** What the story list shows: filters combine (AND); `query` searches the full text. */
export const libraryQuerySchema = z
  .object({
    query: z.string().max(500).optional(),
    keyword: keywordSchema.optional(),
    status: storyStatusSchema.optional(),
    author: z.string().trim().min(1).max(200).optional(),
    /** Tagged with this Media Topic or a narrower one. */
    subject: mediaTopicQcodeSchema.optional(),
    language: z.string().trim().min(1).max(35).optional(),
    desk: z.string().trim().min(1).max(100).optional(),
    /** Only stories under an embargo that has not lifted yet. */
    embargoed: z.boolean().optional(),
    /** Updated on or after this day (UTC). */
    from: isoDate.optional(),
    /** Updated on or before this day (UTC). */
    to: isoDate.optional(),
    sort: z.enum(LIBRARY_SORTS).optional(),
    limit: z.number().int().min(1).max(10_000).optional(),
  })
  .strict();
export type LibraryQuery = z.output<typeof libraryQuerySchema>;

export interface StoryListRow extends StorySummary {
  /** With a search query: an excerpt around the hits, hits between \u0002 and \u0003. */
  readonly snippet: string | null;
}
export const storyListRowSchema = storySummarySchema.extend({ snippet: z.string().nullable() });

export interface TrashedStory extends StorySummary {
  readonly deletedAt: string;
  readonly deletedBy: string;
}
export const trashedStorySchema = storySummarySchema.extend({ deletedAt: z.string(), deletedBy: z.string() });

// --- Revisions ---

export const REVISION_REASONS = [
  'manual',
  'interval',
  'before-submit',
  'after-submit',
  'before-approve',
  'after-approve',
  'before-return',
  'after-return',
  'before-withdraw',
  'after-withdraw',
  'before-restore',
  'restored',
  'before-import',
  'imported',
] as const;
export type RevisionReason = (typeof REVISION_REASONS)[number];
export const REVISION_REASON_LABELS: Readonly<Record<RevisionReason, string>> = {
  manual: 'Saved by hand',
  interval: 'Every 10 minutes of editing',
  'before-submit': 'Before submitting',
  'after-submit': 'Submitted for review',
  'before-approve': 'Before approval',
  'after-approve': 'Approved',
  'before-return': 'Before sending back',
  'after-return': 'Sent back',
  'before-withdraw': 'Before withdrawing',
  'after-withdraw': 'Withdrawn from review',
  'before-restore': 'Before restoring an older revision',
  restored: 'Restored from an older revision',
  'before-import': 'Before an import over it',
  imported: 'Imported',
};

export interface RevisionSummary {
  readonly id: number;
  readonly storyId: string;
  readonly storyRevision: number;
  readonly at: string;
  readonly author: string;
  readonly device: string;
  readonly reason: RevisionReason;
  readonly status: StoryStatus;
  readonly headline: string;
  readonly wordCount: number;
  readonly contentHash: string;
}
export const revisionSummarySchema = z.object({
  id: z.number().int(),
  storyId: z.string(),
  storyRevision: z.number().int(),
  at: z.string(),
  author: z.string(),
  device: z.string(),
  reason: z.enum(REVISION_REASONS),
  status: storyStatusSchema,
  headline: z.string(),
  wordCount: z.number().int(),
  contentHash: z.string(),
});
export interface Revision extends RevisionSummary {
  readonly story: Story;
}
export const revisionSchema = revisionSummarySchema.extend({ story: storySchema });

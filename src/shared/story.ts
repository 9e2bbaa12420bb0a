/** The story model: what a reporter writes and an editor approves. Plain data, immutable by type. */
import { z } from 'zod';
import { bodyJsonSchema } from './body.ts';

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

export const MAX_KEYWORD_LENGTH = 80;
export const MAX_KEYWORDS = 100;
export const keywordSchema = z
  .string()
  .transform((k) => k.normalize('NFC').replace(/\s+/g, ' ').trim())
  .pipe(
    z
      .string()
      .min(1, 'A keyword cannot be empty.')
      .max(MAX_KEYWORD_LENGTH, `A keyword is at most ${MAX_KEYWORD_LENGTH} characters.`)
      .refine((k) => !/[,;\u0000-\u001f]/.test(k), 'A keyword cannot contain commas, semicolons or control characters.')
  );
/** Keywords keep their order; duplicates (ignoring case) are dropped. */
export const keywordsSchema = z
  .array(keywordSchema)
  .max(MAX_KEYWORDS, `A story has at most ${MAX_KEYWORDS} keywords.`)
  .transform(dedupeKeywords);

export function dedupeKeywords(keywords: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const k of keywords) {
    const key = k.toLocaleLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push(k);
    }
  }
  return out;
}

export const MAX_HEADLINE_LENGTH = 500;
export const headlineSchema = z
  .string()
  .max(MAX_HEADLINE_LENGTH, `A headline is at most ${MAX_HEADLINE_LENGTH} characters.`)
  .transform((h) => h.normalize('NFC').replace(/[\r\n]+/g, ' '));

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

export interface Story {
  readonly id: string;
  readonly headline: string;
  /** Lexical serialized editor state, as JSON text. */
  readonly body: string;
  readonly plainText: string;
  readonly wordCount: number;
  readonly keywords: readonly string[];
  readonly status: StoryStatus;
  /** Incremented on every save; a save names the revision it was based on. */
  readonly revision: number;
  readonly author: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly approval: Approval | null;
  readonly voidedApproval: VoidedApproval | null;
  readonly reviewNote: ReviewNote | null;
}

export const storySchema = z.object({
  id: storyIdSchema,
  headline: z.string(),
  body: z.string(),
  plainText: z.string(),
  wordCount: z.number().int().nonnegative(),
  keywords: z.array(z.string()),
  status: storyStatusSchema,
  revision: z.number().int().positive(),
  author: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  approval: approvalSchema.nullable(),
  voidedApproval: voidedApprovalSchema.nullable(),
  reviewNote: reviewNoteSchema.nullable(),
});

/** One row of the story list. */
export interface StorySummary {
  readonly id: string;
  readonly headline: string;
  readonly status: StoryStatus;
  readonly keywords: readonly string[];
  readonly author: string;
  readonly updatedAt: string;
  readonly wordCount: number;
  readonly revision: number;
}
export const storySummarySchema = storySchema.pick({
  id: true,
  headline: true,
  status: true,
  keywords: true,
  author: true,
  updatedAt: true,
  wordCount: true,
  revision: true,
});

/** What an editor changes on save. Everything here is content, and voids an approval when it changes. */
export const storyContentSchema = z.object({
  headline: headlineSchema,
  body: bodyJsonSchema,
  keywords: keywordsSchema,
});
export type StoryContent = z.output<typeof storyContentSchema>;

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

/**
 * Story → Markdown: YAML front matter, the headline as `# …`, then the body as CommonMark
 * (plus GitHub's `~~strike~~`).
 *
 * Choices, so the output reads the same in every Markdown tool:
 * - The headline is the only H1. Body headings keep their level, except h1, which becomes h2.
 * - A line break is a backslash at the end of the line (trailing spaces get trimmed by editors).
 *   An ATX heading must stay on one line, so inside a heading a line break is `<br>`.
 * - Underline has no Markdown syntax; it is written as inline HTML `<u>…</u>`.
 * - Every character Markdown could read as syntax is backslash-escaped, so story text stays literal:
 *   `*not bold*`, `# not a heading`, `1. not a list` and `<b>` come out as typed.
 * - Spaces at the start of a line are dropped: Markdown ignores them, and four would start a code block.
 * - Empty paragraphs are dropped; Markdown cannot express them.
 */
import { parseBody, type Block, type Inline, type ListBlock, type TextRun } from '../../../shared/body.ts';
import type { Story } from '../../../shared/story.ts';
import { FIELD_NAMES, sameValue, STORY_FIELDS, type FieldName } from '../../../shared/story-fields.ts';
import { Document } from 'yaml';
import { mergeRuns, safeUrl, toLines, wellFormed } from './text.ts';

export function storyToMarkdown(story: Story): string {
  const body = parseBody(story.body);
  const headline = escapeText(story.headline.replace(/\s+/g, ' ').trim());
  const sections = [frontMatter(story), headline ? `# ${headline}` : '#', ...renderBlocks(body.blocks)];
  return wellFormed(sections.join('\n\n') + '\n');
}

// --- Front matter ---

/**
 * Every published field that is not empty, after what Copydesk keeps about the story (id, author,
 * status, revision, times, keywords, approval), under the field's own name (`slugline`,
 * `byline`, `dateline`…; see story-fields.ts), and the internal fields a newsroom moves with the
 * story (desk, target length). The editorial note is never written; empty fields are left out
 * (an importer reads a missing field as empty). Written with the `yaml` package, every string
 * double-quoted.
 */
const NOT_IN_FRONT_MATTER: ReadonlySet<FieldName> = new Set(['headline', 'body', 'keywords', 'editorialNote', 'languageSetByPerson']);
export const FRONT_MATTER_FIELDS = FIELD_NAMES.filter((name) => !NOT_IN_FRONT_MATTER.has(name));

export function frontMatterData(story: Story): Record<string, unknown> {
  const data: Record<string, unknown> = {
    id: story.id,
    headline: story.headline,
    author: story.author,
    status: story.status,
    revision: story.revision,
    created: story.createdAt,
    updated: story.updatedAt,
    keywords: [...story.keywords],
  };
  if (story.approval) data.approval = { approver: story.approval.approver, approvedAt: story.approval.approvedAt, contentHash: story.approval.contentHash };
  for (const name of FRONT_MATTER_FIELDS) {
    if (!sameValue(story[name], STORY_FIELDS[name].empty)) data[name] = structuredClone(story[name]);
  }
  return data;
}

function frontMatter(story: Story): string {
  const yaml = new Document(frontMatterData(story)).toString({
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
    doubleQuotedAsJSON: true,
    lineWidth: 0,
  });
  return `---\n${escapeYamlSpecials(wellFormed(yaml)).trimEnd()}\n---`;
}

/**
 * A YAML double-quoted scalar. JSON string syntax is valid YAML; on top of it, characters YAML
 * will not accept raw (DEL, C1 controls, BOM, non-characters) or reads as line breaks
 * (NEL, U+2028, U+2029) are written as \u escapes.
 */
export function yamlString(value: string): string {
  return escapeYamlSpecials(JSON.stringify(wellFormed(value)));
}

/** Every string in the front matter is double-quoted, so these characters only occur inside one. */
function escapeYamlSpecials(yaml: string): string {
  return yaml.replace(/[\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// --- Blocks ---

/** Remembers the previous list, so two lists in a row do not merge into one (see listMarker). */
interface ListContext {
  previous: { ordered: boolean; alternate: boolean } | null;
}

function renderBlocks(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  const context: ListContext = { previous: null };
  for (const block of blocks) {
    if (block.kind === 'list') {
      if (block.items.length > 0) out.push(renderList(block, context).join('\n'));
      continue;
    }
    const text = renderTextBlock(block);
    if (text !== null) {
      out.push(text);
      context.previous = null;
    }
  }
  return out;
}

function renderTextBlock(block: Exclude<Block, ListBlock>): string | null {
  const lines = inlineLines(block.inlines);
  if (lines.length === 0) return null;
  switch (block.kind) {
    case 'paragraph':
      return withHardBreaks(lines).join('\n');
    case 'heading':
      return `${'#'.repeat(Math.max(2, block.level))} ${lines.join('<br>')}`;
    case 'quote':
      return withHardBreaks(lines)
        .map((line) => `> ${line}`)
        .join('\n');
  }
}

/**
 * Two adjacent lists of the same kind would merge into one list in Markdown, even across a blank
 * line; switching the marker (`-` ↔ `*`, `1.` ↔ `1)`) keeps them apart.
 */
function listMarker(list: ListBlock, context: ListContext): (n: number) => string {
  const alternate = context.previous?.ordered === list.ordered ? !context.previous.alternate : false;
  context.previous = { ordered: list.ordered, alternate };
  if (list.ordered) return (n) => `${n}${alternate ? ')' : '.'}`;
  return () => (alternate ? '*' : '-');
}

function renderList(list: ListBlock, context: ListContext, indent = ''): string[] {
  const marker = listMarker(list, context);
  const out: string[] = [];
  list.items.forEach((item, i) => {
    const prefix = `${marker(i + 1)} `;
    // Continuation lines and sublists line up with the item's text, as CommonMark requires.
    const inner = indent + ' '.repeat(prefix.length);
    const lines = withHardBreaks(inlineLines(item.inlines));
    out.push(lines.length > 0 ? indent + prefix + lines[0] : indent + prefix.trimEnd());
    for (const line of lines.slice(1)) out.push(inner + line);
    const subContext: ListContext = { previous: null };
    for (const sub of item.sublists) {
      if (sub.items.length > 0) out.push(...renderList(sub, subContext, inner));
    }
  });
  return out;
}

// --- Inline content ---

/** Inline content as Markdown lines (one per line break), with empty lines at the edges dropped. */
function inlineLines(inlines: readonly Inline[]): string[] {
  const lines = toLines(inlines).map((line) => escapeLineStart(renderRuns(mergeRuns(line), 'edge', 'edge')));
  // A Markdown block cannot begin or end with a line break.
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function withHardBreaks(lines: readonly string[]): string[] {
  return lines.map((line, i) => (i < lines.length - 1 ? `${line}\\` : line));
}

/**
 * What touches a piece of inline output on one side. CommonMark decides whether `*` or `~~` opens
 * or closes emphasis by looking at these neighbours ("flanking" rules), so `a**b.**c` is not bold.
 * 'mark' is a neighbouring emphasis delimiter, which would merge with ours into one ambiguous run.
 */
type Side = 'edge' | 'space' | 'punct' | 'word' | 'mark';

function sideOf(char: string | undefined): Side {
  if (char === undefined) return 'edge';
  if (char === '*' || char === '~') return 'mark';
  if (/\s/u.test(char)) return 'space';
  // Non-ASCII symbols (emoji, currency signs) became punctuation only in CommonMark 0.31; as a
  // neighbour, reading them as letters is the stricter choice and holds for old and new parsers.
  if (/[!-/:-@[-`{-~]|\p{P}/u.test(char)) return 'punct';
  return 'word';
}

const lastChar = (text: string) => /[\s\S]$/u.exec(text)?.[0];
const firstChar = (text: string) => /^[\s\S]/u.exec(text)?.[0];

/** What the next inline will start with: emphasised text may start with a delimiter. */
function leadingSide(inline: Inline | undefined): Side {
  if (inline === undefined) return 'edge';
  if (inline.kind !== 'text') return 'punct'; // `[` of a link
  if (inline.underline) return 'punct'; // `<u>`
  if (inline.bold || inline.italic || inline.strikethrough) return 'mark';
  return inline.code ? 'punct' : sideOf(firstChar(inline.text));
}

function renderRuns(inlines: readonly Inline[], before: Side, after: Side): string {
  let out = '';
  inlines.forEach((inline, i) => {
    const left = out === '' ? before : sideOf(lastChar(out));
    const right = i === inlines.length - 1 ? after : leadingSide(inlines[i + 1]);
    out += renderInline(inline, left, right);
  });
  return out;
}

function renderInline(inline: Inline, before: Side, after: Side): string {
  if (inline.kind === 'text') return renderRun(inline, before, after);
  if (inline.kind === 'break') return ''; // toLines already turned breaks into separate lines
  // Inside the brackets the neighbours are `[` and `]`.
  const text = renderRuns(mergeRuns(inline.children), 'punct', 'punct');
  const url = safeUrl(inline.url);
  return url === null ? text : `[${text}](${linkDestination(url)})`;
}

function renderRun(run: TextRun, before: Side, after: Side): string {
  if (run.code) return wrapMarks(run, codeSpan(run.text), before, after);
  // Emphasis marks must touch the text (`** x**` is not bold), so edge spaces stay outside them.
  const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/u.exec(run.text) ?? ['', '', run.text, ''];
  if (core === '') return run.text;
  return lead + wrapMarks(run, escapeText(core), lead ? 'space' : before, trail ? 'space' : after) + trail;
}

function wrapMarks(run: TextRun, inner: string, before: Side, after: Side): string {
  // Inside <u>…</u> the delimiters touch `>` and `<`, which are punctuation.
  const left = run.underline ? 'punct' : before;
  const right = run.underline ? 'punct' : after;
  const delimiters = [run.italic && '*', run.bold && '**', run.strikethrough && '~~'].filter((d) => d !== false);
  // Each layer must be readable as emphasis; an outer layer sees the inner layer's delimiter.
  let out = inner;
  let markdown = true;
  for (const d of delimiters) {
    markdown &&= canDelimit(out, left, right);
    out = d + out + d;
  }
  if (!markdown) {
    out = inner;
    // Where Markdown delimiters would not be read as emphasis, inline HTML always is.
    if (run.italic) out = `<em>${out}</em>`;
    if (run.bold) out = `<strong>${out}</strong>`;
    if (run.strikethrough) out = `<del>${out}</del>`;
  }
  if (run.underline) out = `<u>${out}</u>`;
  return out;
}

/** CommonMark's flanking rules: can delimiters around `inner` open and close, given its neighbours? */
function canDelimit(inner: string, before: Side, after: Side): boolean {
  if (before === 'mark' || after === 'mark') return false;
  // Inside `inner`, symbols count as punctuation (the stricter reading there), and so does an
  // escaped `*` or `~`.
  const punct = (char: string | undefined) => char !== undefined && /[\p{P}\p{S}]/u.test(char);
  const opens = !punct(firstChar(inner)) || before !== 'word';
  const closes = !punct(lastChar(inner)) || after !== 'word';
  return opens && closes;
}

/** A code span: a backtick fence longer than any backtick run inside, padded where CommonMark strips. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || /^ [\s\S]*[^ ][\s\S]* $/.test(text) ? ' ' : '';
  return fence + pad + text + pad + fence;
}

/** Spaces, parentheses, angle brackets and backslashes would end or alter a link target. */
function linkDestination(url: string): string {
  return url.replace(/[\s()<>\\]/gu, (c) =>
    Array.from(new TextEncoder().encode(c), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('')
  );
}

// --- Escaping ---

/**
 * Characters that are Markdown syntax anywhere in a line: escapes, code, emphasis, links, HTML,
 * entities (`&amp;`), headings, strikethrough and table cells.
 */
const INLINE_SPECIAL = /[\\`*_[\]<>&#~|]/g;
export function escapeText(text: string): string {
  return text.replace(INLINE_SPECIAL, '\\$&');
}

/** Characters that are syntax only at the start of a line: list markers and setext underlines. */
function escapeLineStart(line: string): string {
  return line
    .replace(/^[ \t]+/, '')
    .replace(/^[-+=]/, '\\$&')
    .replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

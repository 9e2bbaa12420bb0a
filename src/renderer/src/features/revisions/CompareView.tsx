/**
 * Two versions of a story side by side: a one-line summary, the text with a word-level diff
 * (removed words struck through on the older side, added words underlined on the newer side; each
 * paragraph with dir="auto", so Hebrew and Arabic read right to left) and a field-by-field table
 * of the metadata with the changed rows marked.
 */
import { useMemo } from 'react';
import { compareFields, diffStats, diffText, formattingChanges, type DiffPart } from '../../../../shared/compare.ts';
import type { Story } from '../../../../shared/story.ts';
import { countLabel } from '../../lib/index.ts';

export interface Version {
  /** "Saved by hand" or "Current version". */
  readonly label: string;
  /** When it was kept (null: the current version). */
  readonly at: string | null;
  readonly when: string;
  readonly story: Story;
}

type Paragraph = { readonly kind: DiffPart['kind']; readonly text: string }[];

/** The parts one side shows (`same` plus its own kind), cut into paragraphs at line breaks. */
function side(parts: readonly DiffPart[], own: 'added' | 'removed'): Paragraph[] {
  const paragraphs: Paragraph[] = [[]];
  for (const part of parts) {
    if (part.kind !== 'same' && part.kind !== own) continue;
    part.text.split('\n').forEach((line, i) => {
      if (i > 0) paragraphs.push([]);
      if (line) paragraphs[paragraphs.length - 1].push({ kind: part.kind, text: line });
    });
  }
  return paragraphs;
}

export function CompareView({ older, newer }: { older: Version; newer: Version }) {
  const parts = useMemo(() => diffText(older.story.plainText, newer.story.plainText), [older, newer]);
  const stats = useMemo(() => diffStats(parts), [parts]);
  const fields = useMemo(() => compareFields(older.story, newer.story), [older, newer]);
  const left = useMemo(() => side(parts, 'removed'), [parts]);
  const right = useMemo(() => side(parts, 'added'), [parts]);
  const changedFields = fields.filter((f) => f.changed).length;
  const formatting = useMemo(() => formattingChanges(older.story.body, newer.story.body), [older, newer]);
  // Unchanged empty fields say nothing: the table shows what changed and what has a value.
  const shown = fields.filter((f) => f.changed || f.before || f.after);

  return (
    <div className="cd-compare">
      <p className="cd-compare__summary" role="status" aria-label="Summary of changes">
        <span className="cd-compare__added">+{countLabel(stats.added, 'word', 'words')}</span>
        <span aria-hidden="true">, </span>
        <span className="cd-compare__removed">−{countLabel(stats.removed, 'word', 'words')}</span>
        {formatting.length > 0 ? (
          <span className="cd-compare__formatting">
            {' · '}
            {countLabel(formatting.length, 'formatting or link change', 'formatting or link changes')}
          </span>
        ) : null}
        <span className="cd-compare__fields">
          {' · '}
          {changedFields === 0 ? 'no other field changed' : countLabel(changedFields, 'field changed', 'fields changed')}
        </span>
      </p>

      <div className="cd-compare__columns" role="group" aria-label="Text">
        {[
          { version: older, paragraphs: left, own: 'removed' as const, name: 'Older version' },
          { version: newer, paragraphs: right, own: 'added' as const, name: 'Newer version' },
        ].map(({ version, paragraphs, own, name }) => (
          <section key={own} className={`cd-compare__side cd-compare__side--${own}`} aria-label={name}>
            <header className="cd-compare__head">
              <span className="cd-compare__which">{own === 'removed' ? 'Older' : 'Newer'}</span>
              <span className="cd-compare__label">{version.label}</span>
              <span className="cd-compare__when">{version.when}</span>
            </header>
            <h3 className="cd-compare__headline" dir="auto">
              {version.story.headline.trim() || 'Untitled story'}
            </h3>
            <div className="cd-compare__text" dir="auto">
              {paragraphs.every((p) => p.length === 0) ? (
                <p className="cd-compare__empty">No text.</p>
              ) : (
                paragraphs.map((paragraph, i) => (
                  <p key={i} dir="auto">
                    {paragraph.map((part, j) =>
                      part.kind === 'same' ? (
                        <span key={j}>{part.text}</span>
                      ) : part.kind === 'removed' ? (
                        <del key={j} className="cd-diff cd-diff--removed">
                          {part.text}
                        </del>
                      ) : (
                        <ins key={j} className="cd-diff cd-diff--added">
                          {part.text}
                        </ins>
                      )
                    )}
                  </p>
                ))
              )}
            </div>
          </section>
        ))}
      </div>

      {formatting.length > 0 ? (
        <section className="cd-compare__marks" aria-label="Formatting and links">
          <h3 className="cd-compare__marks-title">Formatting and links</h3>
          <ul>
            {formatting.map((change) => (
              <li key={change} dir="auto">
                {change}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <table className="cd-fields">
        <caption className="cd-fields__caption">Details</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Older</th>
            <th scope="col">Newer</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((f) => (
            <tr key={f.field} className={f.changed ? 'cd-fields__row cd-fields__row--changed' : 'cd-fields__row'}>
              <th scope="row">
                {f.field}
                {f.changed ? <span className="cd-fields__flag"> · changed</span> : null}
              </th>
              <td dir="auto">{f.before || '—'}</td>
              <td dir="auto">{f.after || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The byline: contributors, each a name, a role and an optional affiliation. Rows are checked
 * with the shared contributor schema; the byline is saved only when every row is valid. With no
 * contributor, the export falls back to the profile name, and the panel says so.
 */
import { useId, useRef, useState } from 'react';
import { CONTRIBUTOR_ROLE_LABELS, CONTRIBUTOR_ROLES, bylineSchema, contributorSchema, type Contributor, type ContributorRole } from '../../../../shared/news-item.ts';
import { CloseIcon, FieldError, PlusIcon } from '../../ui/index.ts';
import { check } from './check.ts';

interface Row {
  readonly key: number;
  readonly name: string;
  readonly role: ContributorRole;
  readonly affiliation: string;
  readonly touched: boolean;
}

export interface BylineFieldProps {
  readonly initial: readonly Contributor[];
  readonly profileName: string;
  readonly onValid: (byline: Contributor[]) => void;
  readonly onLeave: () => void;
}

const asInput = (r: Row) => ({ name: r.name, role: r.role, ...(r.affiliation.trim() ? { affiliation: r.affiliation } : {}) });

export function BylineField({ initial, profileName, onValid, onLeave }: BylineFieldProps) {
  const nextKey = useRef(initial.length);
  const [rows, setRows] = useState<readonly Row[]>(() =>
    initial.map((c, i) => ({ key: i, name: c.name, role: c.role, affiliation: c.affiliation ?? '', touched: true }))
  );
  const [error, setError] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const id = useId();

  const commit = (next: readonly Row[]) => {
    setRows(next);
    const whole = check(bylineSchema, next.map(asInput));
    setError(whole.ok ? null : whole.message);
    if (whole.ok) onValid(whole.value);
  };
  const update = (key: number, patch: Partial<Row>) => commit(rows.map((r) => (r.key === key ? { ...r, ...patch, touched: true } : r)));
  const add = () => {
    const key = nextKey.current++;
    commit([...rows, { key, name: '', role: 'writer', affiliation: '', touched: false }]);
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLInputElement>(`[data-row="${key}"] input`)?.focus());
  };
  const remove = (key: number) => {
    commit(rows.filter((r) => r.key !== key));
    requestAnimationFrame(() => document.getElementById(`${id}-add`)?.focus());
  };

  return (
    <fieldset className="cd-meta__group cd-meta__byline">
      <legend className="cd-meta__legend">Byline</legend>
      {rows.length === 0 ? (
        <p className="cd-meta__hint">
          No contributors: the export names <bdi>{profileName}</bdi> (your profile name).
        </p>
      ) : null}
      <ul className="cd-byline-rows" ref={listRef}>
        {rows.map((row, index) => {
          const rowCheck = check(contributorSchema, asInput(row));
          const rowError = row.touched && !rowCheck.ok ? rowCheck.message : null;
          const n = index + 1;
          return (
            <li key={row.key} className="cd-byline-row" data-row={row.key}>
              <input
                className="cd-input cd-meta__input"
                aria-label={`Contributor ${n} name`}
                placeholder="Name"
                dir="auto"
                autoComplete="off"
                value={row.name}
                aria-invalid={rowError ? true : undefined}
                onChange={(e) => update(row.key, { name: e.target.value })}
                onBlur={() => {
                  if (!row.touched) setRows((list) => list.map((r) => (r.key === row.key ? { ...r, touched: true } : r)));
                  onLeave();
                }}
              />
              <select className="cd-select" aria-label={`Contributor ${n} role`} value={row.role} onChange={(e) => update(row.key, { role: e.target.value as ContributorRole })} onBlur={onLeave}>
                {CONTRIBUTOR_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {CONTRIBUTOR_ROLE_LABELS[role]}
                  </option>
                ))}
              </select>
              <input
                className="cd-input cd-meta__input"
                aria-label={`Contributor ${n} affiliation`}
                placeholder="Affiliation (optional)"
                dir="auto"
                autoComplete="off"
                value={row.affiliation}
                onChange={(e) => update(row.key, { affiliation: e.target.value })}
                onBlur={onLeave}
              />
              <button type="button" className="cd-icon-button" aria-label={`Remove contributor ${n}`} title="Remove" onClick={() => remove(row.key)}>
                <CloseIcon />
              </button>
              <FieldError message={rowError} />
            </li>
          );
        })}
      </ul>
      {error && rows.every((r) => r.touched) && rows.every((r) => check(contributorSchema, asInput(r)).ok) ? <FieldError message={error} /> : null}
      <button type="button" id={`${id}-add`} className="cd-button cd-button--small" onClick={add}>
        <PlusIcon />
        Add contributor
      </button>
    </fieldset>
  );
}

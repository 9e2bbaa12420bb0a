/**
 * The dateline (place, country, calendar date, agency) with its house-style preview, and the
 * located place (where it happened, which may differ). All empty means "none"; anything typed is
 * checked with the shared schema as a whole.
 */
import { useId, useState } from 'react';
import { datelineSchema, placeSchema, type Dateline, type Place } from '../../../../shared/news-item.ts';
import { FieldError } from '../../ui/index.ts';
import { check } from './check.ts';
import { formatDateline } from '../../../../shared/dateline.ts';

export interface DatelineFieldProps {
  readonly initial: Dateline | null;
  readonly language: string;
  readonly onValid: (dateline: Dateline | null) => void;
  readonly onLeave: () => void;
}

export function DatelineField({ initial, language, onValid, onLeave }: DatelineFieldProps) {
  const [place, setPlace] = useState(initial?.place.name ?? '');
  const [country, setCountry] = useState(initial?.place.countryCode ?? '');
  const [date, setDate] = useState(initial?.date ?? '');
  const [agency, setAgency] = useState(initial?.agency ?? '');
  const [error, setError] = useState<string | null>(null);
  const [valid, setValid] = useState<Dateline | null>(initial);
  const id = useId();

  const change = (next: { place?: string; country?: string; date?: string; agency?: string }) => {
    const v = { place, country, date, agency, ...next };
    setPlace(v.place);
    setCountry(v.country);
    setDate(v.date);
    setAgency(v.agency);
    if (!v.place.trim() && !v.country.trim() && !v.date && !v.agency.trim()) {
      setError(null);
      setValid(null);
      onValid(null);
      return;
    }
    const checked = check(datelineSchema, {
      place: { name: v.place, ...(v.country.trim() ? { countryCode: v.country } : {}) },
      date: v.date,
      ...(v.agency.trim() ? { agency: v.agency } : {}),
    });
    setError(checked.ok ? null : checked.message);
    if (checked.ok) {
      setValid(checked.value);
      onValid(checked.value);
    }
  };

  return (
    <fieldset className="cd-meta__group">
      <legend className="cd-meta__legend">Dateline</legend>
      <div className="cd-meta__grid cd-meta__grid--dateline">
        <input className="cd-input cd-meta__input" aria-label="Dateline place" placeholder="Place" dir="auto" autoComplete="off" value={place} onChange={(e) => change({ place: e.target.value })} onBlur={onLeave} aria-describedby={`${id}-p`} />
        <input className="cd-input cd-meta__input cd-meta__input--code" aria-label="Dateline country code" placeholder="IL" maxLength={2} autoComplete="off" value={country} onChange={(e) => change({ country: e.target.value })} onBlur={onLeave} />
        <input className="cd-input cd-meta__input" type="date" aria-label="Dateline date" value={date} onChange={(e) => change({ date: e.target.value })} onBlur={onLeave} />
        <input className="cd-input cd-meta__input cd-meta__input--agency" aria-label="Dateline agency" placeholder="Agency" autoComplete="off" value={agency} onChange={(e) => change({ agency: e.target.value })} onBlur={onLeave} />
      </div>
      <p id={`${id}-p`} className="cd-meta__preview" aria-label="Dateline preview" dir="auto" lang={language || undefined}>
        {valid && !error ? formatDateline(valid, language) : <span className="cd-meta__hint">Place and date make the dateline.</span>}
      </p>
      <FieldError message={error} />
    </fieldset>
  );
}

export interface LocatedFieldProps {
  readonly initial: Place | null;
  readonly onValid: (place: Place | null) => void;
  readonly onLeave: () => void;
}

export function LocatedField({ initial, onValid, onLeave }: LocatedFieldProps) {
  const [name, setName] = useState(initial?.name ?? '');
  const [country, setCountry] = useState(initial?.countryCode ?? '');
  const [error, setError] = useState<string | null>(null);

  const change = (nextName: string, nextCountry: string) => {
    setName(nextName);
    setCountry(nextCountry);
    if (!nextName.trim() && !nextCountry.trim()) {
      setError(null);
      onValid(null);
      return;
    }
    const checked = check(placeSchema, { name: nextName, ...(nextCountry.trim() ? { countryCode: nextCountry } : {}) });
    setError(checked.ok ? null : checked.message);
    if (checked.ok) onValid(checked.value);
  };

  return (
    <fieldset className="cd-meta__group">
      <legend className="cd-meta__legend">Located (where it happened)</legend>
      <div className="cd-meta__grid cd-meta__grid--place">
        <input className="cd-input cd-meta__input" aria-label="Located place" placeholder="Place" dir="auto" autoComplete="off" value={name} onChange={(e) => change(e.target.value, country)} onBlur={onLeave} />
        <input className="cd-input cd-meta__input cd-meta__input--code" aria-label="Located country code" placeholder="IL" maxLength={2} autoComplete="off" value={country} onChange={(e) => change(name, e.target.value)} onBlur={onLeave} />
      </div>
      <FieldError message={error} />
    </fieldset>
  );
}

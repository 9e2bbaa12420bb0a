/**
 * The embargo: a date and time as read on a clock in the chosen IANA zone. It is kept as an
 * instant; it is shown in the reader's zone and in the embargo's, with a countdown. Changing the
 * zone never moves the instant silently: by default the instant stays and the panel says what the
 * clock time becomes there; one button keeps the clock time instead (and says the instant moved).
 */
import { useId, useMemo, useState } from 'react';
import { embargoSchema, type Embargo } from '../../../../shared/news-item.ts';
import { FieldError } from '../../ui/index.ts';
import { check } from './check.ts';
import { clockInZone, embargoCountdown, formatInZone, instantToWallClock, readerZone, timeZones, wallClockToInstant } from './zonedTime.ts';

export interface EmbargoFieldProps {
  readonly initial: Embargo | null;
  readonly now: number;
  readonly onValid: (embargo: Embargo | null) => void;
  readonly onLeave: () => void;
}

/** After a zone change: what was kept, and what the other choice would give. */
interface ZoneNote {
  readonly kept: 'instant' | 'clock';
  readonly fromZone: string;
  readonly fromWall: string;
  readonly fromInstant: string;
}

export function EmbargoField({ initial, now, onValid, onLeave }: EmbargoFieldProps) {
  const [zone, setZone] = useState(initial?.timeZone ?? readerZone());
  const [wall, setWall] = useState(initial ? instantToWallClock(initial.at, initial.timeZone) : '');
  const [embargo, setEmbargo] = useState<Embargo | null>(initial);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<ZoneNote | null>(null);
  const zones = useMemo(() => {
    const all = timeZones();
    return all.includes(zone) ? all : [zone, ...all];
  }, [zone]);
  const id = useId();
  const mine = readerZone();

  const apply = (next: Embargo | null) => {
    setEmbargo(next);
    onValid(next);
  };
  const setFromWall = (nextWall: string, nextZone: string): Embargo | null => {
    if (!nextWall) {
      setError(null);
      apply(null);
      return null;
    }
    const at = wallClockToInstant(nextWall, nextZone);
    const checked = check(embargoSchema, { at: at ?? nextWall, timeZone: nextZone });
    setError(checked.ok ? null : checked.message);
    if (!checked.ok) return null;
    apply(checked.value);
    return checked.value;
  };

  const changeWall = (next: string) => {
    setWall(next);
    setNote(null);
    setFromWall(next, zone);
  };
  const changeZone = (nextZone: string) => {
    const before = { zone, wall, embargo };
    setZone(nextZone);
    if (!before.embargo) {
      setNote(null);
      if (wall) setFromWall(wall, nextZone);
      return;
    }
    // Keep the instant; say what the clock shows in the new zone.
    const nextWall = instantToWallClock(before.embargo.at, nextZone);
    setWall(nextWall);
    setError(null);
    apply({ at: before.embargo.at, timeZone: nextZone });
    // Stepping through zones (arrow keys, type-ahead) compares with where the change started.
    setNote((was) => (was?.kept === 'instant' ? was : { kept: 'instant', fromZone: before.zone, fromWall: before.wall, fromInstant: before.embargo!.at }));
  };
  const keepClockInstead = () => {
    if (!note) return;
    setWall(note.fromWall);
    if (setFromWall(note.fromWall, zone)) setNote({ ...note, kept: 'clock' });
  };
  const keepInstantInstead = () => {
    if (!note) return;
    setWall(instantToWallClock(note.fromInstant, zone));
    setError(null);
    apply({ at: note.fromInstant, timeZone: zone });
    setNote({ ...note, kept: 'instant' });
  };
  const remove = () => {
    setWall('');
    setNote(null);
    setError(null);
    apply(null);
  };

  const fromClock = note ? clockInZone(note.fromInstant, note.fromZone) : '';
  return (
    <fieldset className="cd-meta__group cd-meta__embargo">
      <legend className="cd-meta__legend">Embargo</legend>
      <div className="cd-meta__grid cd-meta__grid--embargo">
        <input
          className="cd-input cd-meta__input"
          type="datetime-local"
          aria-label="Embargo until"
          value={wall}
          aria-invalid={error ? true : undefined}
          onChange={(e) => changeWall(e.target.value)}
          onBlur={onLeave}
        />
        <select className="cd-select" aria-label="Embargo time zone" value={zone} onChange={(e) => changeZone(e.target.value)} onBlur={onLeave}>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z.replace(/_/g, ' ')}
            </option>
          ))}
        </select>
      </div>
      <FieldError message={error} />
      {note && !(note.kept === 'instant' && note.fromZone === zone) ? (
        <div className="cd-meta__note" role="status" aria-label="Time zone change">
          {note.kept === 'instant' ? (
            <>
              <p>
                Same moment kept: {fromClock} in {note.fromZone} is {clockInZone(note.fromInstant, zone)} in {zone}.
              </p>
              <button type="button" className="cd-link-button" onClick={keepClockInstead}>
                Keep {fromClock} in {zone} instead (moves the embargo)
              </button>
            </>
          ) : (
            <>
              <p>
                Clock time kept: the embargo now lifts at {fromClock} in {zone}, which moves it from {formatInZone(note.fromInstant, note.fromZone)}.
              </p>
              <button type="button" className="cd-link-button" onClick={keepInstantInstead}>
                Keep the original moment instead
              </button>
            </>
          )}
        </div>
      ) : null}
      {embargo ? (
        <div className="cd-meta__embargo-times" id={`${id}-times`}>
          <p aria-label="Embargo countdown" className={Date.parse(embargo.at) > now ? 'cd-meta__countdown' : 'cd-meta__countdown cd-meta__countdown--lifted'}>
            {embargoCountdown(embargo.at, now)}
          </p>
          <p aria-label="Embargo in your time zone">
            Yours ({mine}): {formatInZone(embargo.at, mine)}
          </p>
          {embargo.timeZone !== mine ? (
            <p aria-label="Embargo in its time zone">
              {embargo.timeZone}: {formatInZone(embargo.at, embargo.timeZone)}
            </p>
          ) : null}
          <button type="button" className="cd-button cd-button--small" onClick={remove}>
            Remove embargo
          </button>
        </div>
      ) : (
        <p className="cd-meta__hint">No embargo: the story may run as soon as it is approved.</p>
      )}
    </fieldset>
  );
}

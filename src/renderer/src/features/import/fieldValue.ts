/**
 * A recognised field's value in a few words, for the import summary ("Pesach Benson",
 * "Jerusalem, 2023-04-18 (TPS)"): enough to see at a glance whether the importer read it right.
 * The metadata panel is where it is edited.
 */
import type { FieldName } from '../../../../shared/story-fields.ts';
import type { Story } from '../../../../shared/story.ts';

const MAX = 120;
const clip = (s: string) => (s.length > MAX ? `${s.slice(0, MAX - 1)}…` : s);

export function fieldValue(story: Story, field: FieldName): string {
  return clip(describe(story[field as keyof Story]));
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(describe).filter(Boolean).join(', ');
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    // A dateline: place, date and agency.
    if ('place' in o && 'date' in o) return `${describe(o.place)}, ${describe(o.date)}${o.agency ? ` (${describe(o.agency)})` : ''}`;
    if ('at' in o && 'timeZone' in o) return `${describe(o.at)} (${describe(o.timeZone)})`;
    // A contributor: the name, and the role unless it is the writer's.
    if (typeof o.name === 'string' && typeof o.role === 'string') return o.role === 'writer' ? o.name : `${o.name} (${o.role})`;
    // A person, place, subject, picture: its name, label or file name.
    const name = o.name ?? o.label ?? o.fileName;
    if (typeof name === 'string') return name;
  }
  return '';
}

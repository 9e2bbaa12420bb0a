/**
 * The story's pictures: add by the file picker or by dropping images on the panel; each shows its
 * thumbnail with caption, credit, alt text and usage terms (prefilled by main from the file's
 * IPTC/XMP/EXIF), a choice of lead picture and Remove. Main refuses what is not a picture or is
 * too large; its message shows here.
 */
import { useId, useRef, useState, type DragEvent } from 'react';
import { pictureSchema, picturesSchema, type Picture } from '../../../../shared/news-item.ts';
import { call, errorMessage } from '../../lib/index.ts';
import { CloseIcon, FieldError, PlusIcon } from '../../ui/index.ts';
import { check } from './check.ts';
import { fileAsBase64, thumbnailOf, useThumbnail } from './pictureFiles.tsx';

export interface PicturesFieldProps {
  readonly initial: readonly Picture[];
  readonly onValid: (pictures: Picture[]) => void;
  readonly onLeave: () => void;
}

type TextKey = 'caption' | 'credit' | 'altText' | 'usageTerms';
const TEXT_FIELDS: readonly { key: TextKey; label: string; multiline: boolean }[] = [
  { key: 'caption', label: 'Caption', multiline: true },
  { key: 'credit', label: 'Credit', multiline: false },
  { key: 'altText', label: 'Alt text', multiline: true },
  { key: 'usageTerms', label: 'Usage terms', multiline: false },
];

/** Add files one after another; resolves to the pictures main kept and the reasons for the others. */
async function addFiles(files: readonly File[]): Promise<{ added: Picture[]; refused: string[] }> {
  const added: Picture[] = [];
  const refused: string[] = [];
  for (const file of files) {
    try {
      const [data, thumbnail] = await Promise.all([fileAsBase64(file), thumbnailOf(file)]);
      added.push(await call('pictures.add', { name: file.name || 'picture', data, ...(thumbnail ? { thumbnail } : {}) }));
    } catch (error) {
      const message = errorMessage(error);
      refused.push(message.includes(file.name) ? message : `${file.name}: ${message}`);
    }
  }
  return { added, refused };
}

export function usePictureDrop(onFiles: (files: File[]) => void) {
  const [over, setOver] = useState(false);
  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');
  return {
    over,
    handlers: {
      onDragOver: (e: DragEvent) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      },
      onDragLeave: (e: DragEvent) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      },
      onDrop: (e: DragEvent) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setOver(false);
        onFiles(Array.from(e.dataTransfer.files));
      },
    },
  };
}

export function usePictures({ initial, onValid }: Pick<PicturesFieldProps, 'initial' | 'onValid'>) {
  const [pictures, setPictures] = useState<readonly Picture[]>(initial);
  const [errors, setErrors] = useState<readonly string[]>([]);
  const [busy, setBusy] = useState(false);
  const latest = useRef(pictures);

  const commit = (next: readonly Picture[]) => {
    latest.current = next;
    setPictures(next);
    const checked = check(picturesSchema, next);
    if (checked.ok) onValid(checked.value);
  };
  const add = async (files: readonly File[]) => {
    if (files.length === 0) return;
    setBusy(true);
    const { added, refused } = await addFiles(files);
    setBusy(false);
    setErrors(refused);
    if (added.length === 0) return;
    const known = new Set(latest.current.map((p) => p.sha256));
    const fresh = added.filter((p) => !known.has(p.sha256));
    const hasLead = latest.current.some((p) => p.role === 'lead');
    commit([...latest.current, ...fresh.map((p, i) => ({ ...p, role: !hasLead && i === 0 ? ('lead' as const) : ('inline' as const) }))]);
  };
  return { pictures, errors, busy, add, commit };
}

export function PicturesField({ pictures, errors, busy, onAdd, onCommit, onLeave }: {
  pictures: readonly Picture[];
  errors: readonly string[];
  busy: boolean;
  onAdd: (files: File[]) => void;
  onCommit: (next: readonly Picture[]) => void;
  onLeave: () => void;
}) {
  const fileInput = useRef<HTMLInputElement>(null);
  const group = useId();
  const replace = (sha: string, patch: Partial<Picture>) => onCommit(pictures.map((p) => (p.sha256 === sha ? { ...p, ...patch } : p)));
  const makeLead = (sha: string) => onCommit(pictures.map((p) => ({ ...p, role: p.sha256 === sha ? 'lead' : 'inline' })));
  const remove = (sha: string) => onCommit(pictures.filter((p) => p.sha256 !== sha));

  return (
    <fieldset className="cd-meta__group cd-meta__pictures">
      <legend className="cd-meta__legend">Pictures</legend>
      {pictures.length === 0 ? <p className="cd-meta__hint">No pictures. Add one, or drop image files on this panel.</p> : null}
      <ul className="cd-pictures" aria-label="Pictures">
        {pictures.map((p, i) => (
          <PictureItem key={p.sha256} group={group} picture={p} index={i + 1} onText={(key, value) => replace(p.sha256, { [key]: value })} onLead={() => makeLead(p.sha256)} onRemove={() => remove(p.sha256)} onLeave={onLeave} />
        ))}
      </ul>
      {errors.map((message) => (
        <FieldError key={message} message={message} />
      ))}
      <input
        ref={fileInput}
        type="file"
        accept="image/jpeg,image/png,image/webp,image/gif"
        multiple
        hidden
        aria-label="Picture files"
        onChange={(e) => {
          onAdd(Array.from(e.target.files ?? []));
          e.target.value = '';
        }}
      />
      <button type="button" className="cd-button cd-button--small" disabled={busy} onClick={() => fileInput.current?.click()}>
        <PlusIcon />
        {busy ? 'Adding…' : 'Add pictures…'}
      </button>
    </fieldset>
  );
}

function PictureItem({ group, picture, index, onText, onLead, onRemove, onLeave }: {
  group: string;
  picture: Picture;
  index: number;
  onText: (key: TextKey, value: string) => void;
  onLead: () => void;
  onRemove: () => void;
  onLeave: () => void;
}) {
  const url = useThumbnail(picture.sha256);
  const [raw, setRaw] = useState<Record<TextKey, string>>({ caption: picture.caption, credit: picture.credit, altText: picture.altText, usageTerms: picture.usageTerms });
  const [error, setError] = useState<string | null>(null);
  const change = (key: TextKey, value: string) => {
    setRaw((r) => ({ ...r, [key]: value }));
    const checked = check(pictureSchema.shape[key], value);
    setError(checked.ok ? null : checked.message);
    if (checked.ok) onText(key, checked.value);
  };
  return (
    <li className="cd-picture" aria-label={`Picture ${index}: ${picture.fileName}`}>
      <div className="cd-picture__side">
        {url ? <img className="cd-picture__thumb" src={url} alt={picture.altText} /> : <span className="cd-picture__thumb" />}
        <label className="cd-picture__lead">
          <input type="radio" name={`lead-${group}`} checked={picture.role === 'lead'} onChange={onLead} aria-label={`Lead picture: ${picture.fileName}`} />
          Lead
        </label>
      </div>
      <div className="cd-picture__fields">
        <p className="cd-picture__name">
          <bdi>{picture.fileName}</bdi> · {picture.width} × {picture.height}
          <button type="button" className="cd-icon-button" aria-label={`Remove picture ${picture.fileName}`} title="Remove" onClick={onRemove}>
            <CloseIcon />
          </button>
        </p>
        {TEXT_FIELDS.map((f) =>
          f.multiline ? (
            <textarea key={f.key} className="cd-input cd-input--multiline cd-meta__input" rows={1} dir="auto" aria-label={`${f.label} for ${picture.fileName}`} placeholder={f.label} value={raw[f.key]} onChange={(e) => change(f.key, e.target.value)} onBlur={onLeave} />
          ) : (
            <input key={f.key} className="cd-input cd-meta__input" dir="auto" autoComplete="off" aria-label={`${f.label} for ${picture.fileName}`} placeholder={f.label} value={raw[f.key]} onChange={(e) => change(f.key, e.target.value)} onBlur={onLeave} />
          )
        )}
        <FieldError message={error} />
      </div>
    </li>
  );
}

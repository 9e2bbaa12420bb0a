/** The person at the desk and their preferences: name, role (reporter or editor), theme, trash retention. */
import { useEffect, useState } from 'react';
import { THEMES, type Settings, type Theme } from '../../../../shared/settings.ts';
import { ROLES, personNameSchema, type Role } from '../../../../shared/story.ts';
import { Dialog, FieldError } from '../../ui/index.ts';

export const ROLE_LABELS: Readonly<Record<Role, string>> = { reporter: 'Reporter', editor: 'Editor' };
export const THEME_LABELS: Readonly<Record<Theme, string>> = { system: 'Follow the system', light: 'Light', dark: 'Dark' };

export interface ProfileDialogProps {
  readonly open: boolean;
  readonly settings: Settings;
  readonly onCancel: () => void;
  readonly onSave: (patch: { name: string; role: Role; theme: Theme; trashRetentionDays: number }) => Promise<void>;
}

export function ProfileDialog({ open, settings, onCancel, onSave }: ProfileDialogProps) {
  const [name, setName] = useState(settings.profile.name);
  const [role, setRole] = useState<Role>(settings.profile.role);
  const [theme, setTheme] = useState<Theme>(settings.theme);
  const [retention, setRetention] = useState(String(settings.trashRetentionDays));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setName(settings.profile.name);
    setRole(settings.profile.role);
    setTheme(settings.theme);
    setRetention(String(settings.trashRetentionDays));
    setError(null);
  }, [open, settings]);

  const submit = async () => {
    const parsed = personNameSchema.safeParse(name);
    if (!parsed.success) {
      setError('Type your name: it is shown on approvals and review notes.');
      return;
    }
    const days = Number(retention);
    if (!Number.isInteger(days) || days < 1 || days > 3650) {
      setError('Keep deleted stories for a whole number of days, from 1 to 3650.');
      return;
    }
    setBusy(true);
    try {
      await onSave({ name: parsed.data, role, theme, trashRetentionDays: days });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Profile"
      open={open}
      onCancel={onCancel}
      onSubmit={() => void submit()}
      description="Your name is recorded on approvals and review notes. Editors can approve stories and send them back."
      actions={
        <>
          <button type="button" className="cd-button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="cd-button cd-button--primary" disabled={busy}>
            Save
          </button>
        </>
      }
    >
      <label className="cd-field">
        <span className="cd-field__label">Name</span>
        <input
          className="cd-input"
          type="text"
          aria-label="Name"
          value={name}
          maxLength={200}
          dir="auto"
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            setName(event.target.value);
            setError(null);
          }}
        />
      </label>
      <label className="cd-field">
        <span className="cd-field__label">Role</span>
        <select className="cd-select" aria-label="Role" value={role} onChange={(event) => setRole(event.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </label>
      <label className="cd-field">
        <span className="cd-field__label">Theme</span>
        <select className="cd-select" aria-label="Theme" value={theme} onChange={(event) => setTheme(event.target.value as Theme)}>
          {THEMES.map((t) => (
            <option key={t} value={t}>
              {THEME_LABELS[t]}
            </option>
          ))}
        </select>
      </label>
      <label className="cd-field">
        <span className="cd-field__label">Keep deleted stories for (days)</span>
        <input
          className="cd-input"
          type="number"
          step={1}
          aria-label="Keep deleted stories for (days)"
          value={retention}
          onChange={(event) => {
            setRetention(event.target.value);
            setError(null);
          }}
        />
      </label>
      <FieldError message={error} />
    </Dialog>
  );
}

/** The header: the app's name, and the profile button (who is at the desk, in which role). */
import type { Settings } from '../../../shared/settings.ts';
import { Brand } from '../ui/index.ts';
import { ROLE_LABELS } from '../features/profile/index.ts';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1][0] ?? '') : '')).toUpperCase() || '?';
}

export interface DeskHeaderProps {
  /** Null until the settings are read: no profile button yet. */
  readonly profile: Settings['profile'] | null;
  readonly onOpenProfile: () => void;
}

export function DeskHeader({ profile, onOpenProfile }: DeskHeaderProps) {
  return (
    <header className="cd-header">
      <Brand />
      {profile ? (
        <button
          type="button"
          className="cd-profile"
          aria-haspopup="dialog"
          aria-label={`Profile: ${profile.name}, ${ROLE_LABELS[profile.role]}`}
          title="Change your name, role or theme"
          onClick={onOpenProfile}
        >
          <span className="cd-profile__avatar" aria-hidden="true">
            {initials(profile.name)}
          </span>
          <span className="cd-profile__name" dir="auto">
            {profile.name}
          </span>
          <span className={`cd-profile__role cd-profile__role--${profile.role}`}>{ROLE_LABELS[profile.role]}</span>
        </button>
      ) : null}
    </header>
  );
}

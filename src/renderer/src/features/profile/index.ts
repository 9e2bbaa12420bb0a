/** The profile: name, role and theme. Other parts of the renderer import it only through this file. */
export { ProfileDialog, ROLE_LABELS } from './ProfileDialog.tsx';
export { useProfile } from './useProfile.ts';

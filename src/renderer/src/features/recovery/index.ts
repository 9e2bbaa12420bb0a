/** Recovery: the screen shown instead of the desk when the library file is damaged. Other parts of the renderer import it only through this file. */
export { RecoveryScreen, type UnsavedText } from './RecoveryScreen.tsx';
export { useDamageHandoff } from './useDamageHandoff.ts';
export { useRecoveredNotice } from './useRecoveredNotice.ts';
export { useRecoveryGate, type Recovered } from './useRecoveryGate.ts';

// The feature's own styles, after those of everything it uses.
import './recovery.css';

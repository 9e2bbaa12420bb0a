import type { CopydeskApi } from '../../shared/api.ts';

declare global {
  interface Window {
    /** Installed by the preload (Electron) or the browser test bridge (web). */
    readonly copydesk: CopydeskApi;
  }
}

// Builds the browser test bridge's client: the script that installs `window.copydesk` over HTTP
// from the same contract table the preload uses. Served only by `npm run web`, never by the app.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    outDir: resolve('out/web-bridge'),
    emptyOutDir: true,
    lib: { entry: resolve('src/web-bridge/client.ts'), formats: ['es'], fileName: () => 'client.js' },
  },
});

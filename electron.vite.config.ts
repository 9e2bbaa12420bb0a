import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  // Main is ESM (electron-store is ESM-only); `dependencies` stay external and load from node_modules.
  main: {
    build: {
      rollupOptions: { input: { index: resolve('src/main/electron/index.ts') } },
    },
  },
  // A sandboxed preload cannot load ESM or require packages: one self-contained CommonJS bundle.
  preload: {
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    plugins: [react()],
  },
});

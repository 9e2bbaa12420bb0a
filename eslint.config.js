// Lint: typescript-eslint 8.74 (supports TypeScript < 6.1, hence TypeScript 6.0 for the whole project)
// plus the import directions of the architecture, enforced per folder.
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util',
  'stream', 'zlib', 'worker_threads', 'process', 'buffer', 'events',
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Pure TypeScript: no Node, no DOM frameworks, no Electron.
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*'], message: 'src/shared is pure TypeScript: no Electron.' },
          { group: nodeBuiltins, message: 'src/shared is pure TypeScript: no Node built-ins.' },
          { group: ['react', 'react-dom', 'lexical', '@lexical/*', '**/main/**', '**/renderer/**', '**/preload/**'], message: 'src/shared imports nothing above it.' },
        ],
      }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'src/web-bridge/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*'], message: 'The renderer reaches main only through the contract client.' },
          { group: nodeBuiltins, message: 'The renderer runs in a sandboxed page: no Node built-ins.' },
          { group: ['**/main/**', '**/preload/**'], message: 'The renderer imports only src/shared and itself.' },
        ],
      }],
    },
  },
  {
    // Services run in the app, the tests, the browser bridge and the command line: never Electron.
    files: ['src/main/services/**/*.ts', 'src/main/web/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*', 'electron-store'], message: 'Services never import Electron: paths and settings are injected.' },
          { group: ['**/renderer/**', '**/preload/**', '**/electron/**'], message: 'Services import only src/shared and other services.' },
        ],
      }],
    },
  },
  {
    // The command line (`copydesk`) runs in plain Node beside the app: services and shared, never Electron.
    files: ['src/main/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*', 'electron-store'], message: 'The command line runs in plain Node: no Electron (settings through conf, as the bridge).' },
          { group: ['**/renderer/**', '**/preload/**', '**/electron/**', '**/web/**'], message: 'The command line imports only services and src/shared.' },
        ],
      }],
    },
  },
  {
    // Only the two IPC wrappers may touch ipcMain / ipcRenderer.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/main/electron/ipc.ts', 'src/preload/index.ts'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "Identifier[name='ipcMain']", message: 'Only src/main/electron/ipc.ts may use ipcMain.' },
        { selector: "Identifier[name='ipcRenderer']", message: 'Only src/preload/index.ts may use ipcRenderer.' },
      ],
    },
  },
);

// Lint: typescript-eslint 8.74 (supports TypeScript < 6.1, hence TypeScript 6.0 for the whole project)
// plus the import directions of the architecture, enforced per folder.
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util',
  'stream', 'zlib', 'worker_threads', 'process', 'buffer', 'events',
];

// The renderer's own layer rules. A later block that sets `no-restricted-imports` replaces these
// options, so every renderer block repeats them.
const rendererPatterns = [
  { group: ['electron', 'electron/*'], message: 'The renderer reaches main only through the contract client.' },
  { group: nodeBuiltins, message: 'The renderer runs in a sandboxed page: no Node built-ins.' },
  { group: ['**/main/**', '**/preload/**'], message: 'The renderer imports only src/shared and itself.' },
];

// Inside the renderer (src/renderer/src): feature folders (features/<name>/), shared atoms (ui/),
// helpers without UI (lib/) and the desk's shell (app/). Each is entered only through its
// index.ts, so the inside of one can change without touching the others; ui/ and lib/ sit below
// the features and never import them. Imports are relative, so the patterns depend on how deep
// the importing file sits: one block per depth.
const RENDERER_SRC = 'src/renderer/src';
const UNITS = '(features/[^/]+|ui|lib|app)';
const NOT_INDEX = '(?!index\\.ts$)';
const up = (levels) => (levels === 0 ? '\\./' : `(\\.\\./){${levels}}`);
const FRONT_DOOR = 'Import another part of the renderer only through its index.ts (features/<name>/index.ts, ui/index.ts, lib/index.ts, app/index.ts).';

function rendererFrontDoors() {
  const blocks = [{
    files: [`${RENDERER_SRC}/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [...rendererPatterns, { regex: `^${up(0)}${UNITS}/${NOT_INDEX}`, message: FRONT_DOOR }],
      }],
    },
  }];
  for (let extra = 0; extra <= 3; extra += 1) {
    const below = '/*'.repeat(extra);
    // features/<name>/…: up one level more than `extra` reaches the other features.
    blocks.push({
      files: [`${RENDERER_SRC}/features/*${below}/*.{ts,tsx}`],
      rules: {
        'no-restricted-imports': ['error', {
          patterns: [
            ...rendererPatterns,
            { regex: `^${up(extra + 1)}(?!\\.)[^/]+/${NOT_INDEX}`, message: FRONT_DOOR },
            { regex: `^${up(extra + 2)}${UNITS}/${NOT_INDEX}`, message: FRONT_DOOR },
          ],
        }],
      },
    });
    blocks.push({
      files: [`${RENDERER_SRC}/{ui,lib}${below}/*.{ts,tsx}`],
      rules: {
        'no-restricted-imports': ['error', {
          patterns: [
            ...rendererPatterns,
            { regex: `^${up(extra + 1)}(features|app)(/|$)`, message: 'ui/ and lib/ sit below the features and the shell: they import neither.' },
            { regex: `^${up(extra + 1)}${UNITS}/${NOT_INDEX}`, message: FRONT_DOOR },
          ],
        }],
      },
    });
    blocks.push({
      files: [`${RENDERER_SRC}/app${below}/*.{ts,tsx}`],
      rules: {
        'no-restricted-imports': ['error', {
          patterns: [...rendererPatterns, { regex: `^${up(extra + 1)}${UNITS}/${NOT_INDEX}`, message: FRONT_DOOR }],
        }],
      },
    });
  }
  return blocks;
}

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
      'no-restricted-imports': ['error', { patterns: rendererPatterns }],
    },
  },
  ...rendererFrontDoors(),
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

/**
 * The application menu. Story commands are not handled here: they are sent to the focused
 * window's renderer as `menu.command` events, where the same code as the toolbar runs them.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/contract.ts';

export interface MenuOptions {
  readonly appName: string;
  readonly isMac: boolean;
  /** Reload and developer tools appear only in development. */
  readonly isDev: boolean;
  readonly sendCommand: (command: MenuCommand) => void;
  readonly openDataFolder: () => void;
}

export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { appName, isMac, isDev, sendCommand } = options;
  const command = (label: string, name: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => sendCommand(name),
  });
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: appName,
          submenu: [
            { role: 'about' },
            separator,
            { role: 'services' },
            separator,
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            separator,
            { role: 'quit' },
          ],
        },
      ]
    : [];

  return [
    ...appMenu,
    {
      label: '&File',
      submenu: [
        command('New Story', 'new-story', 'CmdOrCtrl+N'),
        command('Import…', 'import-files'),
        command('Save', 'save', 'CmdOrCtrl+S'),
        separator,
        command('Export…', 'export', 'CmdOrCtrl+E'),
        separator,
        // No shortcut: deleting a story should never be one stray keystroke away.
        command('Delete Story', 'delete'),
        ...(isMac ? [] : [separator, { role: 'quit' } as MenuItemConstructorOptions]),
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        separator,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        separator,
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        command('Toggle Dark Theme', 'toggle-theme'),
        separator,
        ...(isDev
          ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator] as MenuItemConstructorOptions[])
          : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        separator,
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'Show Data Folder', click: () => options.openDataFolder() },
        ...(isMac ? [] : [{ role: 'about' } as MenuItemConstructorOptions]),
      ],
    },
  ];
}

export function buildMenu(options: MenuOptions): Menu {
  return Menu.buildFromTemplate(menuTemplate(options));
}

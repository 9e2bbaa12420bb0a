// The command line's grammar and its data folder, without a library.
import { describe, expect, it } from 'vitest';
import { UsageError, parseCommandLine } from '../../src/main/cli/args.ts';
import { appDataFolder, chooseDataFolder } from '../../src/main/cli/data-folder.ts';

describe('copydesk arguments', () => {
  it('reads a command, its options and its arguments, options in any place', () => {
    expect(parseCommandLine(['list', '--status', 'approved', '--json', '--data', '/d'])).toEqual({
      command: 'list',
      help: false,
      json: true,
      data: '/d',
      options: { status: 'approved' },
      positionals: [],
    });
    expect(parseCommandLine(['--data=/d', 'export', 'A', 'B', '--format', 'markdown', '--out', 'x'])).toMatchObject({
      command: 'export',
      data: '/d',
      options: { format: 'markdown', out: 'x' },
      positionals: ['A', 'B'],
    });
  });

  it.each([
    [[], /name a command/],
    [['publish'], /there is no command "publish"/],
    [['list', '--bogus'], /there is no option --bogus/],
    [['list', '--status'], /--status needs a value/],
    [['list', '--json=yes'], /--json takes no value/],
    [['show'], /show needs ID/],
    [['show', 'A', 'B'], /show takes one ID/],
    [['import'], /import needs FILE/],
    [['formats', 'extra'], /formats takes no arguments/],
    [['show', 'A', '--format', 'markdown'], /show takes no option --format/],
    [['list', '--all'], /list takes no option --all/],
  ])('refuses %j as wrong usage', (argv, message) => {
    let thrown: unknown;
    try {
      parseCommandLine(argv);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as Error).message).toMatch(message);
  });

  it('takes --help alone, or after a command even without its arguments', () => {
    expect(parseCommandLine(['--help'])).toMatchObject({ command: null, help: true });
    expect(parseCommandLine(['show', '-h'])).toMatchObject({ command: 'show', help: true });
  });
});

describe('the data folder', () => {
  const env = { HOME: '/home/ada' };
  it('is the app’s user-data folder by default, as Electron names it for productName Copydesk', () => {
    expect(appDataFolder('linux', {}, '/home/ada')).toBe('/home/ada/.config/Copydesk');
    expect(appDataFolder('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/ada')).toBe('/xdg/Copydesk');
    expect(appDataFolder('darwin', {}, '/Users/ada')).toBe('/Users/ada/Library/Application Support/Copydesk');
    expect(appDataFolder('win32', { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'C:\\Users\\ada')).toBe('C:\\Users\\ada\\AppData\\Roaming\\Copydesk');
    expect(chooseDataFolder({ env, cwd: '/work', platform: 'linux', home: '/home/ada' })).toBe('/home/ada/.config/Copydesk');
  });

  it('is --data, else COPYDESK_DATA, relative paths from the current folder', () => {
    expect(chooseDataFolder({ flag: 'lib', env: { ...env, COPYDESK_DATA: '/env' }, cwd: '/work', platform: 'linux', home: '/home/ada' })).toBe('/work/lib');
    expect(chooseDataFolder({ env: { ...env, COPYDESK_DATA: 'rel' }, cwd: '/work', platform: 'linux', home: '/home/ada' })).toBe('/work/rel');
    expect(chooseDataFolder({ env: { ...env, COPYDESK_DATA: '' }, cwd: '/work', platform: 'linux', home: '/home/ada' })).toBe('/home/ada/.config/Copydesk');
  });
});

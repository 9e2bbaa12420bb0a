/**
 * The Electron shell's pure parts, without Electron: the URL policy, the CSP, and the close guard
 * (including the timeout the bundle test cannot wait for).
 */
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FLUSH_TIMEOUT_MS, guardClose, type GuardedWindow } from '../../src/main/electron/close-guard.ts';
import { appLocation, contentSecurityPolicy, isAppUrl, isSafeExternalUrl } from '../../src/main/electron/security.ts';

const INDEX = join('/opt', 'Copydesk', 'out', 'renderer', 'index.html');
const built = appLocation({ isPackaged: true, devServerUrl: undefined, rendererIndexFile: INDEX });
const dev = appLocation({ isPackaged: false, devServerUrl: 'http://localhost:5173/', rendererIndexFile: INDEX });

describe('URL policy', () => {
  it('ignores a dev server URL in a packaged app, and anything but http(s)', () => {
    expect(appLocation({ isPackaged: true, devServerUrl: 'http://localhost:5173', rendererIndexFile: INDEX }).devServerUrl).toBeNull();
    expect(appLocation({ isPackaged: false, devServerUrl: 'file:///tmp/x.html', rendererIndexFile: INDEX }).devServerUrl).toBeNull();
    expect(appLocation({ isPackaged: false, devServerUrl: 'not a url', rendererIndexFile: INDEX }).devServerUrl).toBeNull();
    expect(dev.devServerUrl).toBe('http://localhost:5173/');
  });

  it('treats only the renderer index.html as the built app', () => {
    const index = pathToFileURL(INDEX).href;
    expect(isAppUrl(built, index)).toBe(true);
    expect(isAppUrl(built, `${index}?x=1#/story/1`)).toBe(true);
    expect(isAppUrl(built, pathToFileURL(join('/opt', 'Copydesk', 'out', 'renderer', 'other.html')).href)).toBe(false);
    expect(isAppUrl(built, 'file:///etc/passwd')).toBe(false);
    expect(isAppUrl(built, 'http://localhost:5173/')).toBe(false);
    expect(isAppUrl(built, '')).toBe(false);
  });

  it('treats the dev server origin as the app in dev, and nothing else', () => {
    expect(isAppUrl(dev, 'http://localhost:5173/src/main.tsx')).toBe(true);
    expect(isAppUrl(dev, 'http://localhost:5174/')).toBe(false);
    expect(isAppUrl(dev, 'http://localhost.evil.example:5173/')).toBe(false);
    expect(isAppUrl(dev, pathToFileURL(INDEX).href)).toBe(false);
  });

  it('lets only http, https and mailto URLs leave the app', () => {
    for (const url of ['https://example.com', 'http://example.com/x?y', 'mailto:desk@example.com']) expect(isSafeExternalUrl(url), url).toBe(true);
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'smb://host/share', 'ms-msdt:/id', 'vbscript:x', '', 'example.com']) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });

  it('builds a strict CSP, loosened in dev only for the dev server', () => {
    expect(contentSecurityPolicy(built)).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    );
    const devCsp = contentSecurityPolicy(dev);
    expect(devCsp).toContain("connect-src 'self' http://localhost:5173 ws://localhost:5173");
    expect(devCsp).toContain("script-src 'self' 'unsafe-inline' http://localhost:5173");
    expect(devCsp).toContain("object-src 'none'");
  });
});

class FakeWindow extends EventEmitter {
  destroyed = false;
  closes = 0;
  readonly webContents = { isDestroyed: () => false, isCrashed: () => this.crashed };
  crashed = false;
  close(): void {
    this.closes += 1;
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroyed = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

function guarded() {
  const win = new FakeWindow();
  const flush = vi.fn();
  const guard = guardClose(win as unknown as GuardedWindow, flush);
  return { win, flush, guard };
}

describe('close guard', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('holds the first close, asks once for a flush, and closes when the renderer confirms', () => {
    const { win, flush, guard } = guarded();
    win.close();
    win.close();
    expect(win.destroyed).toBe(false);
    expect(flush).toHaveBeenCalledTimes(1);
    guard.proceed();
    expect(win.destroyed).toBe(true);
    guard.proceed();
    expect(win.closes).toBe(3);
  });

  it(`closes anyway after ${FLUSH_TIMEOUT_MS} ms when the renderer never answers`, () => {
    const { win } = guarded();
    win.close();
    vi.advanceTimersByTime(FLUSH_TIMEOUT_MS - 1);
    expect(win.destroyed).toBe(false);
    vi.advanceTimersByTime(1);
    expect(win.destroyed).toBe(true);
  });

  it('keeps the window open when the renderer could not save, and asks again on the next close', () => {
    const { win, flush, guard } = guarded();
    win.close();
    guard.cancel();
    vi.advanceTimersByTime(FLUSH_TIMEOUT_MS * 2);
    expect(win.destroyed).toBe(false);
    win.close();
    expect(flush).toHaveBeenCalledTimes(2);
    guard.proceed();
    expect(win.destroyed).toBe(true);
  });

  it('ignores a confirmation when no close is pending', () => {
    const { win, guard } = guarded();
    guard.proceed();
    expect(win.closes).toBe(0);
    expect(win.destroyed).toBe(false);
  });

  it('does not wait for a crashed renderer', () => {
    const { win, flush } = guarded();
    win.crashed = true;
    win.close();
    expect(flush).not.toHaveBeenCalled();
    expect(win.destroyed).toBe(true);
  });
});

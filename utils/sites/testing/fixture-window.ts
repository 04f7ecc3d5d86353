import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';

/** Test-only helpers: open a fixture page in happy-dom with its own scripts running (`__nav` works). */

const HERE = dirname(fileURLToPath(import.meta.url));
/** Repository root (this file is utils/sites/testing/). */
export const REPO_ROOT = resolve(HERE, '../../..');
/** The shared fixtures, a sibling of the repository checkout. */
export const SHARED_FIXTURES = resolve(REPO_ROOT, '../shared/fixtures');
/** This repository's own dated fixtures. */
export const OWN_FIXTURES = resolve(REPO_ROOT, 'tests/fixtures');

export interface FixtureWindow {
  win: Window;
  doc: Document;
  url(): URL;
  /** Calls the fixture's `__nav` (delay 0 applies the state synchronously). */
  nav(target: number | string, delay?: number): Promise<unknown>;
  /** Calls a `window.__fixture` helper (expand, showDetails). */
  fixture(helper: string, ...args: unknown[]): unknown;
  close(): Promise<void>;
}

/** Opens a fixture file; `transform` rewrites its HTML first (language variants). */
export async function openFixture(file: string, url: string, scripts = true, transform?: (html: string) => string): Promise<FixtureWindow> {
  const source = readFileSync(file, 'utf8');
  const html = transform ? transform(source) : source;
  const win = new Window({
    url,
    settings: {
      enableJavaScriptEvaluation: scripts,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: { disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  win.document.write(html);
  // Inline scripts ran during write(); waiting for "complete" would wait for the hostile page's 30 s timers.
  await Promise.resolve();
  const page = win as unknown as { __nav?: (t: unknown, o: unknown) => Promise<unknown>; __fixture?: Record<string, (...a: unknown[]) => unknown> };
  return {
    win,
    doc: win.document as unknown as Document,
    url: () => new URL(win.location.href),
    nav: (target, delay = 0) => (page.__nav ? page.__nav(target, { delay }) : Promise.reject(new Error('no __nav'))),
    fixture: (helper, ...args) => page.__fixture?.[helper]?.(...args),
    close: async () => {
      await win.happyDOM.abort();
      await win.happyDOM.close();
    },
  };
}

// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { gmailAdapter } from './gmail/adapter';
import { linkedinAdapter } from './linkedin/adapter';
import { SHARED_FIXTURES } from './testing/fixture-window';
import type { RawPageContext } from './types';
import { watchPage } from './watch';

/**
 * SPA following, on the real fixture markup loaded into the test window (fixture scripts do not run
 * here; the tests play the host page: change the URL first, swap the DOM later, as LinkedIn does).
 */

function load(file: string, path: string) {
  const parsed = new DOMParser().parseFromString(readFileSync(join(SHARED_FIXTURES, file), 'utf8'), 'text/html');
  document.documentElement.replaceChildren(document.importNode(parsed.head, true), document.importNode(parsed.body, true));
  history.replaceState(null, '', path);
}

/** What the fixture runtime's "fill" op does: replace a slot's content with a template's. */
function fill(slot: string, template: string) {
  const target = document.querySelector(`[data-fx-slot="${slot}"]`)!;
  target.replaceChildren(document.importNode((document.getElementById(`fx-tpl-${template}`) as HTMLTemplateElement).content, true));
}

const frames = (ms = 40) => new Promise((resolve) => setTimeout(resolve, ms));
const names = (ctx: RawPageContext | undefined) => (ctx?.people ?? []).map((p) => p.name);

let dispose: (() => void) | undefined;
afterEach(() => {
  dispose?.();
  dispose = undefined;
  vi.restoreAllMocks();
});

describe('watchPage', () => {
  test('LinkedIn: new URL over the old profile never reports the old person; the new one follows the swap', async () => {
    load('linkedin-profile.html', '/in/amara-okafor-9b2a41/');
    const seen: RawPageContext[] = [];
    dispose = watchPage(linkedinAdapter, window, (ctx) => seen.push(ctx));
    expect(names(seen.at(-1))).toEqual(['Amara Okafor']);

    // pushState first (invisible to content scripts); LinkedIn keeps the old DOM for a while and
    // something unrelated in the pane mutates meanwhile.
    history.pushState(null, '', '/in/tomas-o-briain-3c7d55/');
    document.querySelector('main section')!.setAttribute('aria-expanded', 'true');
    await frames();
    expect(seen.at(-1)!.url).toContain('/in/tomas-o-briain-3c7d55/');
    expect(seen.at(-1)!.people).toEqual([]);

    fill('main', 'profile-B');
    document.title = '(2) Tomás Ó Briain | LinkedIn';
    await frames();
    expect(names(seen.at(-1))).toEqual(['Tomás Ó Briain']);
    for (const ctx of seen) {
      if (ctx.url.includes('tomas-o-briain')) expect(names(ctx)).not.toContain('Amara Okafor');
    }
  });

  test('Gmail: after a hash navigation and swap only the new thread’s people are reported', async () => {
    load('gmail-thread.html', '/mail/u/0/#inbox/FMfcgzQZTMvkXqGbsnHKwPjdBlRrCcMx');
    const seen: RawPageContext[] = [];
    dispose = watchPage(gmailAdapter, window, (ctx) => seen.push(ctx));
    expect(names(seen.at(-1))).toContain('Jürgen Weiß');

    location.hash = '#inbox/FMfcgzQZTVWnbHxpLQjdsGkcRtMpsFzw';
    document.querySelector('[data-fx-slot="thread"]')!.replaceChildren();
    await frames();
    fill('thread', 'thread-B');
    await frames();
    const last = seen.at(-1)!;
    expect(last.subject).toBe('Delivery window 🚚 confirmed for PO-7781');
    expect(names(last).sort()).toEqual(['Tomás Ó Briain', 'ops@harbourfreight.example']);
    // Reports are deduplicated: the same context is not sent twice in a row.
    const signatures = seen.map((ctx) => JSON.stringify(ctx));
    signatures.slice(1).forEach((s, i) => expect(s).not.toBe(signatures[i]));
  });

  test('dispose disconnects the observer, cancels the frame and removes the listeners', async () => {
    load('gmail-thread.html', '/mail/u/0/#inbox/FMfcgzQZTMvkXqGbsnHKwPjdBlRrCcMx');
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const removed = vi.spyOn(window, 'removeEventListener');
    const seen: RawPageContext[] = [];
    const stop = watchPage(gmailAdapter, window, (ctx) => seen.push(ctx));
    const before = seen.length;
    document.querySelector('[data-fx-slot="thread"]')!.replaceChildren(); // schedules a frame
    stop();
    expect(disconnect).toHaveBeenCalled();
    expect(removed.mock.calls.map((c) => c[0]).sort()).toEqual(['hashchange', 'popstate']);
    fill('thread', 'thread-B');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await frames();
    expect(seen.length).toBe(before);
  });

  test('an adapter that throws does not escape into the page', async () => {
    const broken = { ...gmailAdapter, extract: () => { throw new Error('boom'); } };
    const seen: RawPageContext[] = [];
    expect(() => (dispose = watchPage(broken, window, (ctx) => seen.push(ctx)))).not.toThrow();
    await frames();
    expect(seen).toEqual([]);
  });
});

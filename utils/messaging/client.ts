import { browser } from 'wxt/browser';
import type { I18nHost } from '../i18n';
import type { PageContext } from '../sites/types';
import { BROADCAST_PORT, BroadcastSchema, type Broadcast, type PageMessage, type PageReplies, type PageRequest } from './protocol';

/** Extension-page side of the protocol: ask the background, listen to its broadcasts. */

/** Sends a request of a known type and returns its typed reply (throws the background's refusal). */
async function ask<T extends PageMessage['type']>(message: PageRequest<T>): Promise<PageReplies[T]> {
  const reply = (await browser.runtime.sendMessage(message)) as ({ ok: boolean; error?: string } & PageReplies[T]) | undefined;
  if (!reply?.ok) throw new Error(reply?.error ?? 'no reply from the extension');
  return reply;
}

/**
 * Which tab this sidebar serves: `?tabId=N`, else the tab whose page hosts this frame,
 * else undefined (the side panel follows the active tab).
 */
export async function resolveTabId(search: string): Promise<number | undefined> {
  const fromUrl = Number(new URLSearchParams(search).get('tabId'));
  if (Number.isInteger(fromUrl) && fromUrl >= 0 && new URLSearchParams(search).has('tabId')) return fromUrl;
  try {
    const { tabId } = await ask({ type: 'frame/tab' });
    return tabId ?? undefined;
  } catch {
    return undefined;
  }
}

/** The validated context of a tab (or of the active tab). */
export async function getContext(tabId: number | undefined): Promise<{ tabId: number; context: PageContext | null }> {
  return ask(tabId === undefined ? { type: 'context/get' } : { type: 'context/get', tabId });
}

type BroadcastListener = (message: Broadcast) => void;
const listeners = new Set<BroadcastListener>();
let subscribed = false;

/**
 * Where this page hears the background's broadcasts. A page framed in a web page in Firefox has no
 * `tabs` API and is not reached by the background's `runtime.sendMessage`: it opens a port, which the
 * background also broadcasts to. Every other page listens to `runtime.onMessage` (one channel only,
 * so a toggle is never applied twice).
 */
function subscribe(): void {
  if (subscribed) return;
  subscribed = true;
  const deliver = (message: unknown) => {
    const parsed = BroadcastSchema.safeParse(message);
    if (parsed.success) for (const listener of [...listeners]) listener(parsed.data);
  };
  if (!(browser as { tabs?: unknown }).tabs) {
    const connect = () => {
      try {
        const port = browser.runtime.connect({ name: BROADCAST_PORT });
        port.onMessage.addListener(deliver);
        // The background page reloads with the extension; a port to the old one is gone.
        port.onDisconnect.addListener(() => setTimeout(connect, 1000));
      } catch {
        // The extension was removed or disabled: this page is going away with it.
      }
    };
    connect();
    return;
  }
  browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string }) => {
    // Broadcasts come from our own background only; everything else is ignored unparsed.
    if (sender.id === browser.runtime.id) deliver(message);
  });
}

function onBroadcast(listener: BroadcastListener): () => void {
  subscribe();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Calls back with each new context the background broadcasts; returns the unsubscribe. */
export function onContextChanged(listener: (tabId: number, context: PageContext | null) => void): () => void {
  return onBroadcast((message) => {
    if (message.type === 'context/changed') listener(message.tabId, message.context);
  });
}

/** Calls back when the background asks a tab's sidebar to show a contact (a reminder about them was clicked). */
export function onFocusRequested(listener: (tabId: number, contactId: string) => void): () => void {
  return onBroadcast((message) => {
    if (message.type === 'focus/changed' && message.contactId) listener(message.tabId, message.contactId);
  });
}

/**
 * Calls back when the user switches tabs (the side panel follows the active tab). Told by the
 * background, not read from `browser.tabs`: Firefox gives a framed extension page no `tabs` API.
 */
export function onActiveTabChanged(listener: (tabId: number) => void): () => void {
  return onBroadcast((message) => {
    if (message.type === 'tab/activated') listener(message.tabId);
  });
}

/** UI strings from `_locales` in the browser's language, for `setI18nHost` (utils/i18n). */
export const i18nHost: I18nHost = {
  message(key, substitutions) {
    // Keys come from the generated catalog, which WXT's typed key list does not know about.
    const getMessage = browser.i18n.getMessage as (key: string, substitutions?: string[]) => string;
    return getMessage(key, substitutions);
  },
  uiLanguage: () => browser.i18n.getUILanguage(),
};

/** Tells the background which contact this tab's sidebar has in focus (context-menu captures). */
export async function setFocus(tabId: number, contactId: string | null): Promise<void> {
  await ask({ type: 'focus/set', tabId, contactId }).catch(() => undefined);
}

/** Asks the background to log the mail thread on screen in a tab now (the sidebar has shown it, or someone there became known). */
export async function runAutoLog(tabId: number): Promise<void> {
  await ask({ type: 'autolog/run', tabId }).catch(() => undefined);
}

/** Saves the page in a tab (Readability) as a note for a contact. */
export async function savePageNote(tabId: number, contactId: string): Promise<void> {
  await ask({ type: 'page/save-note', tabId, contactId, selectionOnly: false });
}

/** Makes a backup into Downloads/Rapport/ now; resolves when the file is saved. */
export async function backupNow(): Promise<void> {
  await ask({ type: 'backup/run' });
}

/** Tells the background a contact was erased, so it forgets what it holds of them outside the database. */
export async function contactErased(who: { contactId: string; emails: string[]; names: string[]; linkedin: string[] }): Promise<void> {
  await ask({ type: 'contact/erased', ...who }).catch(() => undefined);
}

export interface Layout {
  collapsed: boolean;
  width: number;
}

/** The docked frame's layout remembered for a site. */
export async function loadLayout(site: string): Promise<Layout | undefined> {
  const key = `layout:${site}`;
  const stored = (await browser.storage.local.get(key))[key] as Partial<Layout> | undefined;
  if (!stored || typeof stored.collapsed !== 'boolean' || typeof stored.width !== 'number') return undefined;
  return { collapsed: stored.collapsed, width: stored.width };
}

/** Applies a layout to a tab's frame and remembers it for the site. */
export async function applyLayout(tabId: number, site: string, layout: Layout): Promise<void> {
  await browser.storage.local.set({ [`layout:${site}`]: layout });
  await ask({ type: 'frame/layout', tabId, ...layout });
}

/** This build's version (the manifest's), stamped into exports. */
export function appVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return '0.0.0';
  }
}

/** Calls back when the keyboard shortcut asks the docked sidebar of this tab to collapse or expand. */
export function onFrameToggle(tabId: number, listener: () => void): () => void {
  return onBroadcast((message) => {
    if (message.type === 'frame/toggle' && message.tabId === tabId) listener();
  });
}

/**
 * The zod-free half of the message protocol: names and shapes that content scripts send. Content
 * scripts import only this file (React, Dexie and zod stay out of the host page); every receiver
 * validates with the schemas in `protocol.ts`.
 */
import { browser } from 'wxt/browser';
import type { RawPageContext } from '../sites/types';

/** Content script → background: what is on screen now. Answered with the sender's tab id. */
export interface ContextUpdate {
  type: 'context/update';
  context: RawPageContext;
}

/** Content script → background: the page is going away (SPA torn down, script invalidated). */
export interface ContextClear {
  type: 'context/clear';
}

export type ContentMessage = ContextUpdate | ContextClear;

/** Reply to a context update. */
export interface ContextAck {
  ok: boolean;
  tabId?: number;
}

/** Sends the page context; never throws into the host page (an extension reload drops the channel). */
export async function sendContext(context: RawPageContext): Promise<ContextAck> {
  try {
    const reply = (await browser.runtime.sendMessage({ type: 'context/update', context } satisfies ContextUpdate)) as
      | ContextAck
      | undefined;
    return reply ?? { ok: false };
  } catch {
    return { ok: false };
  }
}

/** Tells the background this page's context is gone. */
export async function clearContext(): Promise<void> {
  try {
    await browser.runtime.sendMessage({ type: 'context/clear' } satisfies ContextClear);
  } catch {
    // The extension was reloaded or the page is unloading: nothing to clear.
  }
}

/** URL of a packaged extension page (the sidebar frame). */
export function extensionUrl(path: `/${string}`): string {
  return browser.runtime.getURL(path as '/sidebar.html');
}

/** Background → webmail content script: the docked frame's layout. */
export interface FrameLayout {
  type: 'frame/layout';
  collapsed: boolean;
  width: number;
}

/** Listens for layout changes of the docked frame; checks the shape by hand (no zod here). */
export function onFrameLayout(listener: (layout: FrameLayout) => void): () => void {
  const handler = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id || typeof message !== 'object' || message === null) return;
    const m = message as Partial<FrameLayout>;
    if (m.type !== 'frame/layout' || typeof m.collapsed !== 'boolean' || typeof m.width !== 'number') return;
    if (!Number.isFinite(m.width) || m.width < 0 || m.width > 2000) return;
    listener({ type: 'frame/layout', collapsed: m.collapsed, width: Math.round(m.width) });
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}

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

/**
 * The zod-free half of the message protocol: names and shapes that content scripts send. Content
 * scripts import only this file (React, Dexie and zod stay out of the host page); every receiver
 * validates with the schemas in `protocol.ts`.
 */
import type { RawPageContext } from '../sites/types';

/** The part of the extension API a content script uses: promise-based in Chrome MV3 and Firefox. */
interface ContentApi {
  runtime: {
    id?: string;
    sendMessage(message: unknown): Promise<unknown>;
    getURL(path: string): string;
    onMessage: {
      addListener(listener: (message: unknown, sender: { id?: string }) => void): void;
      removeListener(listener: (message: unknown, sender: { id?: string }) => void): void;
    };
  };
}

// Taken once, when the script starts at document_start: later a page's `<form name=chrome>` could
// shadow the global. Content scripts use the native promise API, not webextension-polyfill (10 kB
// the host page would parse on every load); extension pages and the background use the polyfill.
const globals = globalThis as { browser?: ContentApi; chrome?: ContentApi };
const api: ContentApi = globals.browser?.runtime?.sendMessage ? globals.browser : globals.chrome!;

/** The extension's id, or undefined once the extension was reloaded or removed. */
export function runtimeId(): string | undefined {
  try {
    return api.runtime?.id;
  } catch {
    return undefined;
  }
}

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
    const reply = (await api.runtime.sendMessage({ type: 'context/update', context } satisfies ContextUpdate)) as
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
    await api.runtime.sendMessage({ type: 'context/clear' } satisfies ContextClear);
  } catch {
    // The extension was reloaded or the page is unloading: nothing to clear.
  }
}

/** URL of a packaged extension page (the sidebar frame). */
export function extensionUrl(path: `/${string}`): string {
  return api.runtime.getURL(path);
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
    if (sender.id !== api.runtime.id || typeof message !== 'object' || message === null) return;
    const m = message as Partial<FrameLayout>;
    if (m.type !== 'frame/layout' || typeof m.collapsed !== 'boolean' || typeof m.width !== 'number') return;
    if (!Number.isFinite(m.width) || m.width < 0 || m.width > 2000) return;
    listener({ type: 'frame/layout', collapsed: m.collapsed, width: Math.round(m.width) });
  };
  api.runtime.onMessage.addListener(handler);
  return () => api.runtime.onMessage.removeListener(handler);
}

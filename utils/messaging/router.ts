import { adapterFor } from '../sites';
import { withPrintedDates } from '../sites/dates';
import type { PageContext } from '../sites/types';
import type { ContextStore } from './context-store';
import {
  ContentMessageSchema,
  PageMessageSchema,
  classifySender,
  describeIssues,
  type Broadcast,
  type ErrorReply,
  type PageMessage,
  type SenderInfo,
} from './protocol';

/** What the background gives the router: the browser parts, injectable for tests. */
export interface RouterDeps {
  extensionId: string;
  extensionOrigin: string;
  contexts: ContextStore;
  broadcast(message: Broadcast): void;
  /** The active tab of the current window (side panel without a tab id). */
  activeTabId(): Promise<number | undefined>;
  /** A context for a LinkedIn tab arrived: enable the side panel there. */
  onSiteContext?(tabId: number, context: PageContext): void;
  /** The time a context arrives ("yesterday" in a printed date counts from it); tests fix it. */
  now?(): Date;
  /** Page-originated actions that need browser APIs (capture, focus). */
  pageAction?(message: Exclude<PageMessage, { type: 'context/get' | 'frame/tab' }>): Promise<unknown>;
}

const refuse = (error: string): ErrorReply => ({ ok: false, error });

/**
 * The background's message router. Refuses foreign senders before parsing, validates every
 * message with zod, and only then touches state. Returns the reply (never throws).
 */
export function createRouter(deps: RouterDeps) {
  return async function route(message: unknown, sender: SenderInfo): Promise<unknown> {
    try {
      const kind = classifySender(sender, deps.extensionId, deps.extensionOrigin);
      if (kind === 'foreign') return refuse('sender not allowed');
      if (kind === 'content') return await fromContent(message, sender);
      return await fromPage(message, sender);
    } catch (error) {
      return refuse(error instanceof Error ? error.message : 'failed');
    }
  };

  async function fromContent(message: unknown, sender: SenderInfo): Promise<unknown> {
    const tabId = sender.tab!.id!;
    const parsed = ContentMessageSchema.safeParse(message);
    if (!parsed.success) return refuse(`invalid message: ${describeIssues(parsed.error)}`);
    if (parsed.data.type === 'context/clear') {
      await deps.contexts.delete(tabId);
      deps.broadcast({ type: 'context/changed', tabId, context: null });
      return { ok: true, tabId };
    }
    // Dates arrive as the page prints them; they are read here, off the host page's thread.
    const context = withPrintedDates(parsed.data.context, deps.now?.() ?? new Date());
    // The page can shape the DOM, not its own origin: the context must describe the sender's site.
    const senderUrl = new URL(sender.url!);
    const site = adapterFor(senderUrl)?.site;
    if (!site || site !== context.site || new URL(context.url).origin !== senderUrl.origin) {
      return refuse('context does not match the sending page');
    }
    await deps.contexts.set(tabId, context);
    deps.broadcast({ type: 'context/changed', tabId, context });
    deps.onSiteContext?.(tabId, context);
    return { ok: true, tabId };
  }

  async function fromPage(message: unknown, sender: SenderInfo): Promise<unknown> {
    const parsed = PageMessageSchema.safeParse(message);
    if (!parsed.success) return refuse(`invalid message: ${describeIssues(parsed.error)}`);
    const msg = parsed.data;
    switch (msg.type) {
      case 'frame/tab':
        return { ok: true, tabId: sender.tab?.id ?? null };
      case 'context/get': {
        const tabId = msg.tabId ?? (await deps.activeTabId());
        if (tabId === undefined) return { ok: true, tabId: -1, context: null };
        return { ok: true, tabId, context: await deps.contexts.get(tabId) };
      }
      default:
        if (!deps.pageAction) return refuse('not supported here');
        return { ok: true, result: await deps.pageAction(msg) };
    }
  }
}

import { z } from 'zod';
import { PageContextSchema } from '../sites/types';

/**
 * Every cross-context message, grouped by direction, validated with zod on receipt. Anything a
 * content script sends may have been shaped by the host page; anything from another extension or
 * a web page is refused before it is parsed.
 */

const TabId = z.int().min(0).max(2 ** 31);

/** Bounds of the docked frame's width in px (it works from 320 px). */
export const FRAME_MIN_WIDTH = 280;
export const FRAME_MAX_WIDTH = 720;

/** The article Readability found on a page: page-shaped, so parsed like everything from a page. */
export const ArticleSchema = z.object({
  title: z.string().max(2000).default(''),
  byline: z.string().max(1000).nullish(),
  excerpt: z.string().max(5000).nullish(),
  text: z.string().max(200_000),
  url: z.url({ protocol: /^https?$/ }).max(4000),
  selection: z.boolean().default(false),
});
export type Article = z.infer<typeof ArticleSchema>;

/** Content script → background. */
export const ContentMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('context/update'), context: PageContextSchema }),
  z.object({ type: z.literal('context/clear') }),
]);
export type ContentMessage = z.infer<typeof ContentMessageSchema>;

/** Extension page (sidebar, options, popup) → background. */
export const PageMessageSchema = z.discriminatedUnion('type', [
  /** The page context of a tab (the sidebar's tab, or the active tab when omitted). */
  z.object({ type: z.literal('context/get'), tabId: TabId.optional() }),
  /** The tab that hosts the asking frame (the docked sidebar in webmail). */
  z.object({ type: z.literal('frame/tab') }),
  /**
   * Someone on screen in a tab became known (added, merged): log the tab's mail thread now rather
   * than on its next view. The background re-reads the context it stored for the tab.
   */
  z.object({ type: z.literal('autolog/run'), tabId: TabId }),
  /** Which contact the sidebar of a tab has in focus (context-menu captures go to them). */
  z.object({ type: z.literal('focus/set'), tabId: TabId, contactId: z.string().max(100).nullable() }),
  /** Collapse, expand or resize the docked frame in a webmail tab. */
  z.object({
    type: z.literal('frame/layout'),
    tabId: TabId,
    collapsed: z.boolean(),
    width: z.int().min(FRAME_MIN_WIDTH).max(FRAME_MAX_WIDTH),
  }),
  /** Save the main text of a tab's page (readability) as a note for a contact. */
  z.object({
    type: z.literal('page/save-note'),
    tabId: TabId,
    contactId: z.string().min(1).max(100),
    selectionOnly: z.boolean().default(false),
  }),
]);
export type PageMessage = z.infer<typeof PageMessageSchema>;

/**
 * Name of the port a framed extension page opens to hear broadcasts: Firefox delivers the
 * background's `runtime.sendMessage` to top-level extension pages but not to one framed in a web page.
 */
export const BROADCAST_PORT = 'broadcasts';

/** Background → extension pages. */
export const BroadcastSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('context/changed'), tabId: TabId, context: PageContextSchema.nullable() }),
  z.object({ type: z.literal('focus/changed'), tabId: TabId, contactId: z.string().max(100).nullable() }),
  /** The keyboard shortcut was pressed in a webmail tab: its docked sidebar collapses or expands. */
  z.object({ type: z.literal('frame/toggle'), tabId: TabId }),
  /**
   * The user switched tabs. Sent by the background because Firefox gives an extension page framed
   * in a web page no `tabs` API: the side panel learns of the switch the same way everywhere.
   */
  z.object({ type: z.literal('tab/activated'), tabId: TabId }),
]);
export type Broadcast = z.infer<typeof BroadcastSchema>;

/**
 * The reply to each page → background request, by message type (the `ok: true` envelope aside).
 * Keyed by every type of `PageMessageSchema`: a new message does not compile until its reply is
 * named here, and the client cannot send a type that is not in the schema.
 */
export type PageReplies = {
  [K in PageMessage['type']]: {
    'context/get': { tabId: number; context: z.infer<typeof PageContextSchema> | null };
    'frame/tab': { tabId: number | null };
    'focus/set': { result?: unknown };
    'autolog/run': { result?: unknown };
    'frame/layout': { result?: unknown };
    'page/save-note': { result?: unknown };
  }[K];
};

/** A page → background request of one type, as the sender writes it (defaults may be left out). */
export type PageRequest<T extends PageMessage['type']> = Extract<z.input<typeof PageMessageSchema>, { type: T }>;

/** Replies. */
export type ContextReply = { ok: true; tabId: number; context: z.infer<typeof PageContextSchema> | null } | ErrorReply;
export interface ErrorReply {
  ok: false;
  error: string;
}

/** What the router knows about who sent a message (a subset of runtime.MessageSender). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export type SenderKind = 'content' | 'page' | 'foreign';

/**
 * Classifies a sender: our content script in a tab's top frame, one of our extension pages, or
 * anything else (another extension, a web page through externally_connectable, a subframe).
 */
export function classifySender(sender: SenderInfo, extensionId: string, extensionOrigin: string): SenderKind {
  if (sender.id !== extensionId) return 'foreign';
  if (sender.url?.startsWith(extensionOrigin)) return 'page';
  if (sender.tab?.id !== undefined && sender.frameId === 0 && sender.url && /^https:\/\//.test(sender.url)) {
    return 'content';
  }
  return 'foreign';
}

/** Formats a zod failure for a reply without echoing the (possibly hostile) input. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'message'}: ${issue.message}`)
    .join('; ');
}

import { z } from 'zod/mini';
import { PageContextSchema } from '../sites/types';

/**
 * Every cross-context message, grouped by direction, validated with zod on receipt. Anything a
 * content script sends may have been shaped by the host page; anything from another extension or
 * a web page is refused before it is parsed.
 */

const TabId = z.int().check(z.gte(0), z.lte(2 ** 31));

/** Bounds of the docked frame's width in px (it works from 320 px). */
export const FRAME_MIN_WIDTH = 280;
export const FRAME_MAX_WIDTH = 720;

/** The article Readability found on a page: page-shaped, so parsed like everything from a page. */
export const ArticleSchema = z.object({
  title: z._default(z.string().check(z.maxLength(2000)), ''),
  byline: z.nullish(z.string().check(z.maxLength(1000))),
  excerpt: z.nullish(z.string().check(z.maxLength(5000))),
  text: z.string().check(z.maxLength(200_000)),
  url: z.url({ protocol: /^https?$/ }).check(z.maxLength(4000)),
  selection: z._default(z.boolean(), false),
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
  z.object({ type: z.literal('context/get'), tabId: z.optional(TabId) }),
  /** The tab that hosts the asking frame (the docked sidebar in webmail). */
  z.object({ type: z.literal('frame/tab') }),
  /**
   * The tab's sidebar has shown the people on screen (sent after paint), or someone there became
   * known (added, merged): log the tab's mail thread now. The background re-reads the context it
   * stored for the tab; threads it held until the sidebar was shown go first.
   */
  z.object({ type: z.literal('autolog/run'), tabId: TabId }),
  /** Which contact the sidebar of a tab has in focus (context-menu captures go to them). */
  z.object({ type: z.literal('focus/set'), tabId: TabId, contactId: z.nullable(z.string().check(z.maxLength(100))) }),
  /** Collapse, expand or resize the docked frame in a webmail tab. */
  z.object({
    type: z.literal('frame/layout'),
    tabId: TabId,
    collapsed: z.boolean(),
    width: z.int().check(z.gte(FRAME_MIN_WIDTH), z.lte(FRAME_MAX_WIDTH)),
  }),
  /** Save the main text of a tab's page (readability) as a note for a contact. */
  z.object({
    type: z.literal('page/save-note'),
    tabId: TabId,
    contactId: z.string().check(z.minLength(1), z.maxLength(100)),
    selectionOnly: z._default(z.boolean(), false),
  }),
  /** The notebook changed (a page wrote to it): the background recounts the toolbar badge. */
  z.object({ type: z.literal('reminders/changed') }),
  /** Make a backup now (the workspace's "Back up now"); the schedule's alarm makes the others. */
  z.object({ type: z.literal('backup/run') }),
  /**
   * A contact was erased: the background forgets what it holds of them outside the database
   * (page contexts of open tabs that show them, the sidebar focus).
   */
  z.object({
    type: z.literal('contact/erased'),
    contactId: z.string().check(z.minLength(1), z.maxLength(100)),
    emails: z.array(z.string().check(z.maxLength(320))).check(z.maxLength(50)),
    names: z.array(z.string().check(z.maxLength(500))).check(z.maxLength(10)),
    linkedin: z.array(z.string().check(z.maxLength(4000))).check(z.maxLength(10)),
  }),
]);
export type PageMessage = z.infer<typeof PageMessageSchema>;

/** `target` of the messages only the offscreen document (Chrome) answers. */
export const OFFSCREEN_TARGET = 'rapport-offscreen';

/** Background → offscreen document (Chrome): export the notebook, hand back a Blob URL. */
export const OffscreenRequestSchema = z.object({
  target: z.literal(OFFSCREEN_TARGET),
  type: z.literal('backup/export'),
  /** Stamped into the file (an offscreen document has no `runtime.getManifest`). */
  appVersion: z.string().check(z.maxLength(50)),
});

/** The offscreen document's reply. */
export const OffscreenReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), url: z.string().check(z.startsWith('blob:')), records: z.int().check(z.gte(0)), bytes: z.int().check(z.gte(0)) }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type OffscreenReply = z.infer<typeof OffscreenReplySchema>;

/**
 * Name of the port a framed extension page opens to hear broadcasts: Firefox delivers the
 * background's `runtime.sendMessage` to top-level extension pages but not to one framed in a web page.
 */
export const BROADCAST_PORT = 'broadcasts';

/** Background → extension pages. */
export const BroadcastSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('context/changed'), tabId: TabId, context: z.nullable(PageContextSchema) }),
  /** The sidebar of a tab should show this contact (a click on a reminder about them opened the tab). */
  z.object({ type: z.literal('focus/changed'), tabId: TabId, contactId: z.nullable(z.string().check(z.maxLength(100))) }),
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
    'reminders/changed': { result?: unknown };
    'backup/run': { result?: unknown };
    'contact/erased': { result?: unknown };
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
export function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'message'}: ${issue.message}`)
    .join('; ');
}

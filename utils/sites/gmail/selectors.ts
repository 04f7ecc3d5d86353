/**
 * Gmail DOM knowledge, stablest first within each list. Each entry says when and where it was seen;
 * a Gmail redesign should be a new dated fixture plus edits here.
 */

/** Subject heading of the open conversation. */
export const SUBJECT = [
  // seen 2026-11 in shared/fixtures/gmail-thread.html (h2 carries the thread ids; gmail.js, InboxSDK)
  'h2[data-thread-perm-id]',
  'h2[data-legacy-thread-id]',
  // seen 2026-11 in shared/fixtures/gmail-thread.html (.ha > h2.hP, hashed but unchanged since 2014)
  '.ha h2',
  'h2.hP',
] as const;

/** Containers that hold one open conversation (the subject's nearest one is used). */
export const THREAD_CONTAINER = [
  // seen 2026-11 in shared/fixtures/gmail-thread.html (.a98.iY conversation, preview pane .ao9; InboxSDK)
  '.a98',
  '[role=main]',
  '.ao9',
] as const;

/** Elements carrying a message id (collapsed messages keep a hidden empty one). */
export const MESSAGE_ID = [
  // seen 2026-11 in shared/fixtures/gmail-thread.html
  '[data-message-id]',
  '[data-legacy-message-id]',
] as const;

/** One message item around a message-id element. */
export const MESSAGE_ITEM = [
  // seen 2026-11 in shared/fixtures/gmail-thread.html (role=listitem; .h7 expanded, .kv collapsed)
  '[role=listitem]',
  '.h7, .kv, .kQ, .kx',
] as const;

/** Fallback message items when no id attribute is present at all. */
export const MESSAGE_ITEM_FALLBACK = [
  // seen 2026-11 in shared/fixtures/gmail-thread.html
  '[role=list] > [role=listitem]',
  '.h7, .kv',
  '.adn',
] as const;

/** Sender of one message; read the `email` / `name` attributes, never the display text first. */
export const SENDER = [
  // seen 2026-11 in shared/fixtures/gmail-thread.html (h3.iw span.gD[email][name])
  'h3 [email][name]',
  '[email].gD',
  'td.gF [email]',
  // seen 2026-11 in shared/fixtures/gmail-thread.html (avatar hovercard id, without email attribute)
  'h3 [data-hovercard-id]',
  '.gD',
] as const;

/** Populated "Show details" table (to/cc split, full names). */
export const DETAILS_TABLE = [
  // seen 2026-11 in shared/fixtures/gmail-thread.html after clicking .ajy (InboxSDK get-updated-contact.ts)
  '.ajC',
  '.ajB table',
] as const;

/** Recipient line (to and cc merged, short names as text). */
export const RECIPIENTS = [
  // seen 2026-11 in shared/fixtures/gmail-thread.html (span.hb "to …" > span.g2[email][name])
  '.hb [email]',
  '[email].g2',
] as const;

/** Message date; the `title` holds the full local date. */
export const DATE = [
  // seen 2026-11 in shared/fixtures/gmail-thread.html (.gH .gK span.g3[title])
  '.g3[title]',
  '.gK [title]',
  '.g3',
] as const;

/** Body of an expanded message. */
export const BODY = [
  // seen 2026-11 in shared/fixtures/gmail-thread.html (div.ii.gt > div.a3s.aiL)
  '.ii.gt .a3s',
  'div.a3s',
  '.ii.gt',
] as const;

/** Snippet of a collapsed message (its body is not in the DOM). */
export const SNIPPET = [
  // seen 2026-11 in shared/fixtures/gmail-thread.html (.iA.g6)
  '.iA.g6',
  '.g6',
] as const;

/** Quoted history and trimmed content inside a body: never part of a message's text. */
export const QUOTE = '.gmail_quote, .h5, .ajR, blockquote[type=cite], .gmail_extra, .yj6qo';

/** The account button in the header; its label holds the user's name and address. */
export const ACCOUNT_LINK = [
  // seen 2026-11 in shared/fixtures/gmail-thread.html ("Google Account: Dana Whitfield (address)")
  'header a[aria-label*="@"]',
  'a[href*="SignOutOptions"][aria-label]',
  '[aria-label*="@"][role=button]',
] as const;

/** Recipient spans Gmail marks as the user ("me"; `name` is localised, so also compared by address). */
export const ME = [
  // seen 2026-11 in shared/fixtures/gmail-thread.html
  '[email][name="me"]',
] as const;

/** Main container whose children swap on navigation (InboxSDK gmail-element-getter: div.aeF > div.nH). */
export const OBSERVE_ROOT = [
  // seen 2026-11 in shared/fixtures/gmail-thread.html
  '.aeF',
] as const;

/** The conversation list (hidden while a conversation is open, shown beside it in reading-pane mode). */
export const LIST = [
  // seen 2026-11 in shared/fixtures/gmail-inbox.html ([gh=tl] thread list; gmail.js, InboxSDK)
  '[gh=tl]',
  'table.F.cf.zt',
] as const;

import { anyOf, forms } from '../labels';
import * as L from './labels';

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
  // seen 2026-11 in shared/fixtures/gmail-thread.html ("me"), tests/fixtures/gmail/2026-11-25-thread-de.html ("ich")
  forms(L.ME).map((form) => `[email][name="${form}"]`).join(', '),
];
/** The owner's name in recipient lines, in every language of labels.ts. */
export const ME_NAME = new RegExp(`^(${anyOf(L.ME)})$`, 'i');
/** "Show details" row labels: the sender's row (also recognised by its .gD), and Cc / Bcc rows. */
export const DETAILS_FROM = new RegExp(`^(${anyOf(L.FROM)})\\s*(:|$)`, 'i');
export const DETAILS_CC = new RegExp(`^(${anyOf(L.CC)})\\s*(:|$)`, 'i');

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

/**
 * Recipient fields of a compose (new message window or inline reply), by the field's `name`, which is
 * not localised: the 2021+ "peoplekit" row `div.anm[name=to|cc|bcc]`, the older `textarea.vO[name=to]`.
 */
export const COMPOSE_FIELD = [
  // seen 2026-11 in tests/fixtures/gmail/2026-11-25-compose.html (div.anm[name=to] row; InboxSDK page-parser.ts)
  '.anm[name="to"], div[name="to"]',
  // older compose (gmail.js api.dom.compose: textarea[name=to]; InboxSDK getOldRecipientRowForType)
  'textarea[name="to"], input[name="to"]:not([type=hidden])',
] as const;

/** The compose around a recipient field, nearest first. */
export const COMPOSE = [
  // seen 2026-11 in tests/fixtures/gmail/2026-11-25-compose.html (.M9 in both window and inline reply; gmail.js api.dom.composes)
  '.M9',
  // seen 2026-11 in tests/fixtures/gmail/2026-11-25-compose.html (window: .AD > .nH.Hd[role=dialog])
  '.AD',
  '[role=dialog]',
  'form',
] as const;

/** Where received mail is rendered: a "recipient field" in there is message content, never a compose. */
export const MESSAGE_CONTENT = '.a3s, .ii.gt, .adn';

/** The compose's body editor; hidden when the window is minimised. */
export const COMPOSE_BODY = [
  // seen 2026-11 in tests/fixtures/gmail/2026-11-25-compose.html (div.Am.Al.editable[g_editable][aria-label="Message Body"])
  '[contenteditable=true][g_editable]',
  '.Am.editable',
  '[contenteditable=true][role=textbox]',
] as const;

/** Editors whose typing never changes the context (watch.ts ignores mutations inside them). */
export const QUIET = '[g_editable], .Am.editable, [contenteditable=true][aria-label="Message Body"]';

/** Recipient chips inside one field row, stablest first. */
export const COMPOSE_CHIP = [
  // seen 2026-11 in tests/fixtures/gmail/2026-11-25-compose.html (peoplekit chip div.afV[role=option][data-hovercard-id][data-name];
  // InboxSDK get-recipients: role=option → data-name / data-hovercard-id)
  '[role=option][data-hovercard-id]',
  '[data-hovercard-id][data-name]',
  // older compose chips .vR > span.vN[email] (InboxSDK getRecipientChips: .vR > input[type=hidden])
  '.vR [email]',
  '[email]',
] as const;

/** Older compose: one hidden input per chip, value "Name <address>" (gmail.js compose.recipients). */
export const COMPOSE_HIDDEN = 'input[type=hidden]';

/** The subject of a compose (a reply inline in a thread keeps it hidden, the thread's subject applies). */
export const COMPOSE_SUBJECT = [
  // seen 2026-11 in tests/fixtures/gmail/2026-11-25-compose.html (input.aoT[name=subjectbox]; gmail.js, FlowCrypt)
  'input[name=subjectbox]',
  'input[name=subject]',
] as const;

/** Docked compose windows live outside the main pane, near the end of <body>. */
export const COMPOSE_DOCK = [
  // seen 2026-11 in tests/fixtures/gmail/2026-11-25-compose.html (body > div.dw; gmail.js chat/compose dock)
  '.dw',
] as const;

import { anyOf, forms } from '../labels';
import * as L from './labels';

/**
 * Outlook on the web (new OWA, React/Fluent) DOM knowledge, stablest first. Hashed class names are
 * last resorts: they churn (evicypher saw .QMubUjbS-BOly_BTHEZj7 → .fEEQb → .XbIp4). Labels are
 * localised: where one is the only signal, every language's form comes from ./labels.ts.
 */

/** The open conversation or item. */
export const READING_ROOT = [
  // seen 2026-11 in shared/fixtures/outlook-reading-pane.html (conversation view, carries data-convid)
  '#ConversationReadingPaneContainer',
  '[data-app-section=ConversationContainer]',
  // seen 2026-11 in shared/fixtures/outlook-reading-pane.html (state deeplink: /mail/deeplink/read/…)
  '#ItemReadingPaneContainer',
] as const;

/** Subject: the heading's `title` holds the full text. */
export const SUBJECT = [
  // seen 2026-11 in shared/fixtures/outlook-reading-pane.html
  '[id^="CONV_"][id$="_SUBJECT"]',
  '[role=heading] [title]',
  '[role=heading][title]',
  '[role=heading]',
] as const;

/** The selected conversation row in the message list (stays selected with an empty pane). */
export const SELECTED_ROW = [
  // seen 2026-11 in shared/fixtures/outlook-reading-pane.html
  '#MailList [aria-selected=true][data-convid]',
  '[role=listbox] [aria-selected=true][data-convid]',
] as const;

/** One message of the conversation. */
export const MESSAGE = [
  // seen 2026-11 in shared/fixtures/outlook-reading-pane.html: the conversation's list items (no label
  // needed); the English-only aria-label and the hashed .aVla3 are fallbacks
  '[role=list] > [role=listitem]',
  '[aria-label="Email message"]',
  '.aVla3',
] as const;

/** "From: Name <address>" (address only for senders outside the organisation). */
export const FROM = [
  // seen 2026-11 in shared/fixtures/outlook-reading-pane.html
  '[id^="MSG_"][id$="_FROM"] [aria-label]',
  // "From:" / "Von:" / "De :" … (labels.ts FROM)
  ...forms(L.FROM).map((form) => `[aria-label^="${form}:"], [aria-label^="${form} :"]`),
];

/** Sender name when there is no labelled From (collapsed messages). */
export const FROM_NAME = [
  // seen 2026-11 in shared/fixtures/outlook-reading-pane.html
  '[id^="MSG_"][id$="_FROM"] .lpc-hoverTarget',
  '.lpc-hoverTarget[data-lpc-hover-target-id]',
  '.OZZZK',
] as const;

/**
 * Recipient rows: a labelled element ("To: …", "An: …") next to the From holder, holding pills. The
 * label's prefix says To or Cc (labels.ts); an unknown prefix falls back to the order OWA always
 * uses (To first, then Cc, then Bcc).
 */
export const RECIPIENT_ROW = '[aria-label]';
export const TO_LABEL = new RegExp(`^(${anyOf(L.TO)})\\s*:`, 'i');
export const CC_LABEL = new RegExp(`^(${anyOf(L.CC, L.BCC)})\\s*:`, 'i');
/** Any "Label: …" row (the prefix is short and ends in a colon). */
export const ANY_LABEL = /^[^:<>@]{1,24}:/;
/** One recipient pill inside a To/Cc row. */
export const PILL = [
  // seen 2026-11 in shared/fixtures/outlook-reading-pane.html
  '[data-lpc-hover-target-id]',
  '.lpc-hoverTarget',
] as const;

/** Date of one message. */
export const DATE = [
  // seen 2026-11 in shared/fixtures/outlook-reading-pane.html
  '[id^="MSG_"][id$="_DATETIME"]',
  '.AL_OM',
] as const;

/** Message body. */
export const BODY = [
  // seen 2026-11 in shared/fixtures/outlook-reading-pane.html
  '[id^="UniqueMessageBody_"]',
  '[role=document][aria-label="Message body"]',
  '[role=document]',
] as const;

/** Snippet of a collapsed message. */
export const SNIPPET = [
  // seen 2026-11 in shared/fixtures/outlook-reading-pane.html (hashed)
  '.Y5Cb9',
] as const;

/** Quoted history inside a body (Outlook's divRplyFwdMsg header, Gmail quotes, cite blockquotes). */
export const QUOTE =
  '[id$="divRplyFwdMsg"], [id$="divRplyFwdMsg"] ~ *, [id$="appendonsend"] ~ *, .gmail_quote, blockquote[type=cite], [id$="mail-editor-reference-message-container"]';

/** The user's mailbox address and name. */
export const ACCOUNT_EMAIL = [
  // seen 2026-11 in shared/fixtures/outlook-reading-pane.html (folder tree root: data-folder-name/title = address)
  '[role=treeitem][id^="primaryMailboxRoot"]',
  '[id*="meControl"] [aria-label*="@"]',
] as const;
export const ACCOUNT_BUTTON = [
  // seen 2026-11 in shared/fixtures/outlook-reading-pane.html ("Account manager for Dana Whitfield")
  '#O365_MainLink_Me[aria-label]',
  '#mectrl_main_trigger[aria-label]',
] as const;

/** Pane whose mutations signal a new conversation. */
export const OBSERVE_ROOT = [
  // seen 2026-11 in shared/fixtures/outlook-reading-pane.html
  '[role=main]',
  '#ItemReadingPaneContainer',
] as const;

/**
 * Compose body editor (new message in the reading pane, inline reply, pop-out). The reading pane's
 * received bodies are `[role=document]` and never contenteditable.
 */
const BODY_LABELLED = forms(L.BODY).map((form) => `[contenteditable=true][aria-label^="${form}"]`);
/** A multi-line editable text box that is not a recipient well (wells pop up a suggestion list). */
const BODY_STRUCTURE = '[contenteditable=true][role=textbox][aria-multiline=true]:not([aria-haspopup])';
export const COMPOSE_BODY = [
  // seen 2026-11 in tests/fixtures/outlook/2026-11-25-compose.html: div[role=textbox][contenteditable][aria-multiline]
  // without aria-haspopup (the wells have it); then the localised "Message body, press Alt+F10 to exit"
  // (code corpus: OWA automation scripts use [aria-label="Message body"][contenteditable="true"])
  BODY_STRUCTURE,
  ...BODY_LABELLED,
];

/** Editors whose typing never changes the context (watch.ts ignores mutations inside them). */
export const QUIET = [BODY_STRUCTURE, ...BODY_LABELLED].join(', ');

/** Candidate recipient wells: editable elements with a label; buttons of the same name are not wells. */
export const WELL =
  // seen 2026-11 in tests/fixtures/outlook/2026-11-25-compose.html (div[role=textbox][contenteditable=true][aria-label="To"]);
  // older OWA: div[aria-label="To"] input, input[aria-label="To"] (code corpus automation scripts)
  '[contenteditable=true][aria-label], [role=textbox][aria-label], [role=combobox][aria-label], input[aria-label]';
/**
 * A well by structure, whatever its label: an editable box that pops up the address suggestions
 * (seen 2026-11 in tests/fixtures/outlook/2026-11-25-compose.html: aria-haspopup=listbox).
 */
export const WELL_STRUCTURE = '[contenteditable=true][aria-haspopup=listbox], [role=combobox]';
export const WELL_TO = new RegExp(`^(${anyOf(L.TO)})$`, 'i');
export const WELL_CC = new RegExp(`^(${anyOf(L.CC, L.BCC)})$`, 'i');

/** One resolved recipient pill inside a well. */
export const COMPOSE_PILL = [
  // seen 2026-11 in tests/fixtures/outlook/2026-11-25-compose.html (span[draggable=true][aria-label] with data-lpc-hover-target-id;
  // code corpus: '[contenteditable="true"] [draggable="true"][aria-label]' committed chips, 'div[aria-label="To"] span[data-selection-index]')
  '[draggable=true][aria-label]',
  '[data-lpc-hover-target-id]',
  '[data-selection-index]',
  '.lpc-hoverTarget',
] as const;

/** Subject of a compose. */
export const COMPOSE_SUBJECT = [
  'input[id$="_SUBJECT"]',
  // seen 2026-11 in tests/fixtures/outlook/2026-11-25-compose.html ("Add a subject"; labels.ts SUBJECT)
  ...forms(L.SUBJECT).map((form) => `input[aria-label="${form}"], input[placeholder="${form}"]`),
];
/** Last resort: the compose's one plain text input outside the wells (OWA's subject has maxlength 255). */
export const COMPOSE_SUBJECT_ANY = 'input[maxlength="255"], input[type=text]';

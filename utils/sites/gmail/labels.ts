import type { Labels } from '../labels';

/**
 * Gmail labels (see ../labels.ts). Gmail marks most things without words (`email`/`name` attributes,
 * field `name`s, `data-*` ids), so only two labels are left: the name Gmail gives the account owner
 * in recipient lines, and the row labels of the "Show details" table. "product UI" marks Google's
 * own term in that language, not yet seen in a capture here. A wrong or missing form is never the
 * only way: the owner is also found by address, and an unknown details row counts as To.
 */

/** The owner's name in recipient lines (`<span email=… name="me">`). */
export const ME: Labels = {
  en: 'me', // seen: shared/fixtures/gmail-thread.html, gmail-inbox.html (name="me")
  de: 'ich', // seen: tests/fixtures/gmail/2026-11-25-thread-de.html (name="ich")
  fr: 'moi', // product UI (named in issue 16)
  es: 'yo', // product UI
  it: 'io', // product UI
  nl: 'mij|ik', // product UI
  pt: 'eu', // product UI
  pl: 'ja', // product UI
};

/** "Show details" rows: from / to / cc / bcc (the label is the row's first cell, with a colon). */
export const FROM: Labels = {
  en: 'from', // seen: shared/fixtures/gmail-thread.html (table.ajC "from:")
  de: 'von', // seen: tests/fixtures/gmail/2026-11-25-thread-de.html ("von:"); mail-header term in code corpus jeevatkm/ReplyWithHeaderMozilla rwh-i18n.js "Von:"
  fr: 'de', // product UI; mail-header term in code corpus jeevatkm/ReplyWithHeaderMozilla rwh-i18n.js "De :"
  es: 'de', // product UI; mail-header term in code corpus jeevatkm/ReplyWithHeaderMozilla rwh-i18n.js "De :"
  it: 'da', // product UI
  nl: 'van', // product UI
  pt: 'de', // product UI
  pl: 'od', // product UI
};

export const CC: Labels = {
  en: 'cc|bcc', // seen: shared/fixtures/gmail-thread.html (table.ajC "cc:")
  de: 'cc|bcc|kopie', // seen: tests/fixtures/gmail/2026-11-25-thread-de.html ("Cc:"); Bcc, Kopie product UI
  fr: 'cc|cci', // product UI
  es: 'cc|cco', // product UI
  it: 'cc|ccn', // product UI
  nl: 'cc|bcc', // product UI
  pt: 'cc|cco', // product UI
  pl: 'dw|udw', // product UI
};

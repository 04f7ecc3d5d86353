import type { Labels } from '../labels';

/**
 * Outlook on the web labels (see ../labels.ts). "seen" names where a form was observed; forms
 * marked "product UI" are Microsoft's own terms for the field in that language (Outlook desktop and
 * web share them), not yet seen in a capture of OWA's DOM. A wrong or missing form is never the only
 * way: structure recognises the same field (wells by their suggestion list and order, the body as
 * the multi-line box, rows by their place after the sender).
 */

/** Recipient well / reading-pane row "To". */
export const TO: Labels = {
  en: 'To', // seen: tests/fixtures/outlook/2026-11-25-compose.html, shared/fixtures/outlook-reading-pane.html
  de: 'An', // seen: code corpus, OWA automation (selenium) div[aria-label="An"]; MailBoost outlook.js "An:"
  fr: 'À', // product UI (À :)
  es: 'Para', // product UI
  it: 'A', // product UI
  nl: 'Aan', // product UI
  pt: 'Para', // product UI
  pl: 'Do', // product UI
};

/** "Cc". */
export const CC: Labels = {
  en: 'Cc', // seen: both fixtures above
  de: 'Cc', // seen: code corpus, OWA automation (selenium) div[aria-label="Cc"]
  fr: 'Cc', // product UI
  es: 'CC', // product UI
  it: 'Cc', // product UI
  nl: 'CC', // product UI
  pt: 'Cc', // product UI
  pl: 'DW', // product UI ("do wiadomości")
};

/** "Bcc". */
export const BCC: Labels = {
  en: 'Bcc', // seen: code corpus, MailBoost outlook.js recipient prefix /^(to|an|cc|bcc)\s*:/
  de: 'Bcc', // product UI
  fr: 'Cci', // product UI
  es: 'CCO', // product UI
  it: 'Ccn', // product UI
  nl: 'BCC', // product UI
  pt: 'Cco', // product UI
  pl: 'UDW', // product UI
};

/** Reading pane "From:" (the row's `aria-label` prefix). */
export const FROM: Labels = {
  en: 'From', // seen: shared/fixtures/outlook-reading-pane.html
  de: 'Von', // seen: issue 16 (German OWA reading pane "Von:", from public OWA automation code); mail-header term in code corpus jeevatkm/ReplyWithHeaderMozilla rwh-i18n.js "Von:"
  fr: 'De', // seen: mail-header term in code corpus jeevatkm/ReplyWithHeaderMozilla rwh-i18n.js "De :"
  es: 'De', // seen: mail-header term in code corpus jeevatkm/ReplyWithHeaderMozilla rwh-i18n.js "De :"
  it: 'Da', // product UI
  nl: 'Van', // product UI
  pt: 'De', // product UI
  pl: 'Od', // product UI
};

/** Compose body editor: `aria-label` prefix ("Message body, press Alt+F10 to exit"). */
export const BODY: Labels = {
  en: 'Message body', // seen: tests/fixtures/outlook/2026-11-25-compose.html; code corpus OWA automation
  de: 'Nachrichtentext', // seen: issue 16; code corpus OWA bookmarklet '.allowTextSelection [aria-label="Nachrichtentext"]'
  fr: 'Corps du message', // product UI
  es: 'Cuerpo del mensaje', // product UI
  it: 'Corpo del messaggio', // product UI
  nl: 'Berichttekst', // product UI
  pt: 'Corpo da mensagem', // product UI
  pl: 'Treść wiadomości', // product UI
};

/** Compose subject input `aria-label` / placeholder. */
export const SUBJECT: Labels = {
  en: 'Add a subject', // seen: tests/fixtures/outlook/2026-11-25-compose.html
  de: 'Betreff hinzufügen', // seen: code corpus, OWA automation (selenium) and MailBoost outlook.js
  fr: 'Ajouter un objet', // product UI
  es: 'Agregar un asunto', // product UI
  it: 'Aggiungi un oggetto', // product UI
  nl: 'Onderwerp toevoegen', // product UI
  pt: 'Adicionar um assunto', // product UI
  pl: 'Dodaj temat', // product UI
};

import type { Catalog } from '../types';

/** Issue 11: automatic logging, channels and direction, responsiveness in the sidebar. */
export default {
  // The channels added next to email, LinkedIn, phone, in person and web
  channel_video_call: { en: 'video call', de: 'Videoanruf' },
  channel_whatsapp: { en: 'WhatsApp', de: 'WhatsApp' },
  channel_signal: { en: 'Signal', de: 'Signal' },
  channel_sms: { en: 'SMS', de: 'SMS' },
  channel_teams_chat: { en: 'Teams chat', de: 'Teams-Chat' },
  channel_event: { en: 'event / trade fair', de: 'Veranstaltung / Messe' },
  channel_letter: { en: 'letter', de: 'Brief' },
  pref_channel_video_call: { en: 'Video call', de: 'Videoanruf' },
  pref_channel_whatsapp: { en: 'WhatsApp', de: 'WhatsApp' },
  pref_channel_signal: { en: 'Signal', de: 'Signal' },
  pref_channel_sms: { en: 'SMS', de: 'SMS' },
  pref_channel_teams_chat: { en: 'Teams chat', de: 'Teams-Chat' },
  pref_channel_event: { en: 'Event / trade fair', de: 'Veranstaltung / Messe' },
  pref_channel_letter: { en: 'Letter', de: 'Brief' },
  channelGroupMessenger: { en: 'Messenger', de: 'Messenger' },
  department_service: { en: 'Service', de: 'Service' },
  department_management: { en: 'Management', de: 'Geschäftsleitung' },
  // Timeline
  filterDepartment: { en: 'Department', de: 'Abteilung' },
  filterDirection: { en: 'Direction', de: 'Richtung' },
  noteDirection: { en: 'Direction', de: 'Richtung' },
  noteChannel: { en: 'Channel', de: 'Kanal' },
  entryDepartment: { en: 'Department of this entry', de: 'Abteilung dieses Eintrags' },
  loggedAutomatically: { en: 'logged automatically', de: 'automatisch erfasst' },
  textNotKept: {
    en: 'Message text not kept: save the conversation, or keep message text in the settings.',
    de: 'Nachrichtentext nicht gespeichert: Unterhaltung speichern oder in den Einstellungen Nachrichtentexte behalten.',
  },
  // LinkedIn: nothing is logged automatically
  unsavedMessages: { en: '{1} messages on screen are not in the timeline', de: '{1} Nachrichten auf dem Bildschirm sind nicht im Verlauf' },
  unsavedMessagesOne: { en: '1 message on screen is not in the timeline', de: '1 Nachricht auf dem Bildschirm ist nicht im Verlauf' },
  unsavedMessagesNone: { en: 'Every message on screen is in the timeline', de: 'Alle Nachrichten auf dem Bildschirm sind im Verlauf' },
  unsavedSave: { en: 'Save them', de: 'Speichern' },
  // Responsiveness (Reaktionszeit) of the contact in focus
  resp_title: { en: 'Response times', de: 'Reaktionszeit' },
  resp_waiting: { en: 'Waiting for our answer for {1}', de: 'Wartet seit {1} auf unsere Antwort' },
  resp_notWaiting: { en: 'Nobody is waiting for an answer', de: 'Niemand wartet auf eine Antwort' },
  resp_ours: { en: 'We answer in {1} (median of {2})', de: 'Wir antworten in {1} (Median aus {2})' },
  resp_theirs: { en: 'They answer in {1} (median of {2})', de: 'Sie antworten in {1} (Median aus {2})' },
  resp_oursNone: { en: 'We have not answered them yet', de: 'Wir haben noch nicht geantwortet' },
  resp_theirsNone: { en: 'They have not answered us yet', de: 'Noch keine Antwort erhalten' },
  // Settings
  set_title: { en: 'Logging', de: 'Erfassung' },
  set_autoLog: { en: 'Log every mail with a known contact automatically (Gmail, Outlook)', de: 'Jede E-Mail mit bekannten Kontakten automatisch erfassen (Gmail, Outlook)' },
  set_autoLogHelp: {
    en: 'Each message of a thread on screen becomes a touchpoint once. Unknown people are never logged; on LinkedIn nothing is logged automatically.',
    de: 'Jede Nachricht eines geöffneten Verlaufs wird einmal zum Kontaktpunkt. Unbekannte werden nie erfasst; auf LinkedIn wird nichts automatisch erfasst.',
  },
  set_keepText: { en: 'Keep message text of automatically logged mail', de: 'Nachrichtentext automatisch erfasster E-Mails behalten' },
  set_department: { en: 'My department (captured mail counts for it)', de: 'Meine Abteilung (erfasste E-Mails zählen für sie)' },
  set_neverLog: { en: 'Never log these addresses and domains', de: 'Diese Adressen und Domains nie erfassen' },
  set_neverLogHelp: {
    en: 'One per line: an address (anna@example.com) or a domain (example.com covers its subdomains). Private contacts, colleagues.',
    de: 'Eine pro Zeile: eine Adresse (anna@example.com) oder eine Domain (example.com gilt auch für Subdomains). Private Kontakte, Kollegen.',
  },
  set_neverLogSave: { en: 'Save list', de: 'Liste speichern' },
  set_neverLogInvalid: { en: 'Not an address or domain: {1}', de: 'Keine Adresse oder Domain: {1}' },
  set_saved: { en: 'Saved', de: 'Gespeichert' },
  neverLogged: { en: 'never logged', de: 'wird nie erfasst' },
  neverLogRefused: { en: 'This address is on your never-log list.', de: 'Diese Adresse steht auf Ihrer Nie-erfassen-Liste.' },
  neverLogRefusedContact: { en: 'This contact is on your never-log list: nothing is saved for them.', de: 'Dieser Kontakt steht auf Ihrer Nie-erfassen-Liste: Für ihn wird nichts gespeichert.' },
} satisfies Catalog;

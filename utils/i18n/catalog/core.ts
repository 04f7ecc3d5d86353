import type { Catalog } from '../types';

/** Manifest, sidebar shell and people on screen. */
export default {
  extName: { en: 'Rapport', de: 'Rapport' },
  extDescription: {
    en: 'Your relationship notebook next to Gmail, Outlook and LinkedIn. Local-first: nothing leaves your browser.',
    de: 'Ihr Beziehungsnotizbuch neben Gmail, Outlook und LinkedIn. Lokal: Nichts verlässt Ihren Browser.',
  },
  commandToggle: { en: 'Show or hide the Rapport sidebar', de: 'Rapport-Seitenleiste ein- oder ausblenden' },
  sidebarTitle: { en: 'Rapport', de: 'Rapport' },
  loading: { en: 'Loading…', de: 'Wird geladen…' },
  diskFull: {
    en: 'Not saved: the disk is full. Free some disk space (empty the trash, remove large downloads) or clear other sites’ data in the browser’s settings, then try again. Nothing was half-written.',
    de: 'Nicht gespeichert: Der Datenträger ist voll. Geben Sie Speicherplatz frei (Papierkorb leeren, große Downloads löschen) oder löschen Sie Daten anderer Websites in den Browser-Einstellungen und versuchen Sie es erneut. Es wurde nichts halb geschrieben.',
  },
  notebookUpdating: { en: 'Updating your notebook…', de: 'Ihr Notizbuch wird aktualisiert…' },
  notebookUpdatingProgress: { en: 'Updating your notebook… {1} of {2} records', de: 'Ihr Notizbuch wird aktualisiert… {1} von {2} Einträgen' },
  notebookIndexing: { en: 'Preparing older notes for search… {1} of {2}', de: 'Ältere Notizen werden für die Suche vorbereitet… {1} von {2}' },
  notebookOutdated: {
    en: 'Rapport was updated in another tab. Reload this page to go on with the new version.',
    de: 'Rapport wurde in einem anderen Tab aktualisiert. Laden Sie diese Seite neu, um mit der neuen Version weiterzuarbeiten.',
  },
  notebookFailed: {
    en: 'Rapport could not open your notebook ({1}). Nothing was changed; reload the page to try again.',
    de: 'Rapport konnte Ihr Notizbuch nicht öffnen ({1}). Es wurde nichts verändert; laden Sie die Seite neu, um es erneut zu versuchen.',
  },
  noContext: {
    en: 'Nobody recognised on this page. Open an email, a conversation or a profile.',
    de: 'Auf dieser Seite wurde niemand erkannt. Öffnen Sie eine E-Mail, eine Unterhaltung oder ein Profil.',
  },
  site_gmail: { en: 'Gmail', de: 'Gmail' },
  site_outlook: { en: 'Outlook', de: 'Outlook' },
  site_linkedin: { en: 'LinkedIn', de: 'LinkedIn' },
  onSite: { en: 'On {1}', de: 'Auf {1}' },
  peopleOnScreen: { en: 'On screen', de: 'Auf dem Bildschirm' },
  role_sender: { en: 'From', de: 'Von' },
  role_recipient: { en: 'To', de: 'An' },
  role_cc: { en: 'Cc', de: 'Cc' },
  role_profile: { en: 'Profile', de: 'Profil' },
  role_participant: { en: 'In conversation', de: 'In der Unterhaltung' },
  role_result: { en: 'Search result', de: 'Suchergebnis' },
  known: { en: 'Known', de: 'Bekannt' },
  newPerson: { en: 'New', de: 'Neu' },
  addContact: { en: 'Add contact', de: 'Kontakt anlegen' },
  addContactFor: { en: 'Add {1} as a contact', de: '{1} als Kontakt anlegen' },
  isThis: { en: 'Is this {1}?', de: 'Ist das {1}?' },
  linkYes: { en: 'Yes, same person', de: 'Ja, dieselbe Person' },
  errorGeneric: { en: 'Something went wrong: {1}', de: 'Etwas ist schiefgelaufen: {1}' },
  optionsTitle: { en: 'Rapport workspace', de: 'Rapport-Arbeitsbereich' },
  search: { en: 'Search contacts', de: 'Kontakte suchen' },
} satisfies Catalog;

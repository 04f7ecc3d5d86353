import type { Catalog } from '../../utils/i18n/types';
import { t as appT } from '../../utils/i18n';

/**
 * UI strings of the import and export panels, in the shape of the app catalog
 * (`utils/i18n/catalog`): add this object to `CATALOGS` and `t()` below can become the app's `t`.
 * German follows the domain glossary (Kontakte, Vorschau, Übergabe, …).
 */
const transfer = {
  transfer_importTitle: { en: 'Import', de: 'Import' },
  transfer_importHint: {
    en: 'Rapport backup (JSON), Rapport CSV (zip), LinkedIn Connections.csv, Google Contacts CSV, Outlook CSV or vCard. The format is recognised from the content.',
    de: 'Rapport-Sicherung (JSON), Rapport-CSV (ZIP), LinkedIn-Connections.csv, Google-Kontakte-CSV, Outlook-CSV oder vCard. Das Format wird am Inhalt erkannt.',
  },
  transfer_chooseFile: { en: 'Choose a file to import', de: 'Datei für den Import wählen' },
  transfer_reading: { en: 'Reading the file…', de: 'Datei wird gelesen…' },
  transfer_planning: { en: 'Preparing the preview… {1} of {2}', de: 'Vorschau wird erstellt… {1} von {2}' },
  transfer_writing: { en: 'Importing… {1} of {2}', de: 'Import läuft… {1} von {2}' },
  transfer_preview: { en: 'Preview', de: 'Vorschau' },
  transfer_detected: { en: 'Recognised: {1}', de: 'Erkannt: {1}' },
  transfer_format_rapport_json: { en: 'Rapport backup (JSON)', de: 'Rapport-Sicherung (JSON)' },
  transfer_format_rapport_csv: { en: 'Rapport CSV', de: 'Rapport-CSV' },
  transfer_format_linkedin_csv: { en: 'LinkedIn Connections.csv', de: 'LinkedIn-Connections.csv' },
  transfer_format_google_csv: { en: 'Google Contacts CSV', de: 'Google-Kontakte-CSV' },
  transfer_format_outlook_csv: { en: 'Outlook CSV', de: 'Outlook-CSV' },
  transfer_format_vcard: { en: 'vCard', de: 'vCard' },
  transfer_handoverFrom: { en: 'Handover from {1}', de: 'Übergabe von {1}' },
  transfer_countNew: { en: 'New contacts', de: 'Neue Kontakte' },
  transfer_countMatched: { en: 'Matched (will be updated)', de: 'Zugeordnet (werden ergänzt)' },
  transfer_countDuplicate: { en: 'Duplicates (skipped)', de: 'Dubletten (übersprungen)' },
  transfer_countInvalid: { en: 'Invalid rows (skipped)', de: 'Ungültige Zeilen (übersprungen)' },
  transfer_countInteractions: { en: 'Touchpoints', de: 'Kontaktpunkte' },
  transfer_countFollowUps: { en: 'Follow-ups', de: 'Wiedervorlagen' },
  transfer_countChecks: { en: 'Relationship checks', de: 'Beziehungschecks' },
  transfer_countPresent: { en: 'Already in Rapport', de: 'Bereits in Rapport' },
  transfer_overwrite: {
    en: 'Overwrite filled fields with values from the file',
    de: 'Ausgefüllte Felder mit Werten aus der Datei überschreiben',
  },
  transfer_keepHint: {
    en: 'Matches (same email or LinkedIn profile) are merged; fields already filled in are kept.',
    de: 'Treffer (gleiche E-Mail oder gleiches LinkedIn-Profil) werden zusammengeführt; bereits ausgefüllte Felder bleiben erhalten.',
  },
  transfer_invalidRows: { en: 'Invalid rows', de: 'Ungültige Zeilen' },
  transfer_duplicateRows: { en: 'Duplicates', de: 'Dubletten' },
  transfer_rowAt: { en: 'Line {1}', de: 'Zeile {1}' },
  transfer_more: { en: '… and {1} more', de: '… und {1} weitere' },
  transfer_confirm: { en: 'Import now', de: 'Jetzt importieren' },
  transfer_cancel: { en: 'Cancel', de: 'Abbrechen' },
  transfer_report: {
    en: 'Imported {1} new, updated {2}, skipped {3}, {4} errors.',
    de: '{1} neu importiert, {2} ergänzt, {3} übersprungen, {4} Fehler.',
  },
  transfer_nothingWritten: { en: 'Nothing was imported.', de: 'Es wurde nichts importiert.' },
  transfer_atLine: { en: 'Line {1}', de: 'Zeile {1}' },
  transfer_error_empty: { en: 'The file is empty.', de: 'Die Datei ist leer.' },
  transfer_error_too_large: { en: 'The file is too large.', de: 'Die Datei ist zu groß.' },
  transfer_error_broken_quote: { en: 'A quotation mark is not closed.', de: 'Ein Anführungszeichen ist nicht geschlossen.' },
  transfer_error_csv_syntax: { en: 'The CSV file is damaged.', de: 'Die CSV-Datei ist beschädigt.' },
  transfer_error_csv_unknown_header: { en: 'Unknown CSV columns.', de: 'Unbekannte CSV-Spalten.' },
  transfer_error_vcard_no_end: { en: 'A vCard has no END:VCARD.', de: 'Einer vCard fehlt END:VCARD.' },
  transfer_error_vcard_syntax: { en: 'The vCard file is damaged.', de: 'Die vCard-Datei ist beschädigt.' },
  transfer_error_json_syntax: { en: 'The JSON file is damaged.', de: 'Die JSON-Datei ist beschädigt.' },
  transfer_error_not_rapport: { en: 'This JSON file is not a Rapport backup.', de: 'Diese JSON-Datei ist keine Rapport-Sicherung.' },
  transfer_error_future_version: {
    en: 'This backup comes from a newer Rapport. Update Rapport first.',
    de: 'Diese Sicherung stammt aus einer neueren Rapport-Version. Bitte zuerst Rapport aktualisieren.',
  },
  transfer_error_bad_envelope: { en: 'The Rapport backup is damaged.', de: 'Die Rapport-Sicherung ist beschädigt.' },
  transfer_error_unknown_format: { en: 'Unknown file format.', de: 'Unbekanntes Dateiformat.' },
  transfer_error_zip_content: { en: 'The zip file holds nothing to import.', de: 'Die ZIP-Datei enthält nichts zum Importieren.' },
  transfer_error_changed: {
    en: 'Your contacts changed since the preview. Choose the file again.',
    de: 'Ihre Kontakte haben sich seit der Vorschau geändert. Bitte die Datei erneut wählen.',
  },
  transfer_error_write_failed: { en: 'The import failed; nothing was written.', de: 'Der Import ist fehlgeschlagen; es wurde nichts geschrieben.' },
  transfer_error_cancelled: { en: 'Cancelled.', de: 'Abgebrochen.' },
  transfer_error_unexpected: { en: 'Something went wrong.', de: 'Etwas ist schiefgelaufen.' },
  transfer_exportTitle: { en: 'Export', de: 'Export' },
  transfer_exportHint: {
    en: 'Your data, in open formats: a full backup, Excel, address books, Markdown notes, or a handover for a colleague.',
    de: 'Ihre Daten in offenen Formaten: vollständige Sicherung, Excel, Adressbuch, Markdown-Notizen oder eine Übergabe an Kollegen.',
  },
  transfer_formatLabel: { en: 'Format', de: 'Format' },
  transfer_format_json: { en: 'JSON (backup / handover)', de: 'JSON (Sicherung / Übergabe)' },
  transfer_format_csv: { en: 'CSV for Excel (zip)', de: 'CSV für Excel (ZIP)' },
  transfer_format_vcardExport: { en: 'vCard (address books)', de: 'vCard (Adressbücher)' },
  transfer_format_markdown: { en: 'Markdown (zip, one file per contact)', de: 'Markdown (ZIP, eine Datei pro Kontakt)' },
  transfer_vcardVersion: { en: 'vCard version', de: 'vCard-Version' },
  transfer_vcard40: { en: '4.0 (current)', de: '4.0 (aktuell)' },
  transfer_vcard30: { en: '3.0 (older address books)', de: '3.0 (ältere Adressbücher)' },
  transfer_scopeLabel: { en: 'Contacts', de: 'Kontakte' },
  transfer_scope_all: { en: 'All contacts (whole database)', de: 'Alle Kontakte (gesamte Datenbank)' },
  transfer_scope_tag: { en: 'With tag', de: 'Mit Schlagwort' },
  transfer_scope_tier: { en: 'Tier', de: 'Kundenwert-Stufe' },
  transfer_scope_industry: { en: 'Industry', de: 'Branche' },
  transfer_scope_search: { en: 'Search', de: 'Suche' },
  transfer_scope_contact: { en: 'One contact', de: 'Ein Kontakt' },
  transfer_scopeValue: { en: 'Value', de: 'Wert' },
  transfer_pickContact: { en: 'Find a contact', de: 'Kontakt suchen' },
  transfer_handoverFromLabel: { en: 'Handed over by', de: 'Übergeben von' },
  transfer_handoverNote: { en: 'Note for your colleague', de: 'Notiz für Ihre Kollegin oder Ihren Kollegen' },
  transfer_run: { en: 'Export', de: 'Exportieren' },
  transfer_exporting: { en: 'Exporting… {1} of {2}', de: 'Export läuft… {1} von {2}' },
  transfer_exported: { en: '{1} saved ({2} records).', de: '{1} gespeichert ({2} Datensätze).' },
} satisfies Catalog;

export default transfer;

export type TransferMessageKey = keyof typeof transfer;

/** A transfer UI string: the app's i18n when it knows the key, else this catalog. */
export function t(key: TransferMessageKey, ...substitutions: (string | number)[]): string {
  const fromApp = appT(key, ...substitutions);
  if (fromApp !== key) return fromApp;
  const lang = typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('de') ? 'de' : 'en';
  return transfer[key][lang].replace(/\{(\d)\}/g, (_, n: string) => String(substitutions[Number(n) - 1] ?? ''));
}

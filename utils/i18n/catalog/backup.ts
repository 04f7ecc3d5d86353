import type { Catalog } from '../types';

/** Automatic backups in the workspace. German follows the domain glossary (Sicherung). */
export default {
  backup_title: { en: 'Automatic backups', de: 'Automatische Sicherungen' },
  backup_hint: {
    en: 'A full backup (JSON, every record) is saved to your Downloads folder under Rapport/. To restore one, import it. Uninstalling Rapport or resetting the browser deletes the notebook without a warning: these files are what survives.',
    de: 'Eine vollständige Sicherung (JSON, jeder Datensatz) wird in Ihrem Download-Ordner unter Rapport/ gespeichert. Zum Wiederherstellen importieren Sie sie. Deinstallieren oder Zurücksetzen des Browsers löscht das Notizbuch ohne Warnung: diese Dateien bleiben.',
  },
  backup_frequency: { en: 'How often', de: 'Wie oft' },
  backup_daily: { en: 'Daily', de: 'Täglich' },
  backup_weekly: { en: 'Weekly', de: 'Wöchentlich' },
  backup_off: { en: 'Off', de: 'Aus' },
  backup_keep: { en: 'Files to keep', de: 'Aufbewahrte Dateien' },
  backup_now: { en: 'Back up now', de: 'Jetzt sichern' },
  backup_running: { en: 'Backing up…', de: 'Sicherung läuft…' },
  backup_last: { en: 'Last backup: {1}', de: 'Letzte Sicherung: {1}' },
  backup_never: { en: 'No backup has been made yet.', de: 'Es wurde noch keine Sicherung erstellt.' },
  backup_stale: {
    en: 'Your last backup is more than 30 days old. Back up now, and keep the schedule on.',
    de: 'Ihre letzte Sicherung ist älter als 30 Tage. Sichern Sie jetzt und lassen Sie den Zeitplan eingeschaltet.',
  },
  backup_failed: { en: 'The last backup failed ({1}): {2}', de: 'Die letzte Sicherung ist fehlgeschlagen ({1}): {2}' },
  backup_files: { en: '{1} backup files kept in Downloads/Rapport/.', de: '{1} Sicherungsdateien in Downloads/Rapport/.' },
} satisfies Catalog;

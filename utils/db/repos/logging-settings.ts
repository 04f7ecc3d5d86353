import type { ContactId } from '../../domain/common';
import { LoggingSettingsSchema, loggingSettings, neverLogMatcher, neverLoggedContact, type LoggingSettings } from '../../domain/logging';
import type { RapportDB } from '../db';
import { ValidationError } from './errors';

/** Where the logging settings live: one row of `meta`, so every extension context (and live queries) sees them. */
export const LOGGING_SETTINGS_KEY = 'settings.logging';

/** The user's logging settings (automatic logging, message text, department, never-log list), defaults if unset. */
export async function getLoggingSettings(db: RapportDB): Promise<LoggingSettings> {
  const row = await db.meta.get(LOGGING_SETTINGS_KEY);
  return loggingSettings(row?.value);
}

/** Changes some of the logging settings, validated with the one schema, in one transaction. */
export async function saveLoggingSettings(db: RapportDB, patch: Partial<LoggingSettings>): Promise<LoggingSettings> {
  return db.transaction('rw', db.meta, async () => {
    const current = loggingSettings((await db.meta.get(LOGGING_SETTINGS_KEY))?.value);
    const result = LoggingSettingsSchema.safeParse({ ...current, ...patch });
    if (!result.success) throw ValidationError.fromZod('logging settings', result.error);
    await db.meta.put({ key: LOGGING_SETTINGS_KEY, value: result.data });
    return result.data;
  });
}

/** Whether the never-log list covers a contact whole (every address of theirs is on it): nothing is saved for them. */
export async function isNeverLogged(db: RapportDB, contactId: ContactId): Promise<boolean> {
  const [settings, contact] = await Promise.all([getLoggingSettings(db), db.contacts.get(contactId)]);
  return contact !== undefined && neverLoggedContact(neverLogMatcher(settings.neverLog), contact.emails);
}

import { browser } from 'wxt/browser';
import { readReminderSettings, readReminderState, type ReminderSettings, type ReminderState } from '../domain/reminders';

/*
 * Reminder settings and the alarm's memory live in `storage.local`, not in the notebook: they
 * belong to this browser (a restored backup on another computer should not bring someone's quiet
 * hours), and the background hears a change of them through `storage.onChanged`.
 */

export const REMINDER_SETTINGS_KEY = 'reminderSettings';
export const REMINDER_STATE_KEY = 'reminderState';
/** The keys each recent summary notification announced, by the run's instant: read only by its "Tomorrow" button. */
export const REMINDER_SUMMARIES_KEY = 'reminderSummaries';
/** How long a summary's "Tomorrow" can still find what it announced. */
const SUMMARY_KEPT_MS = 3 * 86_400_000;

export async function loadReminderSettings(): Promise<ReminderSettings> {
  return readReminderSettings((await browser.storage.local.get(REMINDER_SETTINGS_KEY))[REMINDER_SETTINGS_KEY]);
}

export async function saveReminderSettings(settings: ReminderSettings): Promise<void> {
  await browser.storage.local.set({ [REMINDER_SETTINGS_KEY]: readReminderSettings(settings) });
}

/** Calls back with the new settings whenever they change (any page, any tab); returns the unsubscribe. */
export function onReminderSettingsChanged(listener: (settings: ReminderSettings) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && REMINDER_SETTINGS_KEY in changes) listener(readReminderSettings(changes[REMINDER_SETTINGS_KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

export async function loadReminderState(): Promise<ReminderState> {
  return readReminderState((await browser.storage.local.get(REMINDER_STATE_KEY))[REMINDER_STATE_KEY]);
}

export async function saveReminderState(state: ReminderState): Promise<void> {
  await browser.storage.local.set({ [REMINDER_STATE_KEY]: state });
}

/** Remembers what the summary shown by the run at `runAt` announced; forgets summaries older than three days. */
export async function saveSummaryKeys(runAt: number, keys: readonly string[]): Promise<void> {
  const stored = (await browser.storage.local.get(REMINDER_SUMMARIES_KEY))[REMINDER_SUMMARIES_KEY];
  const kept = Object.entries(stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {}).filter(
    ([at, value]) => Number(at) > runAt - SUMMARY_KEPT_MS && Array.isArray(value),
  );
  await browser.storage.local.set({ [REMINDER_SUMMARIES_KEY]: Object.fromEntries([...kept, [String(runAt), [...keys]]]) });
}

/** What the summary of the run at `runAt` announced, if it is remembered. */
export async function loadSummaryKeys(runAt: number): Promise<string[] | undefined> {
  const stored = (await browser.storage.local.get(REMINDER_SUMMARIES_KEY))[REMINDER_SUMMARIES_KEY] as Record<string, unknown> | undefined;
  const keys = stored?.[String(runAt)];
  return Array.isArray(keys) ? keys.filter((key): key is string => typeof key === 'string') : undefined;
}

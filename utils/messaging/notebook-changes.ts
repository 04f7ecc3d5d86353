import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import type { PageRequest } from './protocol';

/** The tables whose changes move the badge. */
const WATCHED = /\/(followUps|interactions|contacts)\//;

/**
 * Calls `onChange` once, shortly after any write to the notebook in this context that touches
 * follow-ups, interactions or contacts (Dexie's own change event, the one its live queries use).
 * Extension pages use it to tell the background, which may be asleep, to recount the badge.
 */
export function watchNotebookChanges(onChange: () => void, delayMs = 100): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listener = (parts: Record<string, unknown>) => {
    if (!Object.keys(parts).some((key) => WATCHED.test(key))) return;
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      onChange();
    }, delayMs);
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on('storagemutated').unsubscribe(listener);
}

/** Tells the background after each write from this page, so the toolbar badge follows within a second. */
export function reportNotebookChanges(): () => void {
  return watchNotebookChanges(() => {
    // The background may be restarting; the hourly run recounts anyway.
    void browser.runtime.sendMessage({ type: 'reminders/changed' } satisfies PageRequest<'reminders/changed'>).catch(() => undefined);
  });
}

import type { Migration } from './types';

/*
 * Schema 7 (2026-11-30): what the reminder alarm reads, by index instead of by scanning.
 * - `followUps.openDue`: the due day of an open follow-up, absent once it is done (derived on every
 *   write by `openDueMiddleware` in db.ts, removed on read). Done follow-ups pile up over the years;
 *   the badge and the alarm read only the open ones due by today.
 * - `contacts.[keepInTouchDays+lastInteractionAt]` and `[value.coverage+lastInteractionAt]`: the
 *   contacts whose cadence falls due in a window of days, read per cadence, not per contact.
 * The upgrade writes `openDue` into each stored open follow-up (its own copy of the rule: frozen).
 */
export const indexReminders: Migration = {
  version: 7,
  stores: {
    contacts:
      'id, *emails, linkedinUrl, *tags, industry, value.tier, value.loyalty, value.coverage, [pipeline.pipelineId+pipeline.stage], owner, updatedAt, lastInteractionAt, keepInTouchDays, [keepInTouchDays+lastInteractionAt], [value.coverage+lastInteractionAt], *words',
    followUps: 'id, contactId, due, [contactId+due], openDue',
  },
  async upgrade(tx, progress) {
    const table = tx.table('followUps');
    const total = await table.count();
    let done = 0;
    await table.toCollection().modify((row: { due?: unknown; doneAt?: unknown; openDue?: unknown }) => {
      if (!row.doneAt && typeof row.due === 'string') row.openDue = row.due;
      else delete row.openDue;
      done++;
      if (done % 5000 === 0) progress({ done, total });
    });
    progress({ done: total, total });
  },
};

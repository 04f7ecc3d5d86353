import type { Contact } from './contact';
import { localDay } from './followup';
import { isRealTouchpoint, type Interaction } from './interaction';

/*
 * Keep-in-touch cadence and "awaiting your reply", derived from the timeline rather than stored
 * counters: logging a call resets the cadence because the call is on the timeline (Monica's
 * reminders fired regardless of the call logged two days earlier; this is the fix).
 */

const DAY_MS = 86_400_000;

/** Parses `YYYY-MM-DD` as a local calendar day (noon, so DST shifts never change the day). */
function parseDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d!, 12);
}

/** The calendar day `n` days after `day` (negative goes back). */
export function addDays(day: string, n: number): string {
  const date = parseDay(day);
  date.setDate(date.getDate() + n);
  return localDay(date);
}

/** The same day `n` months later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: string, n: number): string {
  const date = parseDay(day);
  const target = new Date(date.getFullYear(), date.getMonth() + n, 1, 12);
  const lastOfMonth = new Date(target.getFullYear(), target.getMonth() + 1, 0, 12).getDate();
  target.setDate(Math.min(date.getDate(), lastOfMonth));
  return localDay(target);
}

/** Quick picks for a new follow-up (Wiedervorlage): `2h` is the callback promised on the phone. */
export const QUICK_PICKS = ['today', '2h', '3d', '1w', '1m'] as const;
export type QuickPick = (typeof QUICK_PICKS)[number];

const HOUR_MS = 3_600_000;

/** The instant a quick pick names to the minute (`2h`), or undefined for a pick that names a day only. */
export function quickPickDueAt(pick: QuickPick, now: Date): string | undefined {
  return pick === '2h' ? new Date(now.getTime() + 2 * HOUR_MS).toISOString() : undefined;
}

/** The due day of a quick pick, counted from today (`2h` late in the evening is tomorrow). */
export function quickPickDue(pick: QuickPick, now: Date): string {
  const today = localDay(now);
  switch (pick) {
    case 'today':
      return today;
    case '2h':
      return localDay(new Date(now.getTime() + 2 * HOUR_MS));
    case '3d':
      return addDays(today, 3);
    case '1w':
      return addDays(today, 7);
    case '1m':
      return addMonths(today, 1);
  }
}

/** Instants may carry an offset, so they are compared as times, not as strings. */
function later(a: Interaction, b: Interaction): boolean {
  return Date.parse(a.occurredAt) > Date.parse(b.occurredAt);
}

/** The latest real touchpoint (call, meeting, email, message — not a note or a saved page). */
export function lastRealInteraction(timeline: readonly Interaction[]): Interaction | undefined {
  let last: Interaction | undefined;
  for (const item of timeline) {
    if (isRealTouchpoint(item.kind) && (!last || later(item, last))) last = item;
  }
  return last;
}

export interface KeepInTouch {
  /** The cadence is set and the last real touchpoint is at least that many days ago (or there is none). */
  due: boolean;
  /** When the last real touchpoint happened. */
  lastRealAt?: string;
  /** The day the cadence became due (set when due and there was a touchpoint). */
  dueSince?: string;
  /** The day the cadence falls due (set whenever a cadence and a touchpoint exist). */
  dueOn?: string;
}

/**
 * Whether it is time to get in touch again: due from the local day that is `keepInTouchDays`
 * calendar days after the last real touchpoint. No cadence: never due. A cadence but no real
 * touchpoint yet: due, with no `dueSince`.
 */
export function keepInTouchDue(
  contact: Pick<Contact, 'keepInTouchDays'>,
  timeline: readonly Interaction[],
  now: Date,
): KeepInTouch {
  const last = lastRealInteraction(timeline);
  const days = contact.keepInTouchDays;
  if (!days) return last ? { due: false, lastRealAt: last.occurredAt } : { due: false };
  return keepInTouchDueFrom(days, last?.occurredAt, now);
}

/** `keepInTouchDue` from a cadence and the instant of the last real touchpoint (a contact's `lastInteractionAt`). */
export function keepInTouchDueFrom(days: number, lastRealAt: string | undefined, now: Date): KeepInTouch {
  const result: KeepInTouch = { due: false };
  if (lastRealAt) result.lastRealAt = lastRealAt;
  if (!lastRealAt) return { ...result, due: true };
  const dueOn = addDays(localDay(new Date(lastRealAt)), days);
  result.dueOn = dueOn;
  if (localDay(now) >= dueOn) {
    result.due = true;
    result.dueSince = dueOn;
  }
  return result;
}

/**
 * "Awaiting your reply" (Reaktionszeit): the latest touchpoint with the person — calls and
 * meetings count as answering — is an inbound email or message more than 24 hours old.
 * Internal entries, notes and saved pages are not part of the conversation.
 */
export function awaitingReply(messages: readonly Interaction[], now: Date): boolean {
  let last: Interaction | undefined;
  for (const item of messages) {
    if (!isRealTouchpoint(item.kind) || item.direction === 'internal') continue;
    if (!last || later(item, last)) last = item;
  }
  if (!last || last.direction !== 'inbound') return false;
  if (last.kind !== 'email' && last.kind !== 'message') return false;
  return now.getTime() - Date.parse(last.occurredAt) > DAY_MS;
}

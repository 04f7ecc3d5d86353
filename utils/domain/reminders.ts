import { z } from 'zod';
import { addDays } from './cadence';
import { localDay } from './followup';

/*
 * Reminders (issue 11): when a follow-up, a keep-in-touch cadence or an unanswered message should
 * reach the user, and how. Pure: every function takes the clock as an argument, so quiet hours,
 * weekends, the catch-up after a closed browser and "each reminder once" are unit-tested with
 * fixed clocks. The background only gathers the items (utils/db/repos/reminders.ts), calls
 * `planRun` and shows what it returns.
 */

const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:MM');

/** What the user chose on the options page. Every field has a default: `{}` parses. */
export const ReminderSettingsSchema = z.object({
  /** A follow-up (Wiedervorlage) falls due. */
  followUps: z.boolean().default(true),
  /** A keep-in-touch cadence falls due. */
  keepInTouch: z.boolean().default(true),
  /** A known contact has waited longer than the reply target for our answer. */
  awaitingReply: z.boolean().default(true),
  /** When follow-ups and cadences due on a day are announced (local time). */
  timeOfDay: Clock.default('09:00'),
  /** No notification between `quietFrom` and `quietTo` (local time, may span midnight). */
  quietHours: z.boolean().default(true),
  quietFrom: Clock.default('20:00'),
  quietTo: Clock.default('08:00'),
  /** No notification on Saturdays and Sundays. */
  weekendsOff: z.boolean().default(true),
  /** Working days a contact may wait for our answer before we are reminded. */
  replyTargetDays: z.int().min(1).max(30).default(1),
});
export type ReminderSettings = z.infer<typeof ReminderSettingsSchema>;

/** The defaults (09:00, quiet 20:00–08:00, weekends off, one working day). */
export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = ReminderSettingsSchema.parse({});

/** Parses stored settings; anything unreadable falls back to the defaults, field by field where possible. */
export function readReminderSettings(value: unknown): ReminderSettings {
  const whole = ReminderSettingsSchema.safeParse(value ?? {});
  if (whole.success) return whole.data;
  const out: Record<string, unknown> = { ...DEFAULT_REMINDER_SETTINGS };
  if (value && typeof value === 'object') {
    for (const [key, field] of Object.entries(ReminderSettingsSchema.shape)) {
      const parsed = field.safeParse((value as Record<string, unknown>)[key]);
      if (parsed.success) out[key] = parsed.data;
    }
  }
  return ReminderSettingsSchema.parse(out);
}

export const REMINDER_KINDS = ['followup', 'keep-in-touch', 'awaiting'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Whether the settings ask for reminders of a kind. */
export function kindEnabled(settings: ReminderSettings, kind: ReminderKind): boolean {
  if (kind === 'followup') return settings.followUps;
  if (kind === 'keep-in-touch') return settings.keepInTouch;
  return settings.awaitingReply;
}

/** Nothing asked for: no notification and no badge. */
export function remindersOff(settings: ReminderSettings): boolean {
  return !settings.followUps && !settings.keepInTouch && !settings.awaitingReply;
}

const MINUTE = 60_000;

function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return h! * 60 + m!;
}

/** The instant of a local calendar day at a local time of day. */
export function atLocal(day: string, clock: string): Date {
  const [y, mo, d] = day.split('-').map(Number);
  const minutes = minutesOf(clock);
  return new Date(y!, mo! - 1, d!, Math.floor(minutes / 60), minutes % 60);
}

function isWeekend(date: Date): boolean {
  const weekday = date.getDay();
  return weekday === 0 || weekday === 6;
}

function inQuietHours(date: Date, settings: ReminderSettings): boolean {
  if (!settings.quietHours) return false;
  const from = minutesOf(settings.quietFrom);
  const to = minutesOf(settings.quietTo);
  if (from === to) return false;
  const now = date.getHours() * 60 + date.getMinutes();
  return from < to ? now >= from && now < to : now >= from || now < to;
}

/** Whether a notification may be shown at this instant (outside quiet hours, not on a weekend when they are off). */
export function mayNotifyAt(date: Date, settings: ReminderSettings): boolean {
  return !(settings.weekendsOff && isWeekend(date)) && !inQuietHours(date, settings);
}

/** The first instant at or after `date` when a notification may be shown. */
export function nextAllowed(date: Date, settings: ReminderSettings): Date {
  let at = new Date(date.getTime());
  // At most two weekend days and one quiet stretch per day stand in the way; 16 steps is plenty.
  for (let step = 0; step < 16 && !mayNotifyAt(at, settings); step++) {
    if (settings.weekendsOff && isWeekend(at)) {
      at = atLocal(addDays(localDay(at), 1), '00:00');
      continue;
    }
    const quietEnd = atLocal(localDay(at), settings.quietTo);
    at = quietEnd.getTime() > at.getTime() ? quietEnd : atLocal(addDays(localDay(at), 1), settings.quietTo);
  }
  return at;
}

/** `days` working days (Monday–Friday) after an instant, at the same local time. */
export function addWorkingDays(from: Date, days: number): Date {
  let at = new Date(from.getTime());
  let left = days;
  while (left > 0) {
    at = new Date(at.getFullYear(), at.getMonth(), at.getDate() + 1, at.getHours(), at.getMinutes(), at.getSeconds());
    if (!isWeekend(at)) left--;
  }
  return at;
}

/** When a follow-up due on a day is announced: that day at the chosen time of day. */
export function followUpDueAt(due: string, settings: ReminderSettings): Date {
  return atLocal(due, settings.timeOfDay);
}

/** When a cadence that falls due on a day is announced: that day at the chosen time of day. */
export function keepInTouchDueAt(dueOn: string, settings: ReminderSettings): Date {
  return atLocal(dueOn, settings.timeOfDay);
}

/** When an unanswered message from a contact passes the reply target (working days after it arrived). */
export function replyDueAt(receivedAt: string, settings: ReminderSettings): Date {
  return addWorkingDays(new Date(receivedAt), settings.replyTargetDays);
}

/** One reminder: a key that names it for good (it fires once), whom it is about, and when it is due. */
export interface ReminderItem {
  /** `fu:<follow-up id>:<due>`, `kit:<contact id>:<due day>`, `aw:<contact id>:<their message's UTC day>`: a snoozed follow-up, a message of a later day are new reminders. */
  key: string;
  kind: ReminderKind;
  contactId: string;
  /** Filled where it was read anyway (cadences); the background looks the others up for what it shows. */
  contactName?: string;
  /** When it falls due (before quiet hours and weekends are applied), epoch ms. */
  dueAt: number;
  followUpId?: string;
  /** The follow-up's text, or the unanswered message's subject. */
  what?: string;
}

/** What the background keeps between runs (browser.storage.local). */
export const ReminderStateSchema = z.object({
  /** When the last run happened, epoch ms. */
  lastRunAt: z.number().optional(),
  /** Keys already announced, with when (epoch ms). Pruned to the items that are still due. */
  fired: z.record(z.string(), z.number()).default({}),
  /** A catch-up fell in quiet hours or on a weekend: announce it as missed when allowed. */
  catchUpPending: z.boolean().default(false),
  /** "Tomorrow" on a keep-in-touch or awaiting-reply notification: key → not before (epoch ms), then announced again. */
  snoozed: z.record(z.string(), z.number()).default({}),
  /** "Done" on an awaiting-reply notification: that message's reminder is over (no notification, not in the badge). */
  dismissed: z.record(z.string(), z.number()).default({}),
});
export type ReminderState = z.infer<typeof ReminderStateSchema>;

export function readReminderState(value: unknown): ReminderState {
  const parsed = ReminderStateSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : ReminderStateSchema.parse({});
}

/** More than this many new reminders at once come as one summary, never a burst. */
export const MAX_SINGLE_NOTIFICATIONS = 3;
/** A run this long after the previous one means the browser (or the computer) was off meanwhile. */
export const CATCH_UP_GAP_MS = 2 * 60 * MINUTE;
/** The alarm runs at least this often while the browser is open. */
export const RUN_AT_LEAST_EVERY_MS = 60 * MINUTE;

export type ReminderCounts = Record<ReminderKind, number>;

/** A notification to show. */
export type Notice =
  | { type: 'single'; item: ReminderItem }
  | {
      type: 'summary';
      /** The missed ones after the browser was closed ("… became due while the browser was closed"). */
      catchUp: boolean;
      counts: ReminderCounts;
      /** When every item is about one contact, a click opens them; otherwise the Today list. */
      contactId?: string;
    };

export interface RunInput {
  now: Date;
  settings: ReminderSettings;
  state: ReminderState;
  /** Every current reminder (due or coming up), whatever the settings. */
  items: readonly ReminderItem[];
  /** The browser has just started. */
  startup: boolean;
}

export interface RunPlan {
  notices: Notice[];
  state: ReminderState;
  /** When the next run should happen (epoch ms): the next due item, time of day, quiet-hours end or midnight. */
  nextRunAt: number;
}

function countKinds(items: readonly ReminderItem[]): ReminderCounts {
  const counts: ReminderCounts = { followup: 0, 'keep-in-touch': 0, awaiting: 0 };
  for (const item of items) counts[item.kind]++;
  return counts;
}

/**
 * One run of the reminder alarm. New = due, of an enabled kind and not yet announced. Outside
 * quiet hours and weekends they are announced: after a gap (browser closed) as one summary; more
 * than `MAX_SINGLE_NOTIFICATIONS` as one summary; otherwise one notification each. Each key is
 * announced once; keys of items no longer current are forgotten.
 */
export function planRun({ now, settings, state, items, startup }: RunInput): RunPlan {
  const t = now.getTime();
  const current = new Set(items.map((item) => item.key));
  const only = (record: Record<string, number>) => Object.fromEntries(Object.entries(record).filter(([key]) => current.has(key)));
  const fired = only(state.fired);
  const snoozed = only(state.snoozed);
  const dismissed = only(state.dismissed);
  // A snoozed reminder is due again when its snooze ends; a dismissed one never again.
  const enabled = items
    .filter((item) => kindEnabled(settings, item.kind) && dismissed[item.key] === undefined)
    .map((item) => (snoozed[item.key] !== undefined ? { ...item, dueAt: Math.max(item.dueAt, snoozed[item.key]!) } : item));

  const gap = state.lastRunAt !== undefined && t - state.lastRunAt > CATCH_UP_GAP_MS;
  const fresh = enabled.filter((item) => item.dueAt <= t && fired[item.key] === undefined).sort((a, b) => a.dueAt - b.dueAt);
  const catchUp = state.catchUpPending || ((startup || gap) && fresh.length > 0);
  const notices: Notice[] = [];
  let catchUpPending = false;

  if (fresh.length > 0) {
    if (!mayNotifyAt(now, settings)) {
      catchUpPending = catchUp;
    } else {
      if (catchUp || fresh.length > MAX_SINGLE_NOTIFICATIONS) {
        const contacts = new Set(fresh.map((item) => item.contactId));
        const only = contacts.size === 1 ? fresh[0]!.contactId : undefined;
        notices.push({ type: 'summary', catchUp, counts: countKinds(fresh), ...(only ? { contactId: only } : {}) });
      } else {
        for (const item of fresh) notices.push({ type: 'single', item });
      }
      for (const item of fresh) {
        fired[item.key] = t;
        delete snoozed[item.key];
      }
    }
  }

  return {
    notices,
    state: { lastRunAt: t, fired, catchUpPending, snoozed, dismissed },
    nextRunAt: nextRun(now, settings, enabled, fired, notices.length === 0 && fresh.length > 0),
  };
}

function nextRun(now: Date, settings: ReminderSettings, enabled: readonly ReminderItem[], fired: Record<string, number>, waiting: boolean): number {
  const t = now.getTime();
  const today = localDay(now);
  const candidates: number[] = [
    // Midnight: the badge's day changes.
    atLocal(addDays(today, 1), '00:00').getTime(),
  ];
  const timeToday = atLocal(today, settings.timeOfDay).getTime();
  candidates.push(timeToday > t ? timeToday : atLocal(addDays(today, 1), settings.timeOfDay).getTime());
  for (const item of enabled) {
    if (item.dueAt > t && fired[item.key] === undefined) candidates.push(nextAllowed(new Date(item.dueAt), settings).getTime());
  }
  // Reminders held back by quiet hours or a weekend go out when that ends.
  if (waiting) candidates.push(nextAllowed(now, settings).getTime());
  // At least hourly: a gap longer than `CATCH_UP_GAP_MS` then always means the browser was off.
  candidates.push(t + RUN_AT_LEAST_EVERY_MS);
  return Math.max(t + MINUTE, Math.min(...candidates));
}

/** The badge: today's count of the enabled kinds (due and overdue follow-ups, awaiting our reply). */
export interface BadgeInput {
  /** Open follow-ups due today or earlier. */
  followUpsDue: number;
  /** Contacts waiting longer than the reply target for our answer. */
  awaiting: number;
}

/** The numbers the badge shows, zero for kinds that are switched off. */
export function badgeCounts(settings: ReminderSettings, input: BadgeInput): BadgeInput {
  return {
    followUpsDue: settings.followUps ? input.followUpsDue : 0,
    awaiting: settings.awaitingReply ? input.awaiting : 0,
  };
}

/** The badge text: the total, empty at zero, "99+" above 99. */
export function badgeText(counts: BadgeInput): string {
  const total = counts.followUpsDue + counts.awaiting;
  if (total <= 0) return '';
  return total > 99 ? '99+' : String(total);
}

/** Epoch ms of the start of the next local day. */
export function nextMidnight(now: Date): number {
  return atLocal(addDays(localDay(now), 1), '00:00').getTime();
}

/** The oldest a keep-in-touch cadence may have fallen due to still be announced (catch-up after a long absence). */
export const KEEP_IN_TOUCH_NOTIFY_DAYS = 14;

/** When "Tomorrow" on a notification brings a reminder back: tomorrow at the chosen time of day (epoch ms). */
export function tomorrowAt(now: Date, settings: ReminderSettings): number {
  return atLocal(addDays(localDay(now), 1), settings.timeOfDay).getTime();
}

/** "Tomorrow" on a keep-in-touch or awaiting-reply reminder: announced again at `until`, not today. */
export function snoozeReminders(state: ReminderState, keys: readonly string[], until: number): ReminderState {
  const fired = { ...state.fired };
  const snoozed = { ...state.snoozed };
  for (const key of keys) {
    delete fired[key];
    snoozed[key] = until;
  }
  return { ...state, fired, snoozed };
}

/** "Done" on an awaiting-reply reminder: that message needs no more reminding (a newer message is a new reminder). */
export function dismissReminders(state: ReminderState, keys: readonly string[], now: Date): ReminderState {
  const dismissed = { ...state.dismissed };
  const snoozed = { ...state.snoozed };
  for (const key of keys) {
    dismissed[key] = now.getTime();
    delete snoozed[key];
  }
  return { ...state, dismissed, snoozed };
}

/** The keys a summary notification of the run at `runAt` announced (each key remembers the run that announced it). */
export function keysAnnouncedAt(state: ReminderState, runAt: number): string[] {
  return Object.entries(state.fired)
    .filter(([, at]) => at === runAt)
    .map(([key]) => key);
}

/**
 * The badge's "awaiting your reply" without the reminders the user answered from a notification:
 * dismissed ones, and those snoozed until a later time (they are back when the snooze ends).
 */
export function awaitingForBadge(items: readonly ReminderItem[], state: ReminderState, now: Date): number {
  const t = now.getTime();
  return items.filter(
    (item) => item.kind === 'awaiting' && item.dueAt <= t && state.dismissed[item.key] === undefined && !((state.snoozed[item.key] ?? 0) > t),
  ).length;
}

/** What a reminder key names: `fu:<follow-up id>:<due>`, `kit:<contact id>:<day>`, `aw:<contact id>:<since>`. */
export function parseReminderKey(key: string): { kind: ReminderKind; id: string } | undefined {
  // Ids may hold colons (imported data): the day or instant at the end is what is matched.
  const match = /^(fu|kit):(.+):\d{4}-\d{2}-\d{2}$/.exec(key) ?? /^(aw):(.+):\d{4}-\d{2}-\d{2}T[^:]*:[^:]*:[^:]*$/.exec(key);
  if (!match) return undefined;
  const kind: ReminderKind = match[1] === 'fu' ? 'followup' : match[1] === 'kit' ? 'keep-in-touch' : 'awaiting';
  return { kind, id: match[2]! };
}

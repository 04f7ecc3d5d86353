import { z } from 'zod';
import { addDays } from './cadence';
import { localDay } from './followup';
import { AWAITING_WINDOW_DAYS } from './workspace-figures';

/*
 * Reminders (issue 11): when a follow-up, a keep-in-touch cadence or an unanswered message should
 * reach the user, and how. Pure: every function takes the clock as an argument, so quiet hours,
 * weekends, the catch-up after a closed browser and "each reminder once" are unit-tested with
 * fixed clocks. The background only gathers the items (utils/db/repos/reminders.ts), calls
 * `planRun` and shows what it returns.
 *
 * A run is incremental: the state says per kind how far announcements have got (`through`), and
 * `runSpans` names what the next run reads, from there (less `RE_READ_DAYS`) to what is due now.
 * So a run reads the reminders that fell due since the previous one, not every current one, and
 * the state remembers only the announced keys a later run may read again.
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
    at = new Date(at.getFullYear(), at.getMonth(), at.getDate() + 1, at.getHours(), at.getMinutes(), at.getSeconds(), at.getMilliseconds());
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

/**
 * When an unanswered message from a contact passes the reply target: working days after it
 * arrived, a message of the weekend counted from Monday 00:00. So a later message is never due
 * earlier (Saturday 10:00 would otherwise be due on Monday 10:00, before Friday 15:00's Monday
 * 15:00), and "past the target" is one range of arrival instants (`replyBound`).
 */
export function replyDueAt(receivedAt: string, settings: ReminderSettings): Date {
  let from = new Date(receivedAt);
  while (isWeekend(from)) from = atLocal(addDays(localDay(from), 1), '00:00');
  return addWorkingDays(from, settings.replyTargetDays);
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

/** What the background keeps between runs (browser.storage.local). Small: its size does not grow with the notebook. */
export const ReminderStateSchema = z.object({
  /** When the last run happened, epoch ms. */
  lastRunAt: z.number().optional(),
  /**
   * How far each kind has been announced: follow-ups and cadences, the last local day whose time of
   * day was reached; awaiting reply, the latest message instant (UTC ISO) whose reply target had
   * passed. A run reads only what fell due after it (less `RE_READ_DAYS`); a kind without it (never
   * run, or switched off meanwhile) is read in full once.
   */
  through: z
    .object({ followup: z.string().optional(), 'keep-in-touch': z.string().optional(), awaiting: z.string().optional() })
    .default({}),
  /** Keys already announced, with when (epoch ms). Kept while a run may read them again (`RE_READ_DAYS`). */
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

/**
 * Days a run reads again before where the previous one got to: a follow-up entered as due
 * yesterday, a cadence changed so it fell due two days ago, a message logged late still reach the
 * user. Older newcomers are counted on the badge and the Today list but not announced.
 */
export const RE_READ_DAYS = 2;

const DAY = 86_400_000;

/** The latest local day whose time of day has come at `now`: follow-ups and cadences due by then are due. */
export function dayBound(now: Date, settings: ReminderSettings): string {
  const today = localDay(now);
  return atLocal(today, settings.timeOfDay).getTime() <= now.getTime() ? today : addDays(today, -1);
}

/**
 * The latest message instant whose reply target has passed at `now` (epoch ms): `replyDueAt` is
 * monotonic in the message's instant, so a binary search over the span the target can cover.
 */
export function replyBound(now: Date, settings: ReminderSettings): number {
  const t = now.getTime();
  const dueBy = (ms: number) => replyDueAt(new Date(ms).toISOString(), settings).getTime() <= t;
  let lo = t - (settings.replyTargetDays + 2 * Math.ceil(settings.replyTargetDays / 5) + 3) * DAY;
  let hi = t;
  if (!dueBy(lo)) return lo - 1;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (dueBy(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** What one run reads, per enabled kind: `from` (inclusive; none: everything current) to `to` (inclusive). */
export interface RunSpans {
  /** Open follow-ups by due day (local). */
  followup?: { from?: string; to: string };
  /** Cadences by the day they fell due (local), at most `KEEP_IN_TOUCH_NOTIFY_DAYS` back. */
  'keep-in-touch'?: { from: string; to: string };
  /** Unanswered messages by their instant (UTC ISO), within `AWAITING_WINDOW_DAYS`. */
  awaiting?: { from: string; to: string };
}

/**
 * What a run at `now` reads: per enabled kind, what fell due since the last run got (its
 * `through`, less `RE_READ_DAYS`), or everything current when the kind has no `through` yet.
 */
export function runSpans(now: Date, settings: ReminderSettings, state: ReminderState): RunSpans {
  const spans: RunSpans = {};
  const to = dayBound(now, settings);
  const { through } = state;
  if (settings.followUps) spans.followup = through.followup ? { from: addDays(through.followup, -RE_READ_DAYS), to } : { to };
  if (settings.keepInTouch) {
    const floor = addDays(localDay(now), -KEEP_IN_TOUCH_NOTIFY_DAYS);
    const from = through['keep-in-touch'] ? addDays(through['keep-in-touch'], -RE_READ_DAYS) : floor;
    spans['keep-in-touch'] = { from: from > floor ? from : floor, to };
  }
  if (settings.awaitingReply) {
    const floor = now.getTime() - AWAITING_WINDOW_DAYS * DAY;
    const last = through.awaiting ? Date.parse(through.awaiting) - RE_READ_DAYS * DAY : floor;
    spans.awaiting = { from: new Date(Math.max(floor, last)).toISOString(), to: new Date(replyBound(now, settings)).toISOString() };
  }
  return spans;
}

/** The day a key ends with (`fu` and `kit`: the local due day; `aw`: the message's UTC day). */
function keyDay(key: string): string | undefined {
  return /(\d{4}-\d{2}-\d{2})(T[^:]*:[^:]*:[^:]*)?$/.exec(key)?.[1];
}

export interface RunInput {
  now: Date;
  settings: ReminderSettings;
  state: ReminderState;
  /**
   * What the notebook holds in `runSpans(now, settings, state)` (utils/db/repos/reminders.ts reads
   * it by index ranges), plus the snoozed reminders whose snooze has ended that are still current.
   */
  items: readonly ReminderItem[];
  /** The browser has just started. */
  startup: boolean;
  /** When the next waiting message passes the reply target (epoch ms), if one does. */
  nextAwaitingAt?: number;
}

export interface RunPlan {
  notices: Notice[];
  /** The keys this run announced (a summary's "Tomorrow" needs them after `fired` forgot them). */
  announced: string[];
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
 * One run of the reminder alarm. New = due, of an enabled kind, not yet announced (nor snoozed
 * to later, nor dismissed). Outside quiet hours and weekends they are announced: after a gap
 * (browser closed) as one summary; more than `MAX_SINGLE_NOTIFICATIONS` as one summary; otherwise
 * one notification each, and each kind's `through` moves on to what this run read. In quiet hours
 * or at a weekend nothing moves (the background reads nothing then): the next allowed run reads
 * what is held back. Announced keys
 * are remembered while a later run may read them again; older ones are forgotten.
 */
export function planRun({ now, settings, state, items, startup, nextAwaitingAt }: RunInput): RunPlan {
  const t = now.getTime();
  const spans = runSpans(now, settings, state);
  const fired = { ...state.fired };
  const snoozed = { ...state.snoozed };
  // In quiet hours or at the weekend nothing is announced: the background reads nothing then
  // (`mayNotifyAt`), and nothing read is taken as gone.
  const quiet = !mayNotifyAt(now, settings);
  const read = new Set(items.map((item) => item.key));
  // A snooze that ended on a reminder no longer current (answered, reached, erased) is over.
  if (!quiet) for (const [key, until] of Object.entries(snoozed)) if (until <= t && !read.has(key)) delete snoozed[key];
  const windowDay = new Date(t - AWAITING_WINDOW_DAYS * DAY).toISOString().slice(0, 10);
  const dismissed = Object.fromEntries(Object.entries(state.dismissed).filter(([key]) => (keyDay(key) ?? '') >= windowDay));
  // A snoozed reminder is due again when its snooze ends; a dismissed one never again.
  const enabled = items
    .filter((item) => kindEnabled(settings, item.kind) && dismissed[item.key] === undefined)
    .map((item) => (snoozed[item.key] !== undefined ? { ...item, dueAt: Math.max(item.dueAt, snoozed[item.key]!) } : item));

  const gap = state.lastRunAt !== undefined && t - state.lastRunAt > CATCH_UP_GAP_MS;
  const fresh = enabled.filter((item) => item.dueAt <= t && fired[item.key] === undefined).sort((a, b) => a.dueAt - b.dueAt);
  const notices: Notice[] = [];
  let catchUpPending = false;

  if (quiet) {
    // Whatever falls due by the end of the quiet stretch after a gap or a start is announced as missed.
    catchUpPending = state.catchUpPending || startup || gap;
  } else if (fresh.length > 0) {
    const catchUp = state.catchUpPending || startup || gap;
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

  // Quiet, every kind stays where it was (the next allowed run reads the same span again);
  // otherwise each enabled kind has got to the end of its span (never backwards: a longer reply
  // target does not announce a message twice). A kind switched off starts afresh when back on.
  const through: ReminderState['through'] = {};
  const later = (a: string | undefined, b: string) => (a !== undefined && a > b ? a : b);
  for (const kind of REMINDER_KINDS) {
    const span = spans[kind];
    if (!span) continue;
    const old = state.through[kind];
    const next = quiet ? old : later(old, span.to);
    if (next !== undefined) through[kind] = next;
  }
  // Remembered while a later run may read the key again: its day is not before that run's span.
  const keep = (key: string) => {
    const named = parseReminderKey(key);
    const day = keyDay(key);
    if (!named || !day) return false;
    const upTo = through[named.kind];
    // Not run through yet (held back on its first run): the full read to come needs them all.
    if (upTo === undefined) return spans[named.kind] !== undefined;
    const from = named.kind === 'awaiting' ? new Date(Date.parse(upTo) - (RE_READ_DAYS + 1) * DAY).toISOString().slice(0, 10) : addDays(upTo, -RE_READ_DAYS - 1);
    return day >= from;
  };
  for (const key of Object.keys(fired)) if (!keep(key)) delete fired[key];

  return {
    notices,
    announced: notices.length > 0 ? fresh.map((item) => item.key) : [],
    state: { lastRunAt: t, through, fired, catchUpPending, snoozed, dismissed },
    nextRunAt: nextRun(now, settings, enabled, fired, snoozed, quiet, nextAwaitingAt),
  };
}

function nextRun(
  now: Date,
  settings: ReminderSettings,
  enabled: readonly ReminderItem[],
  fired: Record<string, number>,
  snoozed: Record<string, number>,
  waiting: boolean,
  nextAwaitingAt: number | undefined,
): number {
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
  // Snoozes that end, and the next message to pass the reply target.
  for (const until of Object.values(snoozed)) if (until > t) candidates.push(nextAllowed(new Date(until), settings).getTime());
  if (settings.awaitingReply && nextAwaitingAt !== undefined && nextAwaitingAt > t) candidates.push(nextAllowed(new Date(nextAwaitingAt), settings).getTime());
  // Reminders held back by quiet hours or a weekend go out when that ends (the run then reads them).
  if (waiting) candidates.push(nextAllowed(now, settings).getTime());
  // At least hourly: a gap longer than `CATCH_UP_GAP_MS` then always means the browser was off.
  candidates.push(t + RUN_AT_LEAST_EVERY_MS);
  return Math.max(t + MINUTE, Math.min(...candidates));
}

/** The badge shows "99+" beyond 99: each of its figures is read up to this many, no further. */
export const BADGE_COUNT_CAP = 100;

/** The badge: today's count of the enabled kinds (due and overdue follow-ups, awaiting our reply), each at most `BADGE_COUNT_CAP`. */
export interface BadgeInput {
  /** Open follow-ups due today or earlier. */
  followUpsDue: number;
  /** Contacts waiting longer than the reply target for our answer. */
  awaiting: number;
}

/** A badge figure for its tooltip: "100+" at the cap (there may be more). */
export function badgeFigureText(n: number): string {
  return n >= BADGE_COUNT_CAP ? `${BADGE_COUNT_CAP}+` : String(n);
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
 * The awaiting-reply keys the badge leaves out when they are current: the reminders the user
 * answered from a notification (dismissed, and snoozed until a later time: back when that ends).
 */
export function badgeExclusions(state: ReminderState, now: Date): string[] {
  const t = now.getTime();
  const keys = new Set([...Object.keys(state.dismissed), ...Object.entries(state.snoozed).filter(([, until]) => until > t).map(([key]) => key)]);
  return [...keys].filter((key) => key.startsWith('aw:'));
}

/** What a reminder key names: `fu:<follow-up id>:<due>`, `kit:<contact id>:<day>`, `aw:<contact id>:<their message's UTC day>`. */
export function parseReminderKey(key: string): { kind: ReminderKind; id: string } | undefined {
  // Ids may hold colons (imported data): the day or instant at the end is what is matched.
  const match = /^(fu|kit):(.+):\d{4}-\d{2}-\d{2}$/.exec(key) ?? /^(aw):(.+):\d{4}-\d{2}-\d{2}(T[^:]*:[^:]*:[^:]*)?$/.exec(key);
  if (!match) return undefined;
  const kind: ReminderKind = match[1] === 'fu' ? 'followup' : match[1] === 'kit' ? 'keep-in-touch' : 'awaiting';
  return { kind, id: match[2]! };
}

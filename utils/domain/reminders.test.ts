import { describe, expect, it } from 'vitest';
import { addDays } from './cadence';
import {
  CATCH_UP_GAP_MS,
  RE_READ_DAYS,
  DEFAULT_REMINDER_SETTINGS,
  addWorkingDays,
  badgeExclusions,
  badgeCounts,
  badgeText,
  dayBound,
  dismissReminders,
  followUpDueAt,
  keysAnnouncedAt,
  mayNotifyAt,
  nextAllowed,
  parseReminderKey,
  planRun,
  readReminderSettings,
  readReminderState,
  replyBound,
  replyDueAt,
  runSpans,
  snoozeReminders,
  tomorrowAt,
  type ReminderItem,
  type ReminderSettings,
  type ReminderState,
  type RunPlan,
} from './reminders';
import { AWAITING_WINDOW_DAYS } from './workspace-figures';

/* Fixed local clocks: 2026-11-30 is a Monday, 2026-12-05 a Saturday. */
const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute);
const settings = (over: Partial<ReminderSettings> = {}): ReminderSettings => ({ ...DEFAULT_REMINDER_SETTINGS, ...over });
const empty: ReminderState = readReminderState(undefined);

const followUp = (id: string, day: number, contactId = `ct_${id}`): ReminderItem => ({
  key: `fu:${id}:2026-11-${day}`,
  kind: 'followup',
  contactId,
  contactName: `Name ${id}`,
  dueAt: followUpDueAt(`2026-11-${String(day).padStart(2, '0')}`, DEFAULT_REMINDER_SETTINGS).getTime(),
  followUpId: id,
  what: 'Call back',
});

describe('reminder settings', () => {
  it('defaults to 09:00, quiet 20:00–08:00, weekends off, one working day', () => {
    expect(readReminderSettings(undefined)).toEqual({
      followUps: true,
      keepInTouch: true,
      awaitingReply: true,
      timeOfDay: '09:00',
      quietHours: true,
      quietFrom: '20:00',
      quietTo: '08:00',
      weekendsOff: true,
      replyTargetDays: 1,
    });
  });

  it('keeps the readable fields of a damaged record', () => {
    const read = readReminderSettings({ timeOfDay: '25:99', keepInTouch: false, replyTargetDays: 'x' });
    expect(read.timeOfDay).toBe('09:00');
    expect(read.keepInTouch).toBe(false);
    expect(read.replyTargetDays).toBe(1);
  });
});

describe('quiet hours and weekends', () => {
  it('never notifies in quiet hours, across midnight', () => {
    const s = settings();
    expect(mayNotifyAt(at(30, 7, 59), s)).toBe(false);
    expect(mayNotifyAt(at(30, 8, 0), s)).toBe(true);
    expect(mayNotifyAt(at(30, 19, 59), s)).toBe(true);
    expect(mayNotifyAt(at(30, 20, 0), s)).toBe(false);
    expect(mayNotifyAt(at(30, 23, 30), s)).toBe(false);
    expect(nextAllowed(at(30, 21, 0), s)).toEqual(new Date(2026, 11, 1, 8, 0));
    expect(nextAllowed(at(30, 3, 0), s)).toEqual(at(30, 8, 0));
  });

  it('quiet hours within a day, and none when switched off', () => {
    const s = settings({ quietFrom: '12:00', quietTo: '13:00' });
    expect(mayNotifyAt(at(30, 12, 30), s)).toBe(false);
    expect(mayNotifyAt(at(30, 21, 0), s)).toBe(true);
    expect(mayNotifyAt(at(30, 21, 0), settings({ quietHours: false }))).toBe(true);
  });

  it('holds weekend reminders until Monday morning, unless weekends are on', () => {
    const saturdayNoon = new Date(2026, 11, 5, 12, 0);
    expect(mayNotifyAt(saturdayNoon, settings())).toBe(false);
    expect(nextAllowed(saturdayNoon, settings())).toEqual(new Date(2026, 11, 7, 8, 0));
    // Friday evening in quiet hours: Saturday and Sunday are off too.
    expect(nextAllowed(new Date(2026, 11, 4, 21, 0), settings())).toEqual(new Date(2026, 11, 7, 8, 0));
    expect(mayNotifyAt(saturdayNoon, settings({ weekendsOff: false }))).toBe(true);
  });

  it('counts the reply target in working days', () => {
    // Friday 15:00 + 1 working day = Monday 15:00.
    expect(addWorkingDays(new Date(2026, 11, 4, 15, 0), 1)).toEqual(new Date(2026, 11, 7, 15, 0));
    expect(addWorkingDays(at(30, 10, 0), 2)).toEqual(new Date(2026, 11, 2, 10, 0));
    expect(replyDueAt(new Date(2026, 11, 4, 15, 0).toISOString(), settings({ replyTargetDays: 3 }))).toEqual(new Date(2026, 11, 9, 15, 0));
  });
});

/** Follows the alarm from `start` (each run at the `nextRunAt` the previous one asked for) until something is shown. */
function firstNotice(start: Date, s: ReminderSettings, items: ReminderItem[], state: ReminderState = empty) {
  let now = start;
  let current = state;
  for (let step = 0; step < 200; step++) {
    const plan = planRun({ now, settings: s, state: current, items, startup: false });
    if (plan.notices.length > 0) return { at: now, notices: plan.notices };
    current = plan.state;
    now = new Date(plan.nextRunAt);
  }
  return undefined;
}

describe('planRun', () => {
  it('announces a follow-up at the time of day, once', () => {
    const items = [followUp('a', 30)];
    expect(firstNotice(at(30, 8, 30), settings(), items)?.at).toEqual(at(30, 9, 0));
    const early = planRun({ now: at(30, 8, 30), settings: settings(), state: empty, items, startup: false });
    expect(early.notices).toEqual([]);
    expect(early.nextRunAt).toBe(at(30, 9, 0).getTime());

    const due = planRun({ now: at(30, 9, 0), settings: settings(), state: early.state, items, startup: false });
    expect(due.notices).toEqual([{ type: 'single', item: items[0] }]);
    const again = planRun({ now: at(30, 9, 5), settings: settings(), state: due.state, items, startup: false });
    expect(again.notices).toEqual([]);
    expect(Object.keys(again.state.fired)).toEqual([items[0]!.key]);
  });

  it('holds a reminder in quiet hours and announces it when they end', () => {
    const items = [followUp('a', 30)];
    const s = settings({ timeOfDay: '21:00' });
    const item = { ...items[0]!, dueAt: followUpDueAt('2026-11-30', s).getTime() };
    const evening = planRun({ now: at(30, 21, 0), settings: s, state: empty, items: [item], startup: false });
    expect(evening.notices).toEqual([]);
    expect(evening.state.fired).toEqual({});
    // The alarm wakes at midnight (the badge's day) and then when the quiet hours end.
    expect(firstNotice(at(30, 21, 0), s, [item])).toEqual({ at: new Date(2026, 11, 1, 8, 0), notices: [{ type: 'single', item }] });
  });

  it('says nothing on a weekend when weekends are off', () => {
    const saturday = { ...followUp('a', 30), key: 'fu:a:2026-12-05', dueAt: followUpDueAt('2026-12-05', settings()).getTime() };
    const run = planRun({ now: new Date(2026, 11, 5, 10, 0), settings: settings(), state: empty, items: [saturday], startup: false });
    expect(run.notices).toEqual([]);
    expect(firstNotice(new Date(2026, 11, 5, 10, 0), settings(), [saturday])?.at).toEqual(new Date(2026, 11, 7, 8, 0));
    const weekendsOn = planRun({ now: new Date(2026, 11, 5, 10, 0), settings: settings({ weekendsOff: false }), state: empty, items: [saturday], startup: false });
    expect(weekendsOn.notices).toHaveLength(1);
  });

  it('after the browser was closed, the missed ones come as one summary', () => {
    const items = [followUp('a', 27), followUp('b', 28), followUp('c', 29), followUp('d', 30)];
    const state: ReminderState = { ...empty, lastRunAt: at(26, 18, 0).getTime() };
    const run = planRun({ now: at(30, 10, 0), settings: settings(), state, items, startup: true });
    expect(run.notices).toEqual([{ type: 'summary', catchUp: true, counts: { followup: 4, 'keep-in-touch': 0, awaiting: 0 } }]);
    expect(Object.keys(run.state.fired).sort()).toEqual(items.map((i) => i.key).sort());
    // A long gap without a startup event (the computer slept) is a catch-up too, even for one item.
    const slept = planRun({ now: at(30, 10, 0), settings: settings(), state: { ...empty, lastRunAt: at(30, 10, 0).getTime() - CATCH_UP_GAP_MS - 1 }, items: [items[3]!], startup: false });
    expect(slept.notices).toEqual([{ type: 'summary', catchUp: true, counts: { followup: 1, 'keep-in-touch': 0, awaiting: 0 }, contactId: 'ct_d' }]);
  });

  it('a catch-up in quiet hours is announced as missed when they end', () => {
    const items = [followUp('a', 28), followUp('b', 29)];
    const night = planRun({ now: at(30, 6, 0), settings: settings(), state: { ...empty, lastRunAt: at(27, 18, 0).getTime() }, items, startup: true });
    expect(night.notices).toEqual([]);
    expect(night.state.catchUpPending).toBe(true);
    const morning = planRun({ now: at(30, 8, 0), settings: settings(), state: night.state, items, startup: false });
    expect(morning.notices).toEqual([{ type: 'summary', catchUp: true, counts: { followup: 2, 'keep-in-touch': 0, awaiting: 0 } }]);
    expect(morning.state.catchUpPending).toBe(false);
  });

  it('never bursts: more than three new reminders in one run come as one summary', () => {
    const items = ['a', 'b', 'c', 'd', 'e'].map((id) => followUp(id, 30));
    const run = planRun({ now: at(30, 9, 0), settings: settings(), state: { ...empty, lastRunAt: at(30, 8, 55).getTime() }, items, startup: false });
    expect(run.notices).toEqual([{ type: 'summary', catchUp: false, counts: { followup: 5, 'keep-in-touch': 0, awaiting: 0 } }]);
    const three = planRun({ now: at(30, 9, 0), settings: settings(), state: empty, items: items.slice(0, 3), startup: false });
    expect(three.notices.map((n) => n.type)).toEqual(['single', 'single', 'single']);
  });

  it('announces only the kinds that are switched on; all off, nothing', () => {
    const kit: ReminderItem = { key: 'kit:ct_k:2026-11-30', kind: 'keep-in-touch', contactId: 'ct_k', contactName: 'K', dueAt: at(30, 9, 0).getTime() };
    const aw: ReminderItem = { key: 'aw:ix_1', kind: 'awaiting', contactId: 'ct_w', contactName: 'W', dueAt: at(30, 7, 0).getTime() };
    const items = [followUp('a', 30), kit, aw];
    const some = planRun({ now: at(30, 9, 0), settings: settings({ followUps: false }), state: empty, items, startup: false });
    expect(some.notices.map((n) => (n.type === 'single' ? n.item.kind : n.type))).toEqual(['awaiting', 'keep-in-touch']);
    const off = settings({ followUps: false, keepInTouch: false, awaitingReply: false });
    expect(planRun({ now: at(30, 9, 0), settings: off, state: empty, items, startup: true }).notices).toEqual([]);
  });

  it('forgets announced keys once no run reads them again, and a snoozed follow-up is a new reminder', () => {
    const items = [followUp('a', 30)];
    const first = planRun({ now: at(30, 9, 0), settings: settings(), state: empty, items, startup: false });
    // Done meanwhile: still remembered while a run may read its day again (RE_READ_DAYS)…
    const done = planRun({ now: at(30, 9, 30), settings: settings(), state: first.state, items: [], startup: false });
    expect(Object.keys(done.state.fired)).toEqual([items[0]!.key]);
    // …and forgotten when that day is behind every later run's span.
    const week = planRun({ now: new Date(2026, 11, 7, 9, 0), settings: settings(), state: done.state, items: [], startup: false });
    expect(week.state.fired).toEqual({});
    const snoozed = { ...items[0]!, key: 'fu:a:2026-12-01', dueAt: followUpDueAt('2026-12-01', settings()).getTime() };
    const before = planRun({ now: at(30, 10, 0), settings: settings(), state: first.state, items: [snoozed], startup: false });
    expect(before.notices).toEqual([]);
    expect(firstNotice(at(30, 10, 0), settings(), [snoozed], before.state)).toEqual({ at: new Date(2026, 11, 1, 9, 0), notices: [{ type: 'single', item: snoozed }] });
  });

  it('wakes at least hourly, at midnight and at the time of day', () => {
    expect(planRun({ now: at(30, 22, 0), settings: settings(), state: empty, items: [], startup: false }).nextRunAt).toBe(at(30, 23, 0).getTime());
    expect(planRun({ now: at(30, 23, 30), settings: settings(), state: empty, items: [], startup: false }).nextRunAt).toBe(new Date(2026, 11, 1, 0, 0).getTime());
    expect(planRun({ now: at(30, 8, 40), settings: settings(), state: empty, items: [], startup: false }).nextRunAt).toBe(at(30, 9, 0).getTime());
  });
});

describe('badge', () => {
  it('counts due follow-ups and waiting replies of the enabled kinds', () => {
    expect(badgeText(badgeCounts(settings(), { followUpsDue: 2, awaiting: 1 }))).toBe('3');
    expect(badgeText(badgeCounts(settings({ awaitingReply: false }), { followUpsDue: 2, awaiting: 1 }))).toBe('2');
    expect(badgeText(badgeCounts(settings({ followUps: false, awaitingReply: false, keepInTouch: false }), { followUpsDue: 2, awaiting: 1 }))).toBe('');
    expect(badgeText({ followUpsDue: 0, awaiting: 0 })).toBe('');
    expect(badgeText({ followUpsDue: 120, awaiting: 0 })).toBe('99+');
  });
});

describe('"Done" and "Tomorrow" on a notification', () => {
  const awaiting = (contactId: string, since: string): ReminderItem => ({
    key: `aw:${contactId}:${since}`,
    kind: 'awaiting',
    contactId,
    dueAt: replyDueAt(since, DEFAULT_REMINDER_SETTINGS).getTime(),
  });
  const cadence = (contactId: string, day: string): ReminderItem => ({
    key: `kit:${contactId}:${day}`,
    kind: 'keep-in-touch',
    contactId,
    dueAt: followUpDueAt(day, DEFAULT_REMINDER_SETTINGS).getTime(),
  });
  // Friday 27 Nov, 10:00: their message is due for an answer on Monday 30 at 10:00.
  const anke = awaiting('ct_anke', at(27, 10).toISOString());
  const bert = cadence('ct_bert', '2026-11-30');

  it('"Tomorrow" brings a keep-in-touch or awaiting reminder back tomorrow at the time of day, not before', () => {
    const monday = planRun({ now: at(30, 10, 5), settings: settings(), state: empty, items: [anke, bert], startup: false });
    expect(monday.notices).toHaveLength(2);
    expect(tomorrowAt(at(30, 10, 6), settings())).toBe(new Date(2026, 11, 1, 9).getTime());
    expect(tomorrowAt(at(30, 10, 6), settings({ timeOfDay: '07:30' }))).toBe(new Date(2026, 11, 1, 7, 30).getTime());
    const snoozed = snoozeReminders(monday.state, [anke.key, bert.key], tomorrowAt(at(30, 10, 6), settings()));
    // Monday afternoon: quiet about both; the badge no longer counts Anke today.
    const later = planRun({ now: at(30, 15), settings: settings(), state: snoozed, items: [anke, bert], startup: false });
    expect(later.notices).toEqual([]);
    expect(badgeExclusions(snoozed, at(30, 15))).toEqual([anke.key]);
    expect(later.nextRunAt).toBeLessThanOrEqual(new Date(2026, 11, 1, 9).getTime());
    // Tuesday 09:00 (the browser ran all night: no catch-up): both again, once.
    const awake = (state: ReminderState, now: Date) => ({ ...state, lastRunAt: now.getTime() - 60_000 });
    const tuesday = planRun({ now: new Date(2026, 11, 1, 9), settings: settings(), state: awake(later.state, new Date(2026, 11, 1, 9)), items: [anke, bert], startup: false });
    expect(tuesday.notices.map((n) => (n.type === 'single' ? n.item.key : 'summary'))).toEqual([anke.key, bert.key]);
    expect(tuesday.state.snoozed).toEqual({});
    expect(badgeExclusions(tuesday.state, new Date(2026, 11, 1, 9))).toEqual([]);
    expect(planRun({ now: new Date(2026, 11, 1, 9, 30), settings: settings(), state: tuesday.state, items: [anke, bert], startup: false }).notices).toEqual([]);
  });

  it('"Tomorrow" on a Friday waits for Monday when weekends are off', () => {
    const friday = at(27, 11);
    const snoozed = snoozeReminders(empty, [bert.key], tomorrowAt(friday, settings()));
    const early = { ...bert, dueAt: at(27, 9).getTime() };
    expect(planRun({ now: at(28, 9), settings: settings(), state: snoozed, items: [early], startup: false }).notices).toEqual([]);
    expect(planRun({ now: at(30, 9), settings: settings(), state: snoozed, items: [early], startup: false }).notices).toHaveLength(1);
  });

  it('"Done" ends an awaiting reminder for that message: no notification, not in the badge; a newer message is a new one', () => {
    const shown = planRun({ now: at(30, 10, 5), settings: settings(), state: empty, items: [anke], startup: false });
    const done = dismissReminders(shown.state, [anke.key], at(30, 10, 6));
    expect(badgeExclusions(done, at(30, 11))).toEqual([anke.key]);
    const a = planRun({ now: new Date(2026, 11, 1, 9), settings: settings(), state: { ...done, fired: {} }, items: [anke], startup: false });
    expect(a.notices).toEqual([]);
    expect(a.state.dismissed).toEqual({ [anke.key]: at(30, 10, 6).getTime() });
    const newer = awaiting('ct_anke', at(30, 12).toISOString());
    const b = planRun({ now: new Date(2026, 11, 1, 13), settings: settings(), state: { ...a.state, lastRunAt: new Date(2026, 11, 1, 12, 59).getTime() }, items: [newer], startup: false });
    expect(b.notices).toEqual([{ type: 'single', item: newer }]);
    // The old message's "Done" is kept until it leaves the awaiting window, then forgotten.
    expect(Object.keys(b.state.dismissed)).toEqual([anke.key]);
    expect(planRun({ now: new Date(2027, 0, 30, 9), settings: settings(), state: b.state, items: [], startup: false }).state.dismissed).toEqual({});
  });

  it('a summary\'s "Tomorrow" finds the reminders it announced by the run that announced them', () => {
    const items = [followUp('f1', 30), followUp('f2', 30), anke, bert];
    const run = planRun({ now: at(30, 10, 5), settings: settings(), state: empty, items, startup: false });
    expect(run.notices).toHaveLength(1);
    expect(run.notices[0]!.type).toBe('summary');
    const later = planRun({ now: at(30, 11), settings: settings(), state: run.state, items: [...items, cadence('ct_carla', '2026-11-30')], startup: false });
    expect(keysAnnouncedAt(later.state, at(30, 10, 5).getTime()).sort()).toEqual(items.map((i) => i.key).sort());
  });

  it('reads the kind and id back from a key, ids with colons included', () => {
    expect(parseReminderKey('fu:fu_1:2026-11-30')).toEqual({ kind: 'followup', id: 'fu_1' });
    expect(parseReminderKey('kit:ct:imported:7:2026-11-30')).toEqual({ kind: 'keep-in-touch', id: 'ct:imported:7' });
    expect(parseReminderKey('aw:ct_a:2026-11-27T09:00:00.000Z')).toEqual({ kind: 'awaiting', id: 'ct_a' });
    expect(parseReminderKey('aw:ct:x:2026-11-27T09:00:00.000Z')).toEqual({ kind: 'awaiting', id: 'ct:x' });
    expect(parseReminderKey('nonsense')).toBeUndefined();
  });
});

/*
 * The incremental run: what a run reads is `runSpans` of the state the previous run left. A
 * stored reminder is placed by its due day (follow-ups, cadences) or its message's instant
 * (awaiting); `readSpans` is the pure counterpart of the indexed reads (utils/db/repos/reminders.ts).
 */
describe('incremental runs', () => {
  interface Stored {
    item: ReminderItem;
    on: string;
  }
  const stored = (id: string, day: string): Stored => ({
    item: { key: `fu:${id}:${day}`, kind: 'followup', contactId: `ct_${id}`, dueAt: followUpDueAt(day, DEFAULT_REMINDER_SETTINGS).getTime(), followUpId: id },
    on: day,
  });
  const message = (contactId: string, since: Date, s = settings()): Stored => ({
    item: { key: `aw:${contactId}:${since.toISOString().slice(0, 10)}`, kind: 'awaiting', contactId, dueAt: replyDueAt(since.toISOString(), s).getTime() },
    on: since.toISOString(),
  });
  const readSpans = (now: Date, s: ReminderSettings, state: ReminderState, notebook: readonly Stored[]) => {
    const spans = runSpans(now, s, state);
    return notebook
      .filter(({ item, on }) => {
        const span = spans[item.kind];
        return span !== undefined && (span.from === undefined || on >= span.from) && on <= span.to;
      })
      .map(({ item }) => item);
  };
  /** Follows the alarm from `start` to `end`, each run at the time the previous one asked for; every key announced, with how often. */
  const follow = (start: Date, end: Date, s: ReminderSettings, notebook: (now: Date) => readonly Stored[], state: ReminderState = empty) => {
    const announced = new Map<string, number>();
    const runs: { at: Date; notices: RunPlan['notices'] }[] = [];
    let now = start;
    let current = state;
    while (now.getTime() <= end.getTime()) {
      const plan = planRun({ now, settings: s, state: current, items: readSpans(now, s, current, notebook(now)), startup: false });
      for (const key of plan.announced) announced.set(key, (announced.get(key) ?? 0) + 1);
      if (plan.notices.length > 0) runs.push({ at: now, notices: plan.notices });
      current = plan.state;
      now = new Date(plan.nextRunAt);
    }
    return { announced, runs, state: current };
  };

  it('reads from where the previous run got, less RE_READ_DAYS; everything current on the first run', () => {
    const s = settings();
    expect(runSpans(at(30, 10), s, empty)).toEqual({
      followup: { to: '2026-11-30' },
      'keep-in-touch': { from: '2026-11-16', to: '2026-11-30' },
      awaiting: { from: new Date(at(30, 10).getTime() - AWAITING_WINDOW_DAYS * 86_400_000).toISOString(), to: at(27, 10).toISOString() },
    });
    const after = planRun({ now: at(30, 10), settings: s, state: empty, items: [], startup: false }).state;
    expect(after.through).toEqual({ followup: '2026-11-30', 'keep-in-touch': '2026-11-30', awaiting: at(27, 10).toISOString() });
    const next = runSpans(new Date(2026, 11, 1, 8), s, after);
    expect(next.followup).toEqual({ from: '2026-11-28', to: '2026-11-30' });
    expect(next['keep-in-touch']).toEqual({ from: '2026-11-28', to: '2026-11-30' });
    expect(next.awaiting).toEqual({ from: at(25, 10).toISOString(), to: new Date(2026, 10, 30, 8).toISOString() });
    // Before the time of day the day before is the last one due.
    expect(dayBound(at(30, 8, 59), s)).toBe('2026-11-29');
    expect(dayBound(at(30, 9), s)).toBe('2026-11-30');
  });

  it('the reply bound is the latest message instant past the reply target, weekends skipped', () => {
    for (const target of [1, 2, 5, 30]) {
      const s = settings({ replyTargetDays: target });
      for (const now of [at(30, 10), new Date(2026, 11, 5, 12), new Date(2026, 11, 7, 0, 30)]) {
        const bound = replyBound(now, s);
        expect(replyDueAt(new Date(bound).toISOString(), s).getTime(), `${target} ${now.toISOString()}`).toBeLessThanOrEqual(now.getTime());
        expect(replyDueAt(new Date(bound + 1).toISOString(), s).getTime()).toBeGreaterThan(now.getTime());
      }
    }
    // Monday 10:00, one working day: Friday 10:00.
    expect(replyBound(at(30, 10), settings())).toBe(at(27, 10).getTime());
  });

  it('announces each reminder once across a fortnight of runs, and forgets them after', () => {
    const notebook = [stored('a', '2026-11-20'), stored('b', '2026-11-30'), stored('c', '2026-12-01'), stored('d', '2026-12-02'), stored('e', '2026-12-09')];
    const messages = [message('ct_w', at(30, 11)), message('ct_x', new Date(2026, 11, 3, 16))];
    const s = settings({ weekendsOff: false, quietHours: false });
    const { announced, state } = follow(at(30, 8), new Date(2026, 11, 14, 12), s, () => [...notebook, ...messages]);
    expect([...announced.entries()].sort()).toEqual([...notebook, ...messages].map(({ item }) => [item.key, 1]).sort());
    // Only what a run may read again is remembered: nothing after a quiet week.
    expect(state.fired).toEqual({});
  });

  it('after a gap, the summary counts what fell due meanwhile, not what was announced before', () => {
    const notebook = [stored('old', '2026-11-27'), stored('mon', '2026-11-30'), stored('tue', '2026-12-01'), stored('wed', '2026-12-02'), stored('thu', '2026-12-03')];
    const s = settings();
    const monday = planRun({ now: at(30, 10), settings: s, state: empty, items: readSpans(at(30, 10), s, empty, notebook), startup: false });
    expect(monday.announced.sort()).toEqual(['fu:mon:2026-11-30', 'fu:old:2026-11-27']);
    // The browser is closed from Monday 10:00 to Thursday 10:00.
    const thursday = new Date(2026, 11, 3, 10);
    const items = readSpans(thursday, s, monday.state, notebook);
    const run = planRun({ now: thursday, settings: s, state: monday.state, items, startup: true });
    expect(run.notices).toEqual([{ type: 'summary', catchUp: true, counts: { followup: 3, 'keep-in-touch': 0, awaiting: 0 } }]);
    expect(run.announced.sort()).toEqual(['fu:thu:2026-12-03', 'fu:tue:2026-12-01', 'fu:wed:2026-12-02']);
    // A gap longer than RE_READ_DAYS: the span starts where Monday's run got to, less RE_READ_DAYS.
    expect(runSpans(thursday, s, monday.state).followup).toEqual({ from: addDays('2026-11-30', -RE_READ_DAYS), to: '2026-12-03' });
  });

  it('holds reminders in quiet hours and at the weekend, and announces them once when allowed', () => {
    const s = settings({ timeOfDay: '21:00' });
    const notebook = [stored('fri', '2026-12-04'), stored('sat', '2026-12-05')];
    const { announced, runs } = follow(new Date(2026, 11, 4, 12), new Date(2026, 11, 8, 12), s, () => notebook);
    // Friday 21:00 is quiet, the weekend is off: both on Monday at 08:00, in one run.
    expect(runs.map((r) => [r.at, r.notices.map((n) => (n.type === 'single' ? n.item.key : 'summary'))])).toEqual([
      [new Date(2026, 11, 7, 8), ['fu:fri:2026-12-04', 'fu:sat:2026-12-05']],
    ]);
    expect([...announced.values()]).toEqual([1, 1]);
    // A held run does not move on: the next one reads the same span again.
    const friday = planRun({ now: new Date(2026, 11, 4, 21), settings: s, state: empty, items: readSpans(new Date(2026, 11, 4, 21), s, empty, notebook), startup: false });
    expect(friday.notices).toEqual([]);
    expect(friday.state.through).toEqual({});
  });

  it('a reminder entered late is announced within RE_READ_DAYS; an older one is left to the badge', () => {
    const s = settings();
    const first = planRun({ now: at(30, 10), settings: s, state: empty, items: [], startup: false });
    // Entered at 11:00: one due yesterday, one due last week.
    const notebook = [stored('late', '2026-11-29'), stored('stale', '2026-11-20')];
    const run = planRun({ now: at(30, 11), settings: s, state: first.state, items: readSpans(at(30, 11), s, first.state, notebook), startup: false });
    expect(run.announced).toEqual(['fu:late:2026-11-29']);
  });

  it('settings: a kind switched back on is read in full once; a shorter reply target announces what it newly passes, a longer one nothing twice', () => {
    const notebook = [stored('a', '2026-11-20'), stored('b', '2026-11-25')];
    const s = settings();
    const first = planRun({ now: at(30, 10), settings: s, state: empty, items: readSpans(at(30, 10), s, empty, notebook), startup: false });
    expect(first.announced.sort()).toEqual(['fu:a:2026-11-20', 'fu:b:2026-11-25']);
    const off = settings({ followUps: false });
    const without = planRun({ now: at(30, 11), settings: off, state: first.state, items: readSpans(at(30, 11), off, first.state, notebook), startup: false });
    expect(without.state.through.followup).toBeUndefined();
    expect(runSpans(at(30, 12), s, without.state).followup).toEqual({ to: '2026-11-30' });
    const back = planRun({ now: at(30, 12), settings: s, state: without.state, items: readSpans(at(30, 12), s, without.state, notebook), startup: false });
    expect(back.announced.sort()).toEqual(['fu:a:2026-11-20', 'fu:b:2026-11-25']);
    expect(planRun({ now: at(30, 13), settings: s, state: back.state, items: readSpans(at(30, 13), s, back.state, notebook), startup: false }).notices).toEqual([]);

    // Reply target: three working days, then one.
    const three = settings({ replyTargetDays: 3 });
    const one = settings({ replyTargetDays: 1 });
    const waiting = (target: ReminderSettings) => [message('ct_p', at(24, 9), target), message('ct_q', at(26, 15), target)];
    const t3 = planRun({ now: at(30, 10), settings: three, state: empty, items: readSpans(at(30, 10), three, empty, waiting(three)), startup: false });
    expect(t3.announced).toEqual(['aw:ct_p:' + at(24, 9).toISOString().slice(0, 10)]);
    const t1 = planRun({ now: at(30, 10, 5), settings: one, state: t3.state, items: readSpans(at(30, 10, 5), one, t3.state, waiting(one)), startup: false });
    expect(t1.announced).toEqual(['aw:ct_q:' + at(26, 15).toISOString().slice(0, 10)]);
    // Back to three: nothing is announced again, and the span never goes backwards.
    const again = planRun({ now: at(30, 10, 10), settings: three, state: t1.state, items: readSpans(at(30, 10, 10), three, t1.state, waiting(three)), startup: false });
    expect(again.notices).toEqual([]);
    expect(again.state.through.awaiting).toBe(t1.state.through.awaiting);
  });
});

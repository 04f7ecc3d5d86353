import { describe, expect, it } from 'vitest';
import {
  CATCH_UP_GAP_MS,
  DEFAULT_REMINDER_SETTINGS,
  addWorkingDays,
  awaitingForBadge,
  badgeCounts,
  badgeText,
  dismissReminders,
  followUpDueAt,
  keysAnnouncedAt,
  mayNotifyAt,
  nextAllowed,
  parseReminderKey,
  planRun,
  readReminderSettings,
  readReminderState,
  replyDueAt,
  snoozeReminders,
  tomorrowAt,
  type ReminderItem,
  type ReminderSettings,
  type ReminderState,
} from './reminders';

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

  it('forgets keys that are no longer current, and a snoozed follow-up is a new reminder', () => {
    const items = [followUp('a', 30)];
    const first = planRun({ now: at(30, 9, 0), settings: settings(), state: empty, items, startup: false });
    const done = planRun({ now: at(30, 9, 30), settings: settings(), state: first.state, items: [], startup: false });
    expect(done.state.fired).toEqual({});
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
    expect(awaitingForBadge([anke, bert], snoozed, at(30, 15))).toBe(0);
    expect(later.nextRunAt).toBeLessThanOrEqual(new Date(2026, 11, 1, 9).getTime());
    // Tuesday 09:00 (the browser ran all night: no catch-up): both again, once.
    const awake = (state: ReminderState, now: Date) => ({ ...state, lastRunAt: now.getTime() - 60_000 });
    const tuesday = planRun({ now: new Date(2026, 11, 1, 9), settings: settings(), state: awake(later.state, new Date(2026, 11, 1, 9)), items: [anke, bert], startup: false });
    expect(tuesday.notices.map((n) => (n.type === 'single' ? n.item.key : 'summary'))).toEqual([anke.key, bert.key]);
    expect(tuesday.state.snoozed).toEqual({});
    expect(awaitingForBadge([anke], tuesday.state, new Date(2026, 11, 1, 9))).toBe(1);
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
    expect(awaitingForBadge([anke], done, at(30, 11))).toBe(0);
    const a = planRun({ now: new Date(2026, 11, 1, 9), settings: settings(), state: { ...done, fired: {} }, items: [anke], startup: false });
    expect(a.notices).toEqual([]);
    expect(a.state.dismissed).toEqual({ [anke.key]: at(30, 10, 6).getTime() });
    const newer = awaiting('ct_anke', at(30, 12).toISOString());
    const b = planRun({ now: new Date(2026, 11, 1, 13), settings: settings(), state: { ...a.state, lastRunAt: new Date(2026, 11, 1, 12, 59).getTime() }, items: [newer], startup: false });
    expect(b.notices).toEqual([{ type: 'single', item: newer }]);
    // The old message's key is no longer current: forgotten.
    expect(b.state.dismissed).toEqual({});
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

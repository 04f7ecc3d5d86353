import { describe, expect, it } from 'vitest';
import { addDays, addMonths, awaitingReply, keepInTouchDue, lastRealInteraction, quickPickDue, quickPickDueAt } from './cadence';
import { interaction } from './test-factories';

const NOW = new Date(2026, 10, 25, 12, 0); // 25 Nov 2026, 12:00 local
const localAt = (month: number, day: number, hour = 12) => new Date(2026, month - 1, day, hour).toISOString();
const hoursAgo = (hours: number, minutes = 0) => new Date(NOW.getTime() - hours * 3_600_000 - minutes * 60_000).toISOString();

describe('day arithmetic', () => {
  it('adds days across month and year ends', () => {
    expect(addDays('2026-11-25', 3)).toBe('2026-11-28');
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
  it('adds days across a DST change without losing a day', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 7)).toBe('2026-10-31');
  });
  it('adds months, clamped to the month end', () => {
    expect(addMonths('2026-11-25', 1)).toBe('2026-12-25');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
  });
  it('gives quick pick days from today', () => {
    expect(quickPickDue('3d', NOW)).toBe('2026-11-28');
    expect(quickPickDue('1w', NOW)).toBe('2026-12-02');
    expect(quickPickDue('1m', NOW)).toBe('2026-12-25');
    expect(quickPickDue('today', NOW)).toBe('2026-11-25');
    expect(quickPickDueAt('today', NOW)).toBeUndefined();
  });
  it('gives "in 2 hours" as an instant, on the next day late in the evening', () => {
    const afternoon = new Date(2026, 10, 25, 15, 30);
    expect(quickPickDueAt('2h', afternoon)).toBe(new Date(2026, 10, 25, 17, 30).toISOString());
    expect(quickPickDue('2h', afternoon)).toBe('2026-11-25');
    const late = new Date(2026, 10, 25, 23, 15);
    expect(quickPickDue('2h', late)).toBe('2026-11-26');
    expect(quickPickDueAt('2h', late)).toBe(new Date(2026, 10, 26, 1, 15).toISOString());
  });
});

describe('keep in touch', () => {
  const monthly = { keepInTouchDays: 30 };

  it('is due when the last real touchpoint is the cadence or more days ago', () => {
    const timeline = [interaction({ occurredAt: localAt(10, 20), kind: 'call', channel: 'phone' })];
    expect(keepInTouchDue(monthly, timeline, NOW)).toEqual({
      due: true,
      lastRealAt: localAt(10, 20),
      dueOn: '2026-11-19',
      dueSince: '2026-11-19',
    });
  });
  it('becomes due on the day exactly the cadence after, not the day before', () => {
    const timeline = [interaction({ occurredAt: localAt(10, 26, 18) })];
    expect(keepInTouchDue(monthly, timeline, NOW)).toMatchObject({ due: true, dueSince: '2026-11-25' });
    const dayLater = [interaction({ occurredAt: localAt(10, 27, 8) })];
    expect(keepInTouchDue(monthly, dayLater, NOW)).toEqual({ due: false, lastRealAt: localAt(10, 27, 8), dueOn: '2026-11-26' });
  });
  it('is reset by logging a call (derived from the timeline)', () => {
    const old = interaction({ occurredAt: localAt(9, 1) });
    expect(keepInTouchDue(monthly, [old], NOW).due).toBe(true);
    const call = interaction({ occurredAt: localAt(11, 24), kind: 'call', channel: 'phone' });
    expect(keepInTouchDue(monthly, [call, old], NOW)).toEqual({ due: false, lastRealAt: localAt(11, 24), dueOn: '2026-12-24' });
  });
  it('counts inbound messages and meetings, not notes or saved pages', () => {
    const old = interaction({ occurredAt: localAt(9, 1) });
    const note = interaction({ occurredAt: localAt(11, 24), kind: 'note', channel: 'other', direction: 'internal' });
    const page = interaction({ occurredAt: localAt(11, 24), kind: 'page', channel: 'web' });
    expect(keepInTouchDue(monthly, [note, page, old], NOW)).toMatchObject({ due: true, lastRealAt: localAt(9, 1) });
    const inbound = interaction({ occurredAt: localAt(11, 20), kind: 'message', channel: 'linkedin', direction: 'inbound' });
    expect(keepInTouchDue(monthly, [inbound, old], NOW).due).toBe(false);
    const meeting = interaction({ occurredAt: localAt(11, 20), kind: 'meeting', channel: 'in-person' });
    expect(keepInTouchDue(monthly, [meeting, old], NOW).due).toBe(false);
  });
  it('is never due without a cadence, but still reports the last touchpoint', () => {
    const timeline = [interaction({ occurredAt: localAt(1, 1) })];
    expect(keepInTouchDue({}, timeline, NOW)).toEqual({ due: false, lastRealAt: localAt(1, 1) });
    expect(keepInTouchDue({}, [], NOW)).toEqual({ due: false });
  });
  it('is due with a cadence and no real touchpoint yet', () => {
    expect(keepInTouchDue(monthly, [], NOW)).toEqual({ due: true });
    expect(keepInTouchDue(monthly, [interaction({ occurredAt: localAt(11, 24), kind: 'note' })], NOW)).toEqual({ due: true });
  });
  it('picks the latest real touchpoint in any order', () => {
    const a = interaction({ occurredAt: localAt(11, 1) });
    const b = interaction({ occurredAt: localAt(11, 10) });
    expect(lastRealInteraction([a, b])).toBe(b);
    expect(lastRealInteraction([b, a])).toBe(b);
  });
});

describe('awaiting your reply', () => {
  it('holds when their message is the last one and older than a day', () => {
    const theirs = interaction({ occurredAt: hoursAgo(25), direction: 'inbound' });
    const ours = interaction({ occurredAt: hoursAgo(48), direction: 'outbound' });
    expect(awaitingReply([ours, theirs], NOW)).toBe(true);
    expect(awaitingReply([interaction({ occurredAt: hoursAgo(30), kind: 'message', channel: 'linkedin', direction: 'inbound' })], NOW)).toBe(true);
  });
  it('does not hold within the first day (boundary: exactly 24 h is not older than a day)', () => {
    expect(awaitingReply([interaction({ occurredAt: hoursAgo(24), direction: 'inbound' })], NOW)).toBe(false);
    expect(awaitingReply([interaction({ occurredAt: hoursAgo(24, 1), direction: 'inbound' })], NOW)).toBe(true);
    expect(awaitingReply([interaction({ occurredAt: hoursAgo(2), direction: 'inbound' })], NOW)).toBe(false);
  });
  it('does not hold when we answered last, by message or by phone', () => {
    const theirs = interaction({ occurredAt: hoursAgo(72), direction: 'inbound' });
    expect(awaitingReply([theirs, interaction({ occurredAt: hoursAgo(48) })], NOW)).toBe(false);
    expect(awaitingReply([theirs, interaction({ occurredAt: hoursAgo(48), kind: 'call', channel: 'phone' })], NOW)).toBe(false);
  });
  it('ignores notes, saved pages and internal entries after their message', () => {
    const theirs = interaction({ occurredAt: hoursAgo(72), direction: 'inbound' });
    const note = interaction({ occurredAt: hoursAgo(10), kind: 'note', channel: 'other' });
    const internal = interaction({ occurredAt: hoursAgo(10), kind: 'meeting', direction: 'internal', channel: 'in-person' });
    expect(awaitingReply([theirs, note, internal], NOW)).toBe(true);
  });
  it('does not hold for an inbound call or an empty conversation', () => {
    expect(awaitingReply([interaction({ occurredAt: hoursAgo(72), kind: 'call', channel: 'phone', direction: 'inbound' })], NOW)).toBe(false);
    expect(awaitingReply([], NOW)).toBe(false);
  });
});

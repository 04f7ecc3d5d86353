import { describe, expect, it } from 'vitest';
import { bySlowestReply, median, responsiveness, waitingForUs } from './responsiveness';
import { interaction } from './test-factories';

const at = (day: number, hour: number) => new Date(Date.UTC(2026, 10, day, hour)).toISOString();
const thread = (id: string) => ({ site: 'gmail' as const, threadId: id });

describe('responsiveness', () => {
  it('measures our and their reply times per thread, from the first unanswered message, as medians', () => {
    const r = responsiveness([
      interaction({ occurredAt: at(1, 8), direction: 'inbound', source: thread('a') }),
      interaction({ occurredAt: at(1, 9), direction: 'inbound', source: thread('a') }),
      interaction({ occurredAt: at(1, 12), direction: 'outbound', source: thread('a') }), // ours: 4 h
      interaction({ occurredAt: at(2, 12), direction: 'inbound', source: thread('a') }), // theirs: 24 h
      interaction({ occurredAt: at(3, 12), direction: 'inbound', source: thread('b') }),
      interaction({ occurredAt: at(5, 12), direction: 'outbound', source: thread('b') }), // ours: 48 h
      interaction({ occurredAt: at(5, 13), direction: 'outbound', source: thread('c') }),
      interaction({ occurredAt: at(5, 14), kind: 'note', direction: 'internal', source: thread('c') }),
      interaction({ occurredAt: at(5, 15), kind: 'call', direction: 'inbound', source: thread('c') }),
    ]);
    expect(r).toEqual({ oursMinutes: 26 * 60, theirsMinutes: 24 * 60, ourReplies: 2, theirReplies: 1 });
  });
  it('treats messages without a thread id as one conversation per channel', () => {
    const r = responsiveness([
      interaction({ occurredAt: at(1, 8), kind: 'message', channel: 'linkedin', direction: 'outbound' }),
      interaction({ occurredAt: at(1, 10), kind: 'message', channel: 'linkedin', direction: 'inbound' }),
    ]);
    expect(r).toMatchObject({ oursMinutes: undefined, theirsMinutes: 120 });
  });
  it('takes the median and sorts the slowest of us first', () => {
    expect(median([])).toBeUndefined();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([1, 2, 3, 10])).toBe(2.5);
    const fast = { oursMinutes: 10, theirsMinutes: 5, ourReplies: 1, theirReplies: 1 };
    const slow = { oursMinutes: 5000, theirsMinutes: 5, ourReplies: 1, theirReplies: 1 };
    const never = { oursMinutes: undefined, theirsMinutes: 50, ourReplies: 0, theirReplies: 1 };
    expect([fast, never, slow].sort(bySlowestReply)).toEqual([slow, fast, never]);
  });
});

describe('waiting for us', () => {
  const now = new Date(Date.UTC(2026, 10, 10, 12));
  it('counts from their last message when they wrote last', () => {
    const timeline = [
      interaction({ occurredAt: at(8, 9), direction: 'outbound' }),
      interaction({ occurredAt: at(9, 12), direction: 'inbound', kind: 'message', channel: 'linkedin' }),
      interaction({ occurredAt: at(10, 11), kind: 'note', direction: 'internal' }),
    ];
    expect(waitingForUs(timeline, now)).toEqual({ since: at(9, 12), minutes: 24 * 60 });
  });
  it('is nothing once we answered, called or met them, or when the last word was a call from them', () => {
    expect(waitingForUs([interaction({ occurredAt: at(9, 12), direction: 'inbound' }), interaction({ occurredAt: at(9, 13), direction: 'outbound' })], now)).toBeUndefined();
    expect(waitingForUs([interaction({ occurredAt: at(9, 12), direction: 'inbound' }), interaction({ occurredAt: at(9, 14), kind: 'call', channel: 'phone', direction: 'outbound' })], now)).toBeUndefined();
    expect(waitingForUs([interaction({ occurredAt: at(9, 14), kind: 'call', channel: 'phone', direction: 'inbound' })], now)).toBeUndefined();
    expect(waitingForUs([], now)).toBeUndefined();
  });
  it('medians count automatically logged mail like saved mail, in both directions', () => {
    const r = responsiveness([
      interaction({ occurredAt: at(1, 8), direction: 'inbound', auto: true, source: thread('x') }),
      interaction({ occurredAt: at(1, 9), direction: 'outbound', auto: true, source: thread('x') }), // ours 1 h
      interaction({ occurredAt: at(1, 12), direction: 'inbound', auto: true, source: thread('x') }), // theirs 3 h
      interaction({ occurredAt: at(2, 12), direction: 'outbound', source: thread('x') }), // ours 24 h
      interaction({ occurredAt: at(2, 13), direction: 'inbound', source: thread('x') }), // theirs 1 h
      interaction({ occurredAt: at(3, 13), direction: 'outbound', source: thread('x') }), // ours 24 h
    ]);
    expect(r).toEqual({ oursMinutes: 24 * 60, theirsMinutes: 2 * 60, ourReplies: 3, theirReplies: 2 });
  });
});

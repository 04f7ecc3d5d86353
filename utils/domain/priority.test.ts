import { describe, expect, it } from 'vitest';
import { priorityOf, revenuePoints, silencePoints } from './priority';
import { contact } from './test-factories';

const now = new Date('2026-11-30T12:00:00.000Z');

describe('priority score', () => {
  it('adds tier, revenue, loyalty, silence and overdue follow-ups, largest reason first', () => {
    const p = priorityOf(
      contact({ value: { tier: 'A', yearlyRevenue: { amount: 1_000_000, currency: 'EUR' }, loyalty: 'advocate' }, lastInteractionAt: '2025-11-30T12:00:00.000Z' }),
      1,
      now,
    );
    // 40 (A) + 23 (1 M: log10(1000) * 7.5 = 22.5) + 15 (advocate) + 10 (365 days / 36) + 15 (one overdue)
    expect(p.reasons.map((r) => [r.kind, r.points])).toEqual([
      ['tier', 40],
      ['revenue', 23],
      ['loyalty', 15],
      ['overdue', 15],
      ['silence', 10],
    ]);
    expect(p.score).toBe(103);
  });
  it('scores a never-contacted contact with a fixed silence and nothing else', () => {
    expect(priorityOf(contact(), 0, now)).toEqual({ score: 10, reasons: [{ kind: 'silence', days: undefined, points: 10 }] });
  });
  it('caps revenue, silence and overdue points', () => {
    expect(revenuePoints(999)).toBe(0);
    expect(revenuePoints(10_000)).toBe(8);
    expect(revenuePoints(1e12)).toBe(30);
    expect(silencePoints(0)).toBe(0);
    expect(silencePoints(10_000)).toBe(20);
    expect(priorityOf(contact(), 5, now).reasons[0]).toEqual({ kind: 'overdue', count: 5, points: 30 });
  });
  it('a longer silence ranks higher, other things equal', () => {
    const recent = priorityOf(contact({ lastInteractionAt: '2026-11-01T00:00:00.000Z' }), 0, now);
    const old = priorityOf(contact({ lastInteractionAt: '2025-01-01T00:00:00.000Z' }), 0, now);
    expect(old.score).toBeGreaterThan(recent.score);
  });
});

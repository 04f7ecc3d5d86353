import { describe, expect, it } from 'vitest';
import { overdueWorthReading, priorityOf, revenuePoints, silencePoints } from './priority';
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

describe('contacts with overdue follow-ups worth reading for the list', () => {
  const ago = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
  it('scores from the stored keys with silence and overdue points, keeps ties at the cut and rows without keys', () => {
    const rows = [
      ['w', { prioBase: 18, lastKey: ago(1) }], // 18 + 0 + 30 = 48
      ['x', { prioBase: 4, lastKey: '' }], // 4 + 10 (never) + 30 = 44
      ['y', { prioBase: 10, lastKey: ago(2) }], // 10 + 0 + 30 = 40
      ['z', { prioBase: 0, lastKey: ago(800) }], // 0 + 20 + 15 = 35
      ['t', { prioBase: 5, lastKey: ago(1) }], // 5 + 0 + 30 = 35
      ['u', { prioBase: 0, lastKey: ago(10) }], // 0 + 0 + 15 = 15
    ] as const;
    const overdue = new Map([['w', 2], ['x', 2], ['y', 3], ['z', 1], ['t', 2], ['u', 1], ['gone', 1]]);
    expect(overdueWorthReading(rows, overdue, 2, now)).toEqual(['w', 'x']);
    expect(overdueWorthReading(rows, overdue, 4, now)).toEqual(['w', 'x', 'y', 'z', 't']);
    expect(overdueWorthReading([...rows, ['gone', undefined]], overdue, 1, now)).toEqual(['gone', 'w']);
    expect(overdueWorthReading(rows, overdue, 10, now)).toHaveLength(6);
    // The same scores as the list's own.
    expect(priorityOf(contact({ value: { tier: 'C' }, lastInteractionAt: ago(2) }), 3, now).score).toBe(40);
  });
});

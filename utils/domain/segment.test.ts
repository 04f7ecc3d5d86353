import { describe, expect, it } from 'vitest';
import { ContactSchema, type Contact } from './contact';
import { byPriority, inSegment } from './segment';

const c = (id: string, extra: Record<string, unknown>): Contact =>
  ContactSchema.parse({ id, displayName: id, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', ...extra });

describe('segments and priority', () => {
  const a = c('a', { value: { tier: 'A', yearlyRevenue: { amount: 100, currency: 'EUR' } }, tags: ['Messe'], industry: 'Holzbau' });
  const a2 = c('a2', { value: { tier: 'A', yearlyRevenue: { amount: 900, currency: 'EUR' } } });
  const b = c('b', { value: { tier: 'B', loyalty: 'advocate' }, lastInteractionAt: '2024-01-01T00:00:00.000Z' });
  const none = c('none', { lastInteractionAt: '2020-01-01T00:00:00.000Z' });
  it('filters by tag (case and accents aside), tier, loyalty and industry', () => {
    expect(inSegment(a, { tag: 'messe' })).toBe(true);
    expect(inSegment(a, { tag: 'messe', tier: 'B' })).toBe(false);
    expect(inSegment(b, { loyalty: 'advocate' })).toBe(true);
    expect(inSegment(a, { industry: 'holzbau' })).toBe(true);
    expect(inSegment(none, {})).toBe(true);
  });
  it('orders by tier, then revenue, then longest silence', () => {
    expect([none, b, a, a2].sort(byPriority).map((x) => x.id)).toEqual(['a2', 'a', 'b', 'none']);
  });
});

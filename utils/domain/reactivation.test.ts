import { describe, expect, it } from 'vitest';
import type { ContactId } from './common';
import { isQuiet, outreachBlock, reactivationCutoff, reactivationList } from './reactivation';
import { contact, preferences } from './test-factories';

const now = new Date(2026, 10, 30, 12);

describe('reactivation', () => {
  it('cuts off N months before today', () => {
    expect(reactivationCutoff(now, 12)).toBe(new Date(2025, 10, 30).toISOString());
    expect(reactivationCutoff(now, 24)).toBe(new Date(2024, 10, 30).toISOString());
  });
  it('counts only contacts whose last real touchpoint is before the cutoff (never contacted is not quiet)', () => {
    const cutoff = reactivationCutoff(now, 12);
    expect(isQuiet(contact({ lastInteractionAt: new Date(2025, 10, 29).toISOString() }), cutoff)).toBe(true);
    expect(isQuiet(contact({ lastInteractionAt: new Date(2025, 11, 1).toISOString() }), cutoff)).toBe(false);
    expect(isQuiet(contact(), cutoff)).toBe(false);
  });
  it('ranks by value and leaves out contact bans, quiet periods and left-alone, counted by reason', () => {
    const old = new Date(2024, 0, 1).toISOString();
    const c = (id: string, patch: Parameters<typeof contact>[0]) => contact({ id: id as ContactId, lastInteractionAt: old, ...patch });
    const list = reactivationList(
      [
        c('small', { value: { tier: 'C' } }),
        c('big', { value: { tier: 'A', yearlyRevenue: { amount: 1, currency: 'EUR' } } }),
        c('bigger', { value: { tier: 'A', yearlyRevenue: { amount: 9, currency: 'EUR' } } }),
        c('banned', { value: { tier: 'A' }, preferences: preferences({ doNotContact: { reason: 'Rechtsstreit' } }) }),
        c('resting', { preferences: preferences({ quietUntil: '2026-12-31' }) }),
        c('rested', { preferences: preferences({ quietUntil: '2026-11-29' }) }),
        c('alone', { preferences: preferences({ wants: 'left-alone' }) }),
        c('recent', { lastInteractionAt: new Date(2026, 9, 1).toISOString() }),
      ],
      now,
      12,
    );
    expect(list.rows.map((r) => r.id)).toEqual(['bigger', 'big', 'small', 'rested']);
    expect(list.leftOut).toEqual({ 'do-not-contact': 1, quiet: 1, 'left-alone': 1 });
    expect(outreachBlock(contact({ preferences: preferences({ quietUntil: '2026-11-30' }) }), now)).toBe('quiet');
  });
});

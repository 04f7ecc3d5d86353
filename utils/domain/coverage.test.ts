import { describe, expect, it } from 'vitest';
import { cadenceDays, coverageOf, suggestCoverage } from './coverage';
import { contact } from './test-factories';

describe('coverage model (Betreuungsform)', () => {
  it('suggests key account, field sales, inside sales or digital only from value', () => {
    expect(suggestCoverage({ tier: 'A' })).toBe('key-account');
    expect(suggestCoverage({ yearlyRevenue: { amount: 300_000, currency: 'EUR' } })).toBe('key-account');
    expect(suggestCoverage({ tier: 'B' })).toBe('field-sales');
    expect(suggestCoverage({ yearlyRevenue: { amount: 60_000, currency: 'EUR' } })).toBe('field-sales');
    expect(suggestCoverage({ tier: 'C' })).toBe('inside-sales');
    expect(suggestCoverage({ yearlyRevenue: { amount: 5_000, currency: 'EUR' } })).toBe('inside-sales');
    expect(suggestCoverage({ loyalty: 'advocate' })).toBe('inside-sales');
    expect(suggestCoverage({ yearlyRevenue: { amount: 4_999, currency: 'EUR' } })).toBe('digital-only');
    expect(suggestCoverage({})).toBe('digital-only');
  });
  it('a chosen coverage overrules the suggestion and sets the default cadence', () => {
    const c = contact({ value: { tier: 'A', coverage: 'inside-sales' } });
    expect(coverageOf(c)).toEqual({ coverage: 'inside-sales', suggested: false });
    expect(coverageOf(contact({ value: { tier: 'A' } }))).toEqual({ coverage: 'key-account', suggested: true });
    expect(cadenceDays(c)).toBe(90);
    expect(cadenceDays(contact({ value: { coverage: 'key-account' } }))).toBe(30);
    expect(cadenceDays(contact({ value: { coverage: 'key-account' }, keepInTouchDays: 14 }))).toBe(14);
    expect(cadenceDays(contact({ value: { tier: 'A' } }))).toBeUndefined();
  });
});

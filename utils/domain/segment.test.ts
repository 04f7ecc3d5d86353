import { describe, expect, it } from 'vitest';
import { ContactSchema, type Contact } from './contact';
import { byPriority, consentFilter, exportBlock, inSegment } from './segment';
import { preferences } from './test-factories';

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
  it('combines stage, owner, preferred channel, newsletter consent, open follow-up and silence', () => {
    const x = c('x', {
      pipeline: { pipelineId: 'sales', stage: 'proposal' },
      owner: 'Jana',
      preferences: { channels: ['phone'], topics: [], newsletterConsent: { granted: true } },
      lastInteractionAt: '2025-01-01T00:00:00.000Z',
    });
    const now = new Date('2026-11-30T12:00:00.000Z');
    const ctx = { now, withOpenFollowUp: new Set(['x']) };
    expect(inSegment(x, { stage: 'sales::proposal', owner: 'jana', channel: 'phone', newsletter: 'yes', openFollowUp: true, silentMonths: 12 }, ctx)).toBe(true);
    expect(inSegment(x, { stage: 'sales::won' }, ctx)).toBe(false);
    expect(inSegment(x, { channel: 'email' }, ctx)).toBe(false);
    expect(inSegment(x, { newsletter: 'no' }, ctx)).toBe(false);
    expect(inSegment(x, { openFollowUp: false }, ctx)).toBe(false);
    expect(inSegment(x, { silentMonths: 24 }, ctx)).toBe(false);
    expect(inSegment(a, { newsletter: 'no', silentMonths: 1 }, ctx)).toBe(true);
  });
  it('orders by tier, then revenue, then longest silence', () => {
    expect([none, b, a, a2].sort(byPriority).map((x) => x.id)).toEqual(['a2', 'a', 'b', 'none']);
  });
  it('an export leaves out contact bans and left-alone always, missing newsletter consent for a newsletter, and counts them', () => {
    const banned = c('banned', { preferences: preferences({ doNotContact: { reason: '' } }) });
    const alone = c('alone', { preferences: preferences({ wants: 'left-alone' }) });
    const consented = c('consented', { preferences: preferences({ newsletterConsent: { granted: true } }) });
    const refused = c('refused', { preferences: preferences({ newsletterConsent: { granted: false } }) });
    const all = [banned, alone, consented, refused, a];
    expect(exportBlock(refused, 'list')).toBeUndefined();
    expect(consentFilter(all, 'list')).toEqual({ included: [consented, refused, a], leftOut: { 'do-not-contact': 1, 'left-alone': 1, 'no-newsletter-consent': 0 } });
    expect(consentFilter(all, 'newsletter')).toEqual({ included: [consented], leftOut: { 'do-not-contact': 1, 'left-alone': 1, 'no-newsletter-consent': 2 } });
  });
});

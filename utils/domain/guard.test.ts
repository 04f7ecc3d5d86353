import { describe, expect, it } from 'vitest';
import { addressHint, guardWarnings, hasAddressHint, outboundCount, type GuardInput } from './guard';
import type { Interaction } from './interaction';
import { interaction, preferences } from './test-factories';

// Local wall-clock times, so the rules' calendar days hold in every time zone.
const NOW = new Date(2026, 10, 25, 12, 0); // 25 Nov 2026, 12:00 local
const daysAgo = (days: number, minutes = 0) =>
  new Date(NOW.getTime() - days * 86_400_000 - minutes * 60_000).toISOString();

function reasons(input: Partial<GuardInput>): string[] {
  return guardWarnings({ preferences: preferences(), recentInteractions: [], now: NOW, ...input }).map((w) => w.reason);
}

describe('guard: do-not-contact', () => {
  it('fires with the reason text when set', () => {
    const warnings = guardWarnings({
      preferences: preferences({ doNotContact: { reason: '  Asked by legal  ' } }),
      recentInteractions: [],
      now: NOW,
    });
    expect(warnings).toEqual([{ reason: 'do-not-contact', text: 'Asked by legal' }]);
  });
  it('fires with an empty reason too', () => {
    expect(reasons({ preferences: preferences({ doNotContact: { reason: '' } }) })).toEqual(['do-not-contact']);
  });
  it('does not fire when not set', () => {
    expect(reasons({})).toEqual([]);
  });
});

describe('guard: quiet until', () => {
  it('fires for a day in the future, with the day', () => {
    const warnings = guardWarnings({ preferences: preferences({ quietUntil: '2026-12-01' }), recentInteractions: [], now: NOW });
    expect(warnings).toEqual([{ reason: 'quiet', until: '2026-12-01' }]);
  });
  it('fires when quiet until today (the day itself is quiet)', () => {
    expect(reasons({ preferences: preferences({ quietUntil: '2026-11-25' }) })).toEqual(['quiet']);
    // Also late in the evening of that day.
    expect(reasons({ preferences: preferences({ quietUntil: '2026-11-25' }), now: new Date(2026, 10, 25, 23, 59) })).toEqual([
      'quiet',
    ]);
  });
  it('does not fire when quiet until yesterday', () => {
    expect(reasons({ preferences: preferences({ quietUntil: '2026-11-24' }) })).toEqual([]);
    // Just after midnight the previous day's quiet time is over.
    expect(reasons({ preferences: preferences({ quietUntil: '2026-11-24' }), now: new Date(2026, 10, 25, 0, 1) })).toEqual([]);
  });
  it('does not fire without a quiet day', () => {
    expect(reasons({ preferences: preferences({ wants: 'informed' }) })).toEqual([]);
  });
});

describe('guard: left alone', () => {
  it('fires when the contact wants to be left alone', () => {
    expect(reasons({ preferences: preferences({ wants: 'left-alone' }) })).toEqual(['left-alone']);
  });
  it('does not fire for informed, relevant-only or unknown', () => {
    expect(reasons({ preferences: preferences({ wants: 'informed' }) })).toEqual([]);
    expect(reasons({ preferences: preferences({ wants: 'relevant-only' }) })).toEqual([]);
    expect(reasons({ preferences: preferences() })).toEqual([]);
  });
});

describe('guard: frequency', () => {
  const twoPerWeek = preferences({ maxFrequency: { count: 2, days: 7 } });

  it('fires when outbound touchpoints in the window reach the maximum, with count and days', () => {
    const recent = [interaction({ occurredAt: daysAgo(1) }), interaction({ occurredAt: daysAgo(3), kind: 'call', channel: 'phone' })];
    expect(guardWarnings({ preferences: twoPerWeek, recentInteractions: recent, now: NOW })).toEqual([
      { reason: 'frequency', count: 2, max: 2, days: 7 },
    ]);
  });
  it('counts emails, messages, calls and meetings on any channel', () => {
    const recent = (['email', 'message', 'call', 'meeting'] as const).map((kind) =>
      interaction({ occurredAt: daysAgo(1), kind, channel: kind === 'message' ? 'linkedin' : 'email' }),
    );
    expect(outboundCount(recent, 7, NOW)).toBe(4);
  });
  it('does not fire below the maximum', () => {
    expect(reasons({ preferences: twoPerWeek, recentInteractions: [interaction({ occurredAt: daysAgo(1) })] })).toEqual([]);
  });
  it('ignores inbound and internal touchpoints, notes and saved pages', () => {
    const recent: Interaction[] = [
      interaction({ occurredAt: daysAgo(1), direction: 'inbound' }),
      interaction({ occurredAt: daysAgo(1), direction: 'internal', kind: 'meeting', channel: 'in-person' }),
      interaction({ occurredAt: daysAgo(1), kind: 'note', channel: 'other' }),
      interaction({ occurredAt: daysAgo(1), kind: 'page', channel: 'web' }),
      interaction({ occurredAt: daysAgo(2) }),
    ];
    expect(outboundCount(recent, 7, NOW)).toBe(1);
    expect(reasons({ preferences: twoPerWeek, recentInteractions: recent })).toEqual([]);
  });
  it('counts a touchpoint exactly D days ago, not one a minute older', () => {
    const edge = [interaction({ occurredAt: daysAgo(0, 5) }), interaction({ occurredAt: daysAgo(7) })];
    expect(reasons({ preferences: twoPerWeek, recentInteractions: edge })).toEqual(['frequency']);
    const outside = [interaction({ occurredAt: daysAgo(0, 5) }), interaction({ occurredAt: daysAgo(7, 1) })];
    expect(reasons({ preferences: twoPerWeek, recentInteractions: outside })).toEqual([]);
  });
  it('does not fire without a maximum, however often they were contacted', () => {
    const many = Array.from({ length: 10 }, (_, i) => interaction({ occurredAt: daysAgo(i / 10) }));
    expect(reasons({ recentInteractions: many })).toEqual([]);
  });
  it('handles once per quarter', () => {
    const quarterly = preferences({ maxFrequency: { count: 1, days: 90 } });
    expect(reasons({ preferences: quarterly, recentInteractions: [interaction({ occurredAt: daysAgo(89) })] })).toEqual(['frequency']);
    expect(reasons({ preferences: quarterly, recentInteractions: [interaction({ occurredAt: daysAgo(91) })] })).toEqual([]);
  });
  it('compares instants written with an offset as times', () => {
    // The same instant one hour before NOW, written as +02:00 wall-clock time.
    const utc = new Date(NOW.getTime() - 3_600_000);
    const shifted = new Date(utc.getTime() + 2 * 3_600_000).toISOString().replace('Z', '+02:00');
    expect(Date.parse(shifted)).toBe(utc.getTime());
    expect(outboundCount([interaction({ occurredAt: shifted })], 1, NOW)).toBe(1);
    // Just outside the window, with an offset whose string sorts after the window start.
    const early = new Date(NOW.getTime() - 86_400_000 - 60_000);
    const earlyShifted = new Date(early.getTime() + 10 * 3_600_000).toISOString().replace('Z', '+10:00');
    expect(outboundCount([interaction({ occurredAt: earlyShifted })], 1, NOW)).toBe(0);
  });
});

describe('guard: channel', () => {
  const emailOnly = preferences({ channels: ['email'] });

  it('fires when the channel on screen is not among the preferred ones', () => {
    expect(guardWarnings({ preferences: emailOnly, recentInteractions: [], channel: 'linkedin', now: NOW })).toEqual([
      { reason: 'channel', channel: 'linkedin', preferred: ['email'] },
    ]);
  });
  it('does not fire on a preferred channel', () => {
    expect(reasons({ preferences: preferences({ channels: ['phone', 'email'] }), channel: 'email' })).toEqual([]);
  });
  it('does not fire without preferred channels or without a channel on screen', () => {
    expect(reasons({ preferences: preferences({ channels: [] }), channel: 'linkedin' })).toEqual([]);
    expect(reasons({ preferences: emailOnly })).toEqual([]);
  });
});

describe('guard: order and combination', () => {
  it('lists every reason that holds, most severe first', () => {
    const prefs = preferences({
      channels: ['phone'],
      maxFrequency: { count: 1, days: 30 },
      wants: 'left-alone',
      quietUntil: '2027-01-10',
      doNotContact: { reason: 'Complaint pending' },
    });
    const recent = [interaction({ occurredAt: daysAgo(2) })];
    expect(reasons({ preferences: prefs, recentInteractions: recent, channel: 'email' })).toEqual([
      'do-not-contact',
      'quiet',
      'left-alone',
      'frequency',
      'channel',
    ]);
  });
  it('is silent for an empty preference set', () => {
    expect(reasons({ recentInteractions: [interaction({ occurredAt: daysAgo(1) })], channel: 'linkedin' })).toEqual([]);
  });
});

describe('address hint', () => {
  it('returns address form, language and salutation when known', () => {
    expect(
      addressHint(preferences({ address: 'formal', language: 'de', salutation: ' Sehr geehrte Frau Dr. Weiß ' })),
    ).toEqual({ address: 'formal', language: 'de', salutation: 'Sehr geehrte Frau Dr. Weiß' });
  });
  it('leaves out what is unknown', () => {
    expect(addressHint(preferences({ address: 'informal' }))).toEqual({ address: 'informal' });
    expect(addressHint(preferences())).toEqual({});
    expect(hasAddressHint(addressHint(preferences()))).toBe(false);
    expect(hasAddressHint({ language: 'en' })).toBe(true);
  });
});

import { preferences } from '../../utils/domain/test-factories';
import { fromDraft, splitTopics, toDraft } from './preferences-form';

describe('preferences form', () => {
  it('round-trips every preference through the form strings', () => {
    const p = preferences({
      wants: 'relevant-only',
      channels: ['email', 'phone'],
      maxFrequency: { count: 2, days: 30 },
      quietUntil: '2026-12-01',
      bestTime: 'Di–Do vormittags',
      language: 'de',
      address: 'formal',
      salutation: 'Sehr geehrte Frau Dr. Weiß',
      topics: ['Wartung', 'Ersatzteile'],
      newsletterConsent: { granted: true, at: '2026-01-02T00:00:00.000Z' },
      doNotContact: { reason: 'Rechtsstreit', since: '2026-01-03T00:00:00.000Z' },
    });
    expect(fromDraft(toDraft(p))).toEqual({ ok: true, preferences: p });
    expect(fromDraft(toDraft(preferences()))).toEqual({ ok: true, preferences: preferences() });
  });
  it('needs both frequency numbers, whole and in range', () => {
    const base = toDraft(preferences());
    for (const [freqCount, freqDays] of [['2', ''], ['', '30'], ['0', '30'], ['2', '4000'], ['1.5', '7'], ['x', '7']]) {
      expect(fromDraft({ ...base, freqCount: freqCount!, freqDays: freqDays! })).toEqual({ ok: false, errors: [{ key: 'pref_err_frequency' }] });
    }
    expect(fromDraft({ ...base, freqCount: ' 3 ', freqDays: '14' })).toMatchObject({ ok: true, preferences: { maxFrequency: { count: 3, days: 14 } } });
  });
  it('refuses a bad day or language code and over-long text, with catalog keys', () => {
    const base = toDraft(preferences());
    expect(fromDraft({ ...base, quietUntil: '2026-13-40' })).toEqual({ ok: false, errors: [{ key: 'pref_err_date' }] });
    expect(fromDraft({ ...base, language: 'deutsch!' })).toEqual({ ok: false, errors: [{ key: 'pref_err_language' }] });
    expect(fromDraft({ ...base, salutation: 'x'.repeat(1001) })).toEqual({
      ok: false,
      errors: [{ key: 'pref_err_tooLong', labels: ['pref_salutation'] }],
    });
  });
  it('keeps do-not-contact with an empty reason, and drops cleared fields', () => {
    const base = toDraft(preferences({ bestTime: 'abends' }));
    const result = fromDraft({ ...base, bestTime: '  ', doNotContact: true, doNotContactReason: '' });
    expect(result).toEqual({ ok: true, preferences: preferences({ doNotContact: { reason: '' } }) });
  });
  it('splits topics on commas and semicolons, once each', () => {
    expect(splitTopics(' Wartung, Service; Wartung ,, ')).toEqual(['Wartung', 'Service']);
  });
});

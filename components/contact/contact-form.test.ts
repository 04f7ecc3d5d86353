import { describe, expect, it } from 'vitest';
import type { ContactId } from '../../utils/domain/common';
import { contact } from '../../utils/domain/test-factories';
import { CONTACT_FORM_FIELDS, fromContactDraft, toContactDraft } from './contact-form';

describe('contact edit form', () => {
  const full = contact({
    displayName: 'Jürgen Weiß',
    givenName: 'Jürgen',
    familyName: 'Weiß',
    emails: ['j.weiss@suedwind.example'],
    phones: ['+49 30 1234'],
    company: 'Südwind AG',
    title: 'Einkauf',
    linkedinUrl: 'https://www.linkedin.com/in/jweiss/',
    industry: 'Pumpen',
    location: 'Kassel',
    tags: ['messe', 'a-kunde'],
    owner: 'Jana',
    about: 'Messe 2024',
    keepInTouchDays: 45,
    value: { tier: 'A', yearlyRevenue: { amount: 120000, currency: 'EUR' }, loyalty: 'repeat-customer', coverage: 'field-sales', referredBy: 'ct_ref' as ContactId },
    pipeline: { pipelineId: 'sales' as never, stage: 'proposal' },
  });

  it('has an input for every editable field and round-trips them', () => {
    const draft = toContactDraft(full, 'Anke');
    expect(Object.keys(draft).sort()).toEqual([...CONTACT_FORM_FIELDS].sort());
    const result = fromContactDraft(draft, full, 'ct_ref' as ContactId);
    expect(result).toEqual({
      ok: true,
      patch: {
        displayName: full.displayName,
        givenName: full.givenName,
        familyName: full.familyName,
        emails: full.emails,
        phones: full.phones,
        company: full.company,
        title: full.title,
        linkedinUrl: full.linkedinUrl,
        industry: full.industry,
        location: full.location,
        tags: full.tags,
        owner: full.owner,
        about: full.about,
        keepInTouchDays: 45,
        value: full.value,
        pipeline: full.pipeline,
      },
    });
  });

  it('reads revenue with German or English separators and clears emptied fields', () => {
    const draft = { ...toContactDraft(full), yearlyRevenue: '1.250.000,50', currency: 'chf', title: '  ', tier: '', coverage: '' };
    const result = fromContactDraft(draft, full, undefined);
    expect(result).toMatchObject({ ok: true, patch: { title: undefined, value: { yearlyRevenue: { amount: 1250000.5, currency: 'CHF' } } } });
    if (result.ok) expect(result.patch.value).toEqual({ yearlyRevenue: { amount: 1250000.5, currency: 'CHF' }, loyalty: 'repeat-customer' });
    expect(fromContactDraft({ ...draft, yearlyRevenue: '120,000' }, full, undefined)).toMatchObject({ ok: true, patch: { value: { yearlyRevenue: { amount: 120000 } } } });
  });

  it('says what is wrong with catalog keys', () => {
    const draft = toContactDraft(full);
    expect(fromContactDraft({ ...draft, displayName: ' ' }, full, undefined)).toEqual({ ok: false, error: 'ct_err_name' });
    expect(fromContactDraft({ ...draft, yearlyRevenue: 'viel' }, full, undefined)).toEqual({ ok: false, error: 'ct_err_revenue' });
    expect(fromContactDraft({ ...draft, currency: 'Euro' }, full, undefined)).toEqual({ ok: false, error: 'ct_err_currency' });
    expect(fromContactDraft({ ...draft, keepInTouchDays: '0' }, full, undefined)).toEqual({ ok: false, error: 'ct_err_cadence' });
    expect(fromContactDraft(draft, full, full.id)).toEqual({ ok: false, error: 'ct_err_selfReferral' });
  });
});

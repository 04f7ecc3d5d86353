import type { ContactPatch } from '../../utils/db/repos/contacts';
import type { PipelineId } from '../../utils/domain/common';
import { CoverageSchema, LoyaltyStageSchema, TierSchema, type Contact } from '../../utils/domain/contact';

/*
 * The contact edit form: every editable field as the string its input holds (`name` = the field
 * name), and back to a patch. Problems are catalog keys, so they are shown in the UI language.
 */

/** The form's inputs by name. */
export const CONTACT_FORM_FIELDS = [
  'displayName',
  'givenName',
  'familyName',
  'emails',
  'phones',
  'company',
  'title',
  'linkedinUrl',
  'industry',
  'location',
  'tags',
  'tier',
  'yearlyRevenue',
  'currency',
  'loyalty',
  'referredBy',
  'coverage',
  'stage',
  'owner',
  'about',
  'keepInTouchDays',
] as const;
export type ContactFormField = (typeof CONTACT_FORM_FIELDS)[number];
export type ContactDraft = Record<ContactFormField, string>;

/** Splits a comma, semicolon or line separated list. */
export const splitList = (value: string): string[] =>
  value
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The draft of a contact; `referredBy` holds the recommender's display name. */
export function toContactDraft(contact: Contact, referrerName = ''): ContactDraft {
  return {
    displayName: contact.displayName,
    givenName: contact.givenName ?? '',
    familyName: contact.familyName ?? '',
    emails: contact.emails.join(', '),
    phones: contact.phones.join(', '),
    company: contact.company ?? '',
    title: contact.title ?? '',
    linkedinUrl: contact.linkedinUrl ?? '',
    industry: contact.industry ?? '',
    location: contact.location ?? '',
    tags: contact.tags.join(', '),
    tier: contact.value.tier ?? '',
    yearlyRevenue: contact.value.yearlyRevenue ? String(contact.value.yearlyRevenue.amount) : '',
    currency: contact.value.yearlyRevenue?.currency ?? 'EUR',
    loyalty: contact.value.loyalty ?? '',
    referredBy: referrerName,
    coverage: contact.value.coverage ?? '',
    stage: contact.pipeline ? `${contact.pipeline.pipelineId}::${contact.pipeline.stage}` : '',
    owner: contact.owner ?? '',
    about: contact.about ?? '',
    keepInTouchDays: contact.keepInTouchDays ? String(contact.keepInTouchDays) : '',
  };
}

export type ContactFormResult = { ok: true; patch: ContactPatch } | { ok: false; error: string };

/**
 * The patch a draft makes. `referredBy` is the id the caller resolved from the typed name (or
 * `undefined` for none). Emails, LinkedIn URL and phones are checked by the contact schema on save.
 */
export function fromContactDraft(draft: ContactDraft, contact: Contact, referredBy: Contact['id'] | undefined): ContactFormResult {
  const text = (field: ContactFormField) => draft[field].trim() || undefined;
  const displayName = text('displayName');
  if (!displayName) return { ok: false, error: 'ct_err_name' };
  let yearlyRevenue: Contact['value']['yearlyRevenue'];
  const amountText = draft.yearlyRevenue.replace(/[\s']/g, '');
  if (amountText) {
    const amount = Number(amountText.replace(/,(\d{1,2})$/, '.$1').replace(/[.,](?=\d{3}(\D|$))/g, ''));
    if (!Number.isFinite(amount) || amount < 0) return { ok: false, error: 'ct_err_revenue' };
    const currency = draft.currency.trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) return { ok: false, error: 'ct_err_currency' };
    yearlyRevenue = { amount, currency };
  }
  let keepInTouchDays: number | undefined;
  if (draft.keepInTouchDays.trim()) {
    keepInTouchDays = Number(draft.keepInTouchDays.trim());
    if (!Number.isInteger(keepInTouchDays) || keepInTouchDays < 1 || keepInTouchDays > 3650) return { ok: false, error: 'ct_err_cadence' };
  }
  const [pipelineId, stage] = draft.stage ? draft.stage.split('::') : [];
  if (referredBy && referredBy === contact.id) return { ok: false, error: 'ct_err_selfReferral' };
  return {
    ok: true,
    patch: {
      displayName,
      givenName: text('givenName'),
      familyName: text('familyName'),
      emails: splitList(draft.emails),
      phones: splitList(draft.phones),
      company: text('company'),
      title: text('title'),
      linkedinUrl: text('linkedinUrl'),
      industry: text('industry'),
      location: text('location'),
      tags: splitList(draft.tags),
      owner: text('owner'),
      about: text('about'),
      keepInTouchDays,
      value: compact({
        tier: TierSchema.safeParse(draft.tier).data,
        yearlyRevenue,
        loyalty: LoyaltyStageSchema.safeParse(draft.loyalty).data,
        coverage: CoverageSchema.safeParse(draft.coverage).data,
        referredBy,
      }),
      pipeline: pipelineId && stage ? { pipelineId: pipelineId as PipelineId, stage } : undefined,
    },
  };
}

/** The object without its undefined values (stored records stay JSON-identical). */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

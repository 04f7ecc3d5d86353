import { DaySchema, MAX_LINE, type Channel } from '../../utils/domain/common';
import {
  PreferencesSchema,
  type AddressForm,
  type Preferences,
  type Wants,
} from '../../utils/domain/preferences';

/*
 * The preferences form as strings (what the inputs hold) and back. Validation speaks in catalog
 * keys, so the messages are in the UI language (zod's own messages are English).
 */

export interface PreferencesDraft {
  wants: '' | Wants;
  channels: Channel[];
  freqCount: string;
  freqDays: string;
  quietUntil: string;
  bestTime: string;
  language: string;
  address: '' | AddressForm;
  salutation: string;
  topics: string;
  newsletter: '' | 'granted' | 'refused';
  newsletterAt: string | undefined;
  doNotContact: boolean;
  doNotContactReason: string;
  doNotContactSince: string | undefined;
}

/** A validation problem: a catalog key and its substitution keys (translated by the caller). */
export interface DraftError {
  key: string;
  /** Catalog keys of field labels to substitute. */
  labels?: string[];
}

export function toDraft(p: Preferences): PreferencesDraft {
  return {
    wants: p.wants ?? '',
    channels: [...p.channels],
    freqCount: p.maxFrequency ? String(p.maxFrequency.count) : '',
    freqDays: p.maxFrequency ? String(p.maxFrequency.days) : '',
    quietUntil: p.quietUntil ?? '',
    bestTime: p.bestTime ?? '',
    language: p.language ?? '',
    address: p.address ?? '',
    salutation: p.salutation ?? '',
    topics: p.topics.join(', '),
    newsletter: p.newsletterConsent ? (p.newsletterConsent.granted ? 'granted' : 'refused') : '',
    newsletterAt: p.newsletterConsent?.at,
    doNotContact: Boolean(p.doNotContact),
    doNotContactReason: p.doNotContact?.reason ?? '',
    doNotContactSince: p.doNotContact?.since,
  };
}

/** Topics from "Wartung, Ersatzteile; Service": split on commas and semicolons, trimmed, once each. */
export function splitTopics(text: string): string[] {
  return [...new Set(text.split(/[,;]/).map((s) => s.trim()).filter(Boolean))];
}

function wholeInRange(text: string, min: number, max: number): number | undefined {
  if (!/^\d+$/.test(text.trim())) return undefined;
  const n = Number(text.trim());
  return n >= min && n <= max ? n : undefined;
}

const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** The preferences a draft describes, or what is wrong with it. */
export function fromDraft(d: PreferencesDraft): { ok: true; preferences: Preferences } | { ok: false; errors: DraftError[] } {
  const errors: DraftError[] = [];
  const p: Preferences = { channels: [...d.channels], topics: splitTopics(d.topics) };
  if (d.wants) p.wants = d.wants;

  const countText = d.freqCount.trim();
  const daysText = d.freqDays.trim();
  if (countText || daysText) {
    const count = wholeInRange(countText, 1, 100);
    const days = wholeInRange(daysText, 1, 3650);
    if (count === undefined || days === undefined) errors.push({ key: 'pref_err_frequency' });
    else p.maxFrequency = { count, days };
  }

  if (d.quietUntil.trim()) {
    if (DaySchema.safeParse(d.quietUntil.trim()).success) p.quietUntil = d.quietUntil.trim();
    else errors.push({ key: 'pref_err_date' });
  }

  if (d.language.trim()) {
    if (LANGUAGE.test(d.language.trim())) p.language = d.language.trim();
    else errors.push({ key: 'pref_err_language' });
  }
  if (d.address) p.address = d.address;

  for (const [field, label] of [
    ['bestTime', 'pref_bestTime'],
    ['salutation', 'pref_salutation'],
  ] as const) {
    const value = d[field].trim();
    if (value.length > MAX_LINE) errors.push({ key: 'pref_err_tooLong', labels: [label] });
    else if (value) p[field] = value;
  }
  if (p.topics.length > 100 || p.topics.some((topic) => topic.length > MAX_LINE)) {
    errors.push({ key: 'pref_err_tooLong', labels: ['pref_topics'] });
  }

  if (d.newsletter) {
    p.newsletterConsent = { granted: d.newsletter === 'granted', ...(d.newsletterAt ? { at: d.newsletterAt } : {}) };
  }
  if (d.doNotContact) {
    const reason = d.doNotContactReason.trim();
    if (reason.length > 1000) errors.push({ key: 'pref_err_tooLong', labels: ['pref_doNotContactReason'] });
    p.doNotContact = { reason: reason.slice(0, 1000), ...(d.doNotContactSince ? { since: d.doNotContactSince } : {}) };
  }

  if (errors.length > 0) return { ok: false, errors };
  // The one schema every write uses has the last word; the checks above give the readable messages.
  const parsed = PreferencesSchema.safeParse(p);
  if (!parsed.success) return { ok: false, errors: [{ key: 'pref_err_invalid' }] };
  return { ok: true, preferences: parsed.data };
}

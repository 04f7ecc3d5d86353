import type { Channel } from './common';
import { localDay } from './followup';
import type { Interaction, InteractionKind } from './interaction';
import type { AddressForm, Preferences } from './preferences';

/*
 * The "don't annoy" guard („ab wann nerve ich den Kunden?“): pure rules over a contact's
 * preferences and timeline. The caller passes `now`, so every rule is testable with fixed dates.
 */

/** Every reason, most severe first (the order warnings are shown in). */
export const GUARD_REASONS = ['do-not-contact', 'quiet', 'left-alone', 'frequency', 'channel'] as const;
export type GuardReason = (typeof GUARD_REASONS)[number];

export type GuardWarning =
  /** Kontaktsperre: never reach out; `text` is the reason given (may be empty). */
  | { reason: 'do-not-contact'; text: string }
  /** Ruhezeit: no outreach up to and including `until` (YYYY-MM-DD). */
  | { reason: 'quiet'; until: string }
  /** The contact wants to be left alone (in Ruhe lassen). */
  | { reason: 'left-alone' }
  /** Zu häufig kontaktiert: `count` outbound touchpoints in the last `days` days, at most `max` wanted. */
  | { reason: 'frequency'; count: number; max: number; days: number }
  /** Anderer Kanal bevorzugt: `channel` is on screen, the contact prefers `preferred`. */
  | { reason: 'channel'; channel: Channel; preferred: Channel[] };

export interface GuardInput {
  preferences: Preferences;
  /** The contact's timeline (any order; only outbound real touchpoints count for frequency). */
  recentInteractions: readonly Interaction[];
  /** The channel on screen: `email` in Gmail or Outlook, `linkedin` on LinkedIn. */
  channel?: Channel | undefined;
  now: Date;
}

/** Kinds that count as reaching out to the person (a note or a saved page is not). */
const OUTREACH_KINDS: ReadonlySet<InteractionKind> = new Set(['email', 'message', 'call', 'meeting']);

const DAY_MS = 86_400_000;

/**
 * Outbound touchpoints within the last `days` days. The window is inclusive: a touchpoint exactly
 * `days` × 24 h ago still counts, one a minute older does not. Planned (future) touchpoints count too.
 */
export function outboundCount(interactions: readonly Interaction[], days: number, now: Date): number {
  const since = now.getTime() - days * DAY_MS;
  return interactions.filter(
    (i) => i.direction === 'outbound' && OUTREACH_KINDS.has(i.kind) && Date.parse(i.occurredAt) >= since,
  ).length;
}

/** The warnings before reaching out to a contact, most severe first; empty when nothing speaks against it. */
export function guardWarnings(input: GuardInput): GuardWarning[] {
  const { preferences: prefs, now } = input;
  const warnings: GuardWarning[] = [];

  if (prefs.doNotContact) warnings.push({ reason: 'do-not-contact', text: prefs.doNotContact.reason.trim() });

  // Quiet "until" a day includes that day: quiet until today still holds today.
  if (prefs.quietUntil && prefs.quietUntil >= localDay(now)) warnings.push({ reason: 'quiet', until: prefs.quietUntil });

  if (prefs.wants === 'left-alone') warnings.push({ reason: 'left-alone' });

  if (prefs.maxFrequency) {
    const { count: max, days } = prefs.maxFrequency;
    const count = outboundCount(input.recentInteractions, days, now);
    // Reaching the maximum already warns: one more contact would exceed it.
    if (count >= max) warnings.push({ reason: 'frequency', count, max, days });
  }

  const preferred = prefs.channels ?? [];
  if (input.channel && preferred.length > 0 && !preferred.includes(input.channel)) {
    warnings.push({ reason: 'channel', channel: input.channel, preferred: [...preferred] });
  }

  return warnings.sort((a, b) => GUARD_REASONS.indexOf(a.reason) - GUARD_REASONS.indexOf(b.reason));
}

/** How to address the contact: shown before writing. Only what is known is set. */
export interface AddressHint {
  address?: AddressForm;
  language?: string;
  salutation?: string;
}

/** Anrede Sie/Du, language and salutation from the preferences. */
export function addressHint(preferences: Preferences): AddressHint {
  const hint: AddressHint = {};
  if (preferences.address) hint.address = preferences.address;
  if (preferences.language) hint.language = preferences.language;
  if (preferences.salutation?.trim()) hint.salutation = preferences.salutation.trim();
  return hint;
}

/** True when the hint has anything to show. */
export function hasAddressHint(hint: AddressHint): boolean {
  return Boolean(hint.address || hint.language || hint.salutation);
}

import { addMonths } from './cadence';
import type { Contact } from './contact';
import { localDay } from './followup';

/*
 * Reaktivierung: customers who went quiet. "Quiet" counts real touchpoints only (the contact's
 * `lastInteractionAt` is set by mail, message, call and meeting, never by a note or a saved page).
 * Whoever asked not to be contacted is left out, and the list says how many and why.
 */

/** Why a quiet customer is not proposed for reactivation. */
export type LeftOutReason = 'do-not-contact' | 'quiet' | 'left-alone';

/** The instant before which the last real touchpoint must lie: `months` months before `now`'s day. */
export function reactivationCutoff(now: Date, months: number): string {
  return new Date(`${addMonths(localDay(now), -months)}T00:00:00`).toISOString();
}

/** Why the contact's preferences forbid reaching out now, or undefined when nothing does. */
export function outreachBlock(contact: Pick<Contact, 'preferences'>, now: Date): LeftOutReason | undefined {
  const prefs = contact.preferences;
  if (prefs.doNotContact) return 'do-not-contact';
  if (prefs.quietUntil && prefs.quietUntil >= localDay(now)) return 'quiet';
  if (prefs.wants === 'left-alone') return 'left-alone';
  return undefined;
}

/** Whether the contact has been without a real touchpoint since before the cutoff (never contacted does not count: nothing to reactivate). */
export function isQuiet(contact: Pick<Contact, 'lastInteractionAt'>, cutoff: string): boolean {
  return Boolean(contact.lastInteractionAt && Date.parse(contact.lastInteractionAt) < Date.parse(cutoff));
}

const TIER_RANK: Record<string, number> = { A: 3, B: 2, C: 1 };

/** The value ranking of the reactivation list: tier, then revenue, then the longest silence (earliest last touchpoint). */
export function byValue(a: Pick<Contact, 'value' | 'lastInteractionAt'>, b: Pick<Contact, 'value' | 'lastInteractionAt'>): number {
  const tier = (TIER_RANK[b.value.tier ?? ''] ?? 0) - (TIER_RANK[a.value.tier ?? ''] ?? 0);
  if (tier) return tier;
  const revenue = (b.value.yearlyRevenue?.amount ?? 0) - (a.value.yearlyRevenue?.amount ?? 0);
  if (revenue) return revenue;
  return instant(a.lastInteractionAt) - instant(b.lastInteractionAt);
}

/** A stored instant in milliseconds (instants may carry an offset, so their text does not sort by time). */
const instant = (at: string | undefined) => (at ? Date.parse(at) || 0 : 0);

export interface Reactivation<C> {
  rows: C[];
  /** Quiet customers left out, by reason. */
  leftOut: Record<LeftOutReason, number>;
}

/** Splits quiet contacts into those to reactivate (ranked by value) and those left out, counted by reason. */
export function reactivationList<C extends Pick<Contact, 'value' | 'lastInteractionAt' | 'preferences'>>(
  contacts: Iterable<C>,
  now: Date,
  months: number,
): Reactivation<C> {
  const cutoff = reactivationCutoff(now, months);
  const rows: C[] = [];
  const leftOut: Record<LeftOutReason, number> = { 'do-not-contact': 0, quiet: 0, 'left-alone': 0 };
  for (const contact of contacts) {
    if (!isQuiet(contact, cutoff)) continue;
    const block = outreachBlock(contact, now);
    if (block) leftOut[block]++;
    else rows.push(contact);
  }
  return { rows: rows.sort(byValue), leftOut };
}

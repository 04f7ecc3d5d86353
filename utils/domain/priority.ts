import type { Contact, LoyaltyStage, Tier } from './contact';
import { foldForSearch } from './normalize';

/*
 * "Priority you can read": a score from tier, yearly revenue, loyalty stage, recency of the last
 * real touchpoint and overdue follow-ups, with each part kept so the UI can say "why first?".
 * Recency uses `lastInteractionAt`, which only real touchpoints set (never a note or a saved page).
 */

const TIER_POINTS: Record<Tier, number> = { A: 40, B: 25, C: 10 };
const LOYALTY_POINTS: Record<LoyaltyStage, number> = {
  advocate: 15,
  'repeat-customer': 12,
  customer: 8,
  prospect: 4,
  former: 6,
};
const DAY_MS = 86_400_000;

/** One reason a contact ranks where it does, with the points it adds. */
export type PriorityReason =
  | { kind: 'tier'; tier: Tier; points: number }
  | { kind: 'revenue'; amount: number; currency: string; points: number }
  | { kind: 'loyalty'; stage: LoyaltyStage; points: number }
  /** Days since the last real touchpoint; `undefined` days: never contacted. */
  | { kind: 'silence'; days: number | undefined; points: number }
  | { kind: 'overdue'; count: number; points: number };

export interface Priority {
  score: number;
  /** Largest contribution first. */
  reasons: PriorityReason[];
}

/** Revenue points: logarithmic, 0 below 1 000, 30 at 10 million. */
export function revenuePoints(amount: number): number {
  if (amount < 1000) return 0;
  return Math.min(30, Math.round(Math.log10(amount / 1000) * 7.5));
}

/** Silence points: grows with the months since the last real touchpoint, capped at 20 (two years). */
export function silencePoints(days: number | undefined): number {
  if (days === undefined) return 10;
  return Math.min(SILENCE_MAX_POINTS, Math.floor(days / SILENCE_DAYS_PER_POINT));
}

/**
 * The part of the score that does not depend on the day: tier, revenue and loyalty points. The
 * workspace stores it with each contact (an index), so the list by priority reads the best first.
 */
export function basePoints(value: Contact['value']): number {
  const { tier, yearlyRevenue, loyalty } = value;
  return (tier ? TIER_POINTS[tier] : 0) + (yearlyRevenue ? revenuePoints(yearlyRevenue.amount) : 0) + (loyalty ? LOYALTY_POINTS[loyalty] : 0);
}

/** Most points silence adds (two years or more without a real touchpoint). */
export const SILENCE_MAX_POINTS = 20;
/** Days of silence per silence point. */
export const SILENCE_DAYS_PER_POINT = 36;

/** Overdue points: 15 per overdue follow-up, at most 30. */
export function overduePoints(count: number): number {
  return Math.min(30, 15 * count);
}

/** Silence points at `now` for a last real touchpoint at `lastAt` (undefined: never contacted). */
export function silenceAt(lastAt: string | undefined, now: Date): number {
  return silencePoints(lastAt ? Math.max(0, Math.floor((now.getTime() - Date.parse(lastAt)) / DAY_MS)) : undefined);
}

/** The priority of a contact at `now`, given how many of its follow-ups are overdue. */
export function priorityOf(contact: Pick<Contact, 'value' | 'lastInteractionAt'>, overdueFollowUps: number, now: Date): Priority {
  const reasons: PriorityReason[] = [];
  const { tier, yearlyRevenue, loyalty } = contact.value;
  if (tier) reasons.push({ kind: 'tier', tier, points: TIER_POINTS[tier] });
  if (yearlyRevenue) reasons.push({ kind: 'revenue', amount: yearlyRevenue.amount, currency: yearlyRevenue.currency, points: revenuePoints(yearlyRevenue.amount) });
  if (loyalty) reasons.push({ kind: 'loyalty', stage: loyalty, points: LOYALTY_POINTS[loyalty] });
  const days = contact.lastInteractionAt ? Math.max(0, Math.floor((now.getTime() - Date.parse(contact.lastInteractionAt)) / DAY_MS)) : undefined;
  reasons.push({ kind: 'silence', days, points: silencePoints(days) });
  if (overdueFollowUps > 0) reasons.push({ kind: 'overdue', count: overdueFollowUps, points: overduePoints(overdueFollowUps) });
  const kept = reasons.filter((r) => r.points > 0).sort((a, b) => b.points - a.points);
  return { score: kept.reduce((sum, r) => sum + r.points, 0), reasons: kept };
}

/** Highest score first, then name: the order of the workspace's contact list. */
export function byScore(a: { contact: Pick<Contact, 'displayName'>; priority: Priority }, b: { contact: Pick<Contact, 'displayName'>; priority: Priority }): number {
  return b.priority.score - a.priority.score || foldForSearch(a.contact.displayName).localeCompare(foldForSearch(b.contact.displayName));
}

/** What the contact list knows of a contact without reading it: its priority base and last real touchpoint (`''`: never). */
export interface StoredPriorityKeys {
  prioBase: number;
  lastKey: string;
}

/**
 * Of the contacts with overdue follow-ups, those that can be among the `limit` best of them at
 * `now`: scored from their stored keys and overdue counts, from the `limit`-th score up (ties
 * included: their order needs the records). A contact without stored keys is always kept.
 */
export function overdueWorthReading(
  rows: readonly (readonly [id: string, keys: StoredPriorityKeys | undefined])[],
  overdue: ReadonlyMap<string, number>,
  limit: number,
  now: Date,
): string[] {
  const unknown = rows.filter(([, keys]) => !keys).map(([id]) => id);
  const scored = rows
    .flatMap(([id, keys]) => (keys ? [{ id, score: keys.prioBase + silenceAt(keys.lastKey || undefined, now) + overduePoints(overdue.get(id) ?? 0) }] : []))
    .sort((a, b) => b.score - a.score);
  const cut = scored.length > limit ? scored[limit - 1]!.score : -Infinity;
  return [...unknown, ...scored.filter((s) => s.score >= cut).map((s) => s.id)];
}

import type { Contact, LoyaltyStage, Tier } from './contact';
import { foldForSearch } from './normalize';

/** A segment: contacts sharing a tag, value tier, loyalty stage or industry. Empty fields match all. */
export interface Segment {
  tag?: string;
  tier?: Tier;
  loyalty?: LoyaltyStage;
  industry?: string;
}

export function inSegment(contact: Contact, segment: Segment): boolean {
  if (segment.tag && !contact.tags.some((t) => foldForSearch(t) === foldForSearch(segment.tag!))) return false;
  if (segment.tier && contact.value.tier !== segment.tier) return false;
  if (segment.loyalty && contact.value.loyalty !== segment.loyalty) return false;
  if (segment.industry && foldForSearch(contact.industry ?? '') !== foldForSearch(segment.industry)) return false;
  return true;
}

const TIER_RANK: Record<string, number> = { A: 0, B: 1, C: 2 };

/**
 * Priority order: customers are not equal. Tier first (A before B before C before none), then
 * yearly revenue (highest first), then the longest silence first (who needs attention), then name.
 */
export function byPriority(a: Contact, b: Contact): number {
  const tier = (TIER_RANK[a.value.tier ?? ''] ?? 3) - (TIER_RANK[b.value.tier ?? ''] ?? 3);
  if (tier) return tier;
  const revenue = (b.value.yearlyRevenue?.amount ?? 0) - (a.value.yearlyRevenue?.amount ?? 0);
  if (revenue) return revenue;
  const silence = (a.lastInteractionAt ?? '').localeCompare(b.lastInteractionAt ?? '');
  if (silence) return silence;
  return foldForSearch(a.displayName).localeCompare(foldForSearch(b.displayName));
}

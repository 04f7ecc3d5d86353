import { z } from 'zod';
import { addMonths } from './cadence';
import { ChannelSchema, LineSchema } from './common';
import { LoyaltyStageSchema, TierSchema, type Contact } from './contact';
import { localDay } from './followup';
import { foldForSearch } from './normalize';

/**
 * A segment: combinable filters; empty fields match all. `stage` is `pipelineId::stage`;
 * `newsletter` asks for a granted (`yes`) or a missing or refused (`no`) consent; `silentMonths`
 * keeps contacts without a real touchpoint for that many months (never contacted included).
 */
export const SegmentSchema = z.object({
  tag: z.string().trim().min(1).max(100).optional(),
  tier: z.optional(TierSchema),
  loyalty: z.optional(LoyaltyStageSchema),
  industry: z.optional(LineSchema),
  stage: z.optional(LineSchema),
  owner: z.optional(LineSchema),
  channel: z.optional(ChannelSchema),
  newsletter: z.enum(['yes', 'no']).optional(),
  openFollowUp: z.boolean().optional(),
  silentMonths: z.int().min(1).max(600).optional(),
});
export type Segment = z.infer<typeof SegmentSchema>;

/** A segment saved under a name. */
export const SavedSegmentSchema = z.object({ name: LineSchema, segment: SegmentSchema });
export type SavedSegment = z.infer<typeof SavedSegmentSchema>;

/** What some filters need beyond the contact: the day, and who has an open follow-up. */
export interface SegmentContext {
  now?: Date;
  withOpenFollowUp?: ReadonlySet<string>;
}

export function inSegment(contact: Contact, segment: Segment, context: SegmentContext = {}): boolean {
  if (segment.tag && !contact.tags.some((t) => foldForSearch(t) === foldForSearch(segment.tag!))) return false;
  if (segment.tier && contact.value.tier !== segment.tier) return false;
  if (segment.loyalty && contact.value.loyalty !== segment.loyalty) return false;
  if (segment.industry && foldForSearch(contact.industry ?? '') !== foldForSearch(segment.industry)) return false;
  if (segment.stage && (!contact.pipeline || `${contact.pipeline.pipelineId}::${contact.pipeline.stage}` !== segment.stage)) return false;
  if (segment.owner && foldForSearch(contact.owner ?? '') !== foldForSearch(segment.owner)) return false;
  if (segment.channel && !contact.preferences.channels.includes(segment.channel)) return false;
  if (segment.newsletter && (contact.preferences.newsletterConsent?.granted === true) !== (segment.newsletter === 'yes')) return false;
  if (segment.openFollowUp !== undefined && context.withOpenFollowUp && context.withOpenFollowUp.has(contact.id) !== segment.openFollowUp) return false;
  if (segment.silentMonths) {
    const cutoff = addMonths(localDay(context.now ?? new Date()), -segment.silentMonths);
    if (contact.lastInteractionAt && localDay(new Date(contact.lastInteractionAt)) >= cutoff) return false;
  }
  return true;
}

/** True when no filter is set. */
export function isEmptySegment(segment: Segment): boolean {
  return Object.values(segment).every((v) => v === undefined);
}

const TIER_RANK: Record<string, number> = { A: 0, B: 1, C: 2 };

/**
 * Value order: tier first (A before B before C before none), then yearly revenue (highest first),
 * then the longest silence first (who needs attention), then name.
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

/** Why a contact is left out of an export by default. */
export type ExportBlock = 'do-not-contact' | 'left-alone' | 'no-newsletter-consent';

/**
 * Whether the contact's preferences forbid putting them on an export list: a contact ban or
 * "leave me alone" always; for a newsletter list, also a missing or refused consent.
 */
export function exportBlock(contact: Pick<Contact, 'preferences'>, purpose: 'list' | 'newsletter'): ExportBlock | undefined {
  if (contact.preferences.doNotContact) return 'do-not-contact';
  if (contact.preferences.wants === 'left-alone') return 'left-alone';
  if (purpose === 'newsletter' && contact.preferences.newsletterConsent?.granted !== true) return 'no-newsletter-consent';
  return undefined;
}

/** Splits a selection for export: who goes in, and how many are left out by reason. */
export function consentFilter<C extends Pick<Contact, 'preferences'>>(
  contacts: readonly C[],
  purpose: 'list' | 'newsletter',
): { included: C[]; leftOut: Record<ExportBlock, number> } {
  const leftOut: Record<ExportBlock, number> = { 'do-not-contact': 0, 'left-alone': 0, 'no-newsletter-consent': 0 };
  const included: C[] = [];
  for (const contact of contacts) {
    const block = exportBlock(contact, purpose);
    if (block) leftOut[block]++;
    else included.push(contact);
  }
  return { included, leftOut };
}

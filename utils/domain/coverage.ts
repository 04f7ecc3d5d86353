import type { Contact, Coverage, Value } from './contact';

/*
 * Betreuungsform: which coverage pays for whom. Personal care (key account, field visits) costs
 * the most and goes to the customers worth the most; the rest are served by phone and mail or
 * digitally. The suggestion is a starting point the user can overrule per contact.
 */

/** Yearly revenue (in any currency, taken at face value) from which a coverage is suggested. */
export const COVERAGE_REVENUE: Readonly<Record<Exclude<Coverage, 'digital-only'>, number>> = {
  'key-account': 250_000,
  'field-sales': 50_000,
  'inside-sales': 5_000,
};

/** The default keep-in-touch cadence (days) each coverage sets. */
export const COVERAGE_CADENCE_DAYS: Readonly<Record<Coverage, number>> = {
  'key-account': 30,
  'field-sales': 60,
  'inside-sales': 90,
  'digital-only': 180,
};

/** The coverage the customer value suggests: tier A or key-account revenue first, and so on down. */
export function suggestCoverage(value: Value): Coverage {
  const revenue = value.yearlyRevenue?.amount ?? 0;
  if (value.tier === 'A' || revenue >= COVERAGE_REVENUE['key-account']) return 'key-account';
  if (value.tier === 'B' || revenue >= COVERAGE_REVENUE['field-sales']) return 'field-sales';
  if (value.tier === 'C' || revenue >= COVERAGE_REVENUE['inside-sales']) return 'inside-sales';
  if (value.loyalty === 'repeat-customer' || value.loyalty === 'advocate') return 'inside-sales';
  return 'digital-only';
}

/** The coverage in force: the chosen one, else the suggestion. */
export function coverageOf(contact: Pick<Contact, 'value'>): { coverage: Coverage; suggested: boolean } {
  const chosen = contact.value.coverage;
  return chosen ? { coverage: chosen, suggested: false } : { coverage: suggestCoverage(contact.value), suggested: true };
}

/** The keep-in-touch cadence in force: the contact's own, else the default of its chosen coverage. */
export function cadenceDays(contact: Pick<Contact, 'value' | 'keepInTouchDays'>): number | undefined {
  if (contact.keepInTouchDays) return contact.keepInTouchDays;
  return contact.value.coverage ? COVERAGE_CADENCE_DAYS[contact.value.coverage] : undefined;
}

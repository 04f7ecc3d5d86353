import type { Contact } from './contact';
import { canonicalLinkedInUrl, foldForSearch, normalizeEmail } from './normalize';

/** What we know of someone on screen, for matching. */
export interface IdentityProbe {
  name?: string;
  email?: string;
  linkedinUrl?: string;
  company?: string;
}

/** Exact identity: a shared email or the same LinkedIn profile means the same person. */
export function isExactMatch(contact: Pick<Contact, 'emails' | 'linkedinUrl'>, probe: IdentityProbe): boolean {
  const email = probe.email ? normalizeEmail(probe.email) : '';
  if (email && contact.emails.includes(email)) return true;
  const url = probe.linkedinUrl ? canonicalLinkedInUrl(probe.linkedinUrl) : '';
  return Boolean(url && contact.linkedinUrl === url);
}

function nameKey(name: string): string {
  return foldForSearch(name)
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .split(' ')
    .filter(Boolean)
    .sort()
    .join(' ');
}

function companyKey(company: string): string {
  return foldForSearch(company)
    .replace(/\b(gmbh|ag|kg|se|inc|ltd|llc|bv|b\.v|sa|plc|co|corp|corporation|company|& co)\b\.?/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * A near match: the same name (order, case and accents aside) and, when both sides name a company,
 * the same company. Offered as "is this …?", never merged silently.
 */
export function isNearMatch(contact: Pick<Contact, 'displayName' | 'company'>, probe: IdentityProbe): boolean {
  if (!probe.name) return false;
  const a = nameKey(contact.displayName);
  if (!a || a !== nameKey(probe.name)) return false;
  if (contact.company && probe.company) return companyKey(contact.company) === companyKey(probe.company);
  return true;
}

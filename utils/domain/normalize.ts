/**
 * Normalisation for matching: pure string functions with no dependencies, so content scripts may use
 * them too. Names are shown as written; these keys only decide whether two things are the same.
 */

// Zero-width, bidi controls, BOM, soft hyphen and other invisible format characters a page (or an
// attacker) can put inside a name or an address.
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFEFF\uFFA0]|\u115F|\u1160|\u17B4|\u17B5/gu;

/** Removes invisible format characters and folds all whitespace runs to one space. */
export function cleanText(value: string): string {
  return value.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** Lower-cased, trimmed address without invisible characters or a `mailto:` prefix; '' if not an address. */
export function normalizeEmail(value: string): string {
  const cleaned = cleanText(value).replace(/^mailto:/i, '').replace(/^<|>$/g, '').toLowerCase();
  return /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/.test(cleaned) ? cleaned : '';
}

const LINKEDIN_SLUG = /^(?:https?:\/\/)?(?:[a-z]{2,3}\.|www\.)?linkedin\.com\/in\/([^/?#\s]+)/i;

/**
 * Canonical LinkedIn profile URL `https://www.linkedin.com/in/<slug>/`, or '' when the value is not
 * a profile URL. Country subdomains, query strings, trailing paths (`/overlay/…`) and case collapse.
 */
export function canonicalLinkedInUrl(value: string): string {
  const match = LINKEDIN_SLUG.exec(cleanText(value));
  if (!match?.[1]) return '';
  let slug = match[1];
  try {
    slug = decodeURIComponent(slug);
  } catch {
    // A malformed escape stays as written; it still identifies the same profile.
  }
  slug = slug.toLowerCase();
  if (!/^[\p{L}\p{N}_%.-]{1,200}$/u.test(slug)) return '';
  return `https://www.linkedin.com/in/${encodeURIComponent(slug)}/`;
}

/** Phone key: digits and a leading plus only. */
export function normalizePhone(value: string): string {
  const cleaned = cleanText(value);
  const digits = cleaned.replace(/[^\d]/g, '');
  if (digits.length < 3) return '';
  return (cleaned.startsWith('+') ? '+' : '') + digits;
}

/** Lower-cased, accent-folded words of a name or company, for prefix search and near matches. */
export function searchWords(...values: (string | undefined)[]): string[] {
  const words = new Set<string>();
  for (const value of values) {
    if (!value) continue;
    for (const word of foldForSearch(value).split(/[^\p{L}\p{N}@.+_-]+/u)) {
      const trimmed = word.replace(/^[.\-_]+|[.\-_]+$/g, '');
      if (trimmed) words.add(trimmed);
    }
  }
  return [...words];
}

/** Lower case without diacritics ("Jürgen" → "jurgen", "Ó Briain" → "o briain"). */
export function foldForSearch(value: string): string {
  return cleanText(value)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\u00DF/g, 'ss')
    .toLowerCase();
}

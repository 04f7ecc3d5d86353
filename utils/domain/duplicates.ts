import type { Contact } from './contact';
import { isNearMatch } from './identity';
import { foldForSearch } from './normalize';

/*
 * Duplicates finder: pairs that look like one person (same email, same LinkedIn profile, or the
 * same name at the same company). Proposed to the user with a merge preview; never merged silently.
 */

export type DuplicateReason = 'email' | 'linkedin' | 'name-company';

export interface DuplicatePair {
  a: Contact;
  b: Contact;
  reason: DuplicateReason;
}

/** Every likely duplicate pair among the contacts, strongest reason first, each pair once. */
export function findDuplicates(contacts: readonly Contact[]): DuplicatePair[] {
  const pairs = new Map<string, DuplicatePair>();
  const add = (a: Contact, b: Contact, reason: DuplicateReason) => {
    const [x, y] = a.id < b.id ? [a, b] : [b, a];
    const key = `${x.id}|${y.id}`;
    if (!pairs.has(key)) pairs.set(key, { a: x, b: y, reason });
  };
  const group = (keyOf: (c: Contact) => string[], reason: DuplicateReason, same: (a: Contact, b: Contact) => boolean = () => true) => {
    const buckets = new Map<string, Contact[]>();
    for (const contact of contacts) {
      for (const key of keyOf(contact)) {
        if (!key) continue;
        const bucket = buckets.get(key) ?? [];
        bucket.push(contact);
        buckets.set(key, bucket);
      }
    }
    for (const bucket of buckets.values()) {
      for (let i = 0; i < bucket.length; i++) for (let j = i + 1; j < bucket.length; j++) if (same(bucket[i]!, bucket[j]!)) add(bucket[i]!, bucket[j]!, reason);
    }
  };
  group((c) => c.emails, 'email');
  group((c) => (c.linkedinUrl ? [c.linkedinUrl] : []), 'linkedin');
  group(
    (c) => (c.company ? [foldForSearch(c.displayName).replace(/[^\p{L}\p{N}]+/gu, '')] : []),
    'name-company',
    (a, b) => isNearMatch(a, { name: b.displayName, ...(b.company ? { company: b.company } : {}) }),
  );
  return [...pairs.values()];
}

/** Which side's value a merge keeps for one field. */
export interface MergeFieldPreview {
  field: string;
  keep: string;
  drop: string;
  /** `keep`, `drop`, or `both` for joined lists and texts. */
  wins: 'keep' | 'drop' | 'both';
}

const show = (value: unknown): string => {
  if (value === undefined || value === null || value === '') return '';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => (v === undefined ? '' : `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`))
      .filter(Boolean)
      .join('; ');
  }
  return String(value);
};

const LIST_FIELDS = new Set(['emails', 'phones', 'tags', 'about']);
const SKIP = new Set(['id', 'createdAt', 'updatedAt', 'lastInteractionAt', 'lastInteractionChannel', 'preferences']);

/**
 * The per-field preview of merging `drop` into `keep` (the rule of `mergedContact`): the kept
 * value wins where both have one; lists and texts are joined; an empty kept field takes the other.
 * Only fields where the two differ are listed.
 */
export function mergePreview(keep: Contact, drop: Contact): MergeFieldPreview[] {
  const rows: MergeFieldPreview[] = [];
  const fields = new Set([...Object.keys(keep), ...Object.keys(drop)]);
  for (const field of fields) {
    if (SKIP.has(field)) continue;
    if (field === 'value') {
      for (const key of new Set([...Object.keys(keep.value), ...Object.keys(drop.value)])) {
        const k = show(keep.value[key as keyof Contact['value']]);
        const d = show(drop.value[key as keyof Contact['value']]);
        if (k !== d) rows.push({ field: `value.${key}`, keep: k, drop: d, wins: k ? 'keep' : 'drop' });
      }
      continue;
    }
    const k = show(keep[field as keyof Contact]);
    const d = show(drop[field as keyof Contact]);
    if (k === d) continue;
    rows.push({ field, keep: k, drop: d, wins: LIST_FIELDS.has(field) && k && d ? 'both' : k ? 'keep' : 'drop' });
  }
  return rows;
}

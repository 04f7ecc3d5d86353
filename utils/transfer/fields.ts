import { MAX_LINE, MAX_TEXT } from '../domain/common';
import { ContactSchema } from '../domain/contact';
import { canonicalLinkedInUrl, normalizeEmail, normalizePhone } from '../domain/normalize';
import type { Located } from './model';

/*
 * One bad field never costs a contact: before planning, each raw contact is checked with the
 * schema every contact write uses, and a field that fails (a phone cell that says "pager", an
 * email cell holding "urn:li:member:…", a LinkedIn URL whose slug holds "’" or "♾") is left out
 * with a warning on its row. What identifies a record (id, name, timestamps) is never dropped:
 * a row without a usable name stays invalid, as before.
 */

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * A display name from name parts. Chinese, Japanese and Korean names are written family name
 * first, without a space (王伟, 鈴木一郎); others given, middle, family with spaces.
 */
export function joinName(given = '', middle = '', family = ''): string {
  if (CJK.test(family + given)) return [family, middle, given].filter(Boolean).join('');
  return [given, middle, family].filter(Boolean).join(' ');
}

const KEEP = new Set(['id', 'displayName', 'createdAt', 'updatedAt']);
const PLACEHOLDER = { id: 'ct_check', createdAt: '2000-01-01T00:00:00.000Z', updatedAt: '2000-01-01T00:00:00.000Z' };

const LABELS: Record<string, string> = {
  emails: 'email',
  phones: 'phone',
  linkedinUrl: 'LinkedIn URL',
  tags: 'tag',
  givenName: 'first name',
  familyName: 'last name',
  company: 'company',
  title: 'position',
  location: 'location',
  about: 'note',
};

function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

function at(record: unknown, path: readonly PropertyKey[]): unknown {
  let value = record;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Removes the value at `path` (an array element is spliced out); false when there is nothing to remove. */
function remove(record: Record<string, unknown>, path: readonly PropertyKey[]): boolean {
  const parent = at(record, path.slice(0, -1));
  const key = path[path.length - 1];
  if (typeof parent !== 'object' || parent === null || key === undefined) return false;
  if (Array.isArray(parent) && typeof key === 'number') {
    if (key >= parent.length) return false;
    parent.splice(key, 1);
    return true;
  }
  if (!(key in parent)) return false;
  delete (parent as Record<PropertyKey, unknown>)[key];
  return true;
}

/**
 * Drops the fields of a raw contact that the contact schema refuses, and says which. Returns
 * the warnings (empty when the record was fine); the record is changed in place.
 */
export function dropBadFields(value: Record<string, unknown>): string[] {
  const warnings: string[] = [];
  for (let round = 0; round < 10; round++) {
    const result = ContactSchema.safeParse({ ...PLACEHOLDER, ...value });
    if (result.success) break;
    // Array elements from the back, so earlier indexes stay right while we splice.
    const issues = [...result.error.issues].sort((a, b) => (typeof b.path[1] === 'number' ? b.path[1] : -1) - (typeof a.path[1] === 'number' ? a.path[1] : -1));
    let changed = false;
    for (const issue of issues) {
      const path = issue.path.length > 2 && typeof issue.path[1] === 'number' ? issue.path.slice(0, 2) : issue.path;
      const top = String(path[0] ?? '');
      if (!top || KEEP.has(top)) continue;
      // A list over its maximum length is cut, not removed: keep what fits.
      const bad = at(value, path);
      if (issue.code === 'too_big' && Array.isArray(bad)) continue;
      if (!remove(value, path)) continue;
      changed = true;
      warnings.push(`${LABELS[top] ?? path.join('.')} "${shown(bad)}" left out: ${issue.message}`);
    }
    if (!changed) break;
  }
  return warnings;
}

const LINE_FIELDS = ['displayName', 'givenName', 'familyName', 'company', 'title', 'location', 'industry', 'owner'];

// What nearly every row holds, accepted without the normalisers' work (both are valid for them too).
const PLAIN_URL = /^https:\/\/www\.linkedin\.com\/in\/[a-z0-9-]{1,100}\/?$/;
const PLAIN_EMAIL = /^[a-z0-9._%+-]{1,64}@[a-z0-9-]{1,63}(\.[a-z0-9-]{1,63}){1,5}$/;

const isLine = (v: unknown) => typeof v === 'string' && v.length <= MAX_LINE && v.trim().length > 0;
const every = (v: unknown, test: (item: string) => boolean) => v === undefined || (Array.isArray(v) && v.every((item) => typeof item === 'string' && test(item)));

/**
 * A cheap screen with the same rules the schema applies to the fields other apps fill in: the
 * full schema check (≈ 40 µs a contact) runs only for a row this flags. Fields it doesn't look at
 * are validated when the import is planned, as before.
 */
function looksValid(value: Record<string, unknown>): boolean {
  for (const field of LINE_FIELDS) if (value[field] !== undefined && !isLine(value[field])) return false;
  if (value.about !== undefined && !(typeof value.about === 'string' && value.about.length <= MAX_TEXT)) return false;
  const url = value.linkedinUrl;
  if (url !== undefined && !(typeof url === 'string' && (PLAIN_URL.test(url) || (url.length <= 2000 && canonicalLinkedInUrl(url))))) return false;
  return (
    every(value.emails, (e) => PLAIN_EMAIL.test(e) || (e.length <= 320 && normalizeEmail(e) !== '')) &&
    every(value.phones, (p) => p.length <= 100 && normalizePhone(p.trim()) !== '') &&
    every(value.tags, (t) => t.length <= 100 && t.trim().length > 0)
  );
}

/** Applies `dropBadFields` to every row that needs it, keeping the warnings on the row. */
export function dropBadFieldsOfRows(rows: readonly Located[]): void {
  for (const row of rows) {
    if (looksValid(row.value)) continue;
    const warnings = dropBadFields(row.value);
    if (warnings.length > 0) row.warnings = [...(row.warnings ?? []), ...warnings];
  }
}

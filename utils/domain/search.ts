import type { Contact } from './contact';
import type { Interaction } from './interaction';
import { foldForSearch } from './normalize';

/*
 * Full-text search words. Every contact and every interaction carries the words it is found by
 * (`words`, a multi-entry index in the database); a query matches a record when each of its terms
 * is a prefix of one of the record's words. Words are folded (lower case, no diacritics, ß → ss),
 * so "Müller" finds "Muller" and "müller", and "rahmen" finds "Rahmenvertrag".
 *
 * The words are derived data: `contactWords` and `interactionWords` recompute them from the record,
 * and the database's rebuild writes exactly these.
 */

/** Longer words are cut here: a prefix query of that length still finds them. */
export const MAX_WORD = 32;
/** At most this many distinct words per record (a pasted thread still fits; a runaway page is cut). */
export const MAX_WORDS = 4000;

const SPLIT = /[^\p{L}\p{N}@.+_'’-]+/u;
const PARTS = /[@.+_'’-]+/u;

function tokens(value: string): string[] {
  const out: string[] = [];
  for (const raw of foldForSearch(value).split(SPLIT)) {
    const word = raw.replace(/^[@.+_'’-]+|[@.+_'’-]+$/gu, '');
    if (word) out.push(word);
  }
  return out;
}

/**
 * The index words of some texts: each folded word (two characters or more), and for a compound
 * ("müller-lüdenscheidt", "anke@sommerfeld.de") also its parts and, for an address, its domain.
 */
export function indexWords(...values: readonly (string | undefined)[]): string[] {
  const words = new Set<string>();
  const add = (word: string) => {
    if (word.length >= 2 && words.size < MAX_WORDS) words.add(word.slice(0, MAX_WORD));
  };
  for (const value of values) {
    if (!value) continue;
    for (const word of tokens(value)) {
      add(word);
      if (!PARTS.test(word)) continue;
      for (const part of word.split(PARTS)) add(part);
      const at = word.indexOf('@');
      if (at > 0) add(word.slice(at + 1));
    }
  }
  return [...words];
}

/**
 * How each contact field takes part in the search: `true` when its text is indexed, or the reason
 * it is not. Typed over every field of the schema, so a new field does not compile until it is
 * listed here (see `utils/domain/FIELDS.md`).
 */
export const CONTACT_SEARCH_FIELDS = {
  id: 'an internal key',
  displayName: true,
  givenName: true,
  familyName: true,
  emails: true,
  linkedinUrl: 'found by exact look-up, not by words',
  phones: 'found by exact look-up, not by words',
  company: true,
  companyId: 'an internal key',
  title: true,
  location: true,
  industry: true,
  tags: true,
  owner: 'a segment filter, not a word of the contact',
  value: 'a segment filter (tier, loyalty, revenue)',
  pipeline: 'a segment filter (pipeline and stage)',
  keepInTouchDays: 'a number',
  preferences: 'settings, not words about the person',
  about: true,
  lastInteractionAt: 'a date',
  lastInteractionChannel: 'a filter value',
  createdAt: 'a date',
  updatedAt: 'a date',
} as const satisfies Record<keyof Contact, true | string>;

type SearchedField = { [K in keyof typeof CONTACT_SEARCH_FIELDS]: (typeof CONTACT_SEARCH_FIELDS)[K] extends true ? K : never }[keyof typeof CONTACT_SEARCH_FIELDS];

/** The searched fields, in the order above. */
export const SEARCHED_CONTACT_FIELDS = (Object.keys(CONTACT_SEARCH_FIELDS) as (keyof Contact)[]).filter(
  (field) => CONTACT_SEARCH_FIELDS[field] === true,
) as SearchedField[];

/** The index words of a contact: every searched field. */
export function contactWords(contact: Partial<Pick<Contact, SearchedField>>): string[] {
  const texts: string[] = [];
  for (const field of SEARCHED_CONTACT_FIELDS) {
    const value = contact[field];
    if (typeof value === 'string') texts.push(value);
    else if (Array.isArray(value)) texts.push(...value);
  }
  return indexWords(...texts);
}

/** The index words of an interaction: its subject and text (notes, mail, messages, page notes). */
export function interactionWords(interaction: Partial<Pick<Interaction, 'subject' | 'text'>>): string[] {
  return indexWords(interaction.subject, interaction.text);
}

/**
 * The terms of a query, longest (most selective) first. One-letter terms are dropped when longer
 * ones exist, and a term that is the prefix of another adds nothing and is dropped too.
 */
export function queryTerms(query: string): string[] {
  const all = [...new Set(tokens(query).map((t) => t.slice(0, MAX_WORD)))];
  const long = all.filter((t) => t.length >= 2);
  const terms = (long.length > 0 ? long : all).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return terms.filter((term, i) => !terms.some((other, j) => j < i && other.startsWith(term)));
}

/** True when every term is a prefix of one of the words. */
export function matchesAll(words: readonly string[], terms: readonly string[]): boolean {
  return terms.every((term) => words.some((word) => word.startsWith(term)));
}

/**
 * The line of a text that shows why it matched: the one with the most terms in it (the first of
 * those), trimmed to `max` characters around the first hit. `undefined` when no line matches.
 */
export function matchingLine(text: string, terms: readonly string[], max = 160): string | undefined {
  let best: { line: string; score: number } | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const words = indexWords(line);
    const score = terms.filter((term) => words.some((word) => word.startsWith(term))).length;
    if (score > 0 && (!best || score > best.score)) best = { line, score };
    if (best && best.score === terms.length) break;
  }
  if (!best) return undefined;
  return best.line.length <= max ? best.line : `${best.line.slice(0, max - 1)}…`;
}

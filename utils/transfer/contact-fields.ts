import type { Contact } from '../domain/contact';

/*
 * The contact-field checklist of the codecs: for every field of the contact schema, each format
 * either writes it (`true`) or says why not. Typed over every field, so a new field does not compile
 * until each format has decided; `contact-fields.test.ts` then checks that every `true` really
 * reaches the file. The search index keeps its own list (`CONTACT_SEARCH_FIELDS` in
 * utils/domain/search.ts); utils/domain/FIELDS.md lists every place a new field touches.
 */

/** A format's decision per contact field: written, or the reason it is left out. */
export type FieldChecklist = Record<keyof Contact, true | string>;

/** Our JSON backup writes every record whole: nothing is left out. */
export const JSON_CONTACT_FIELDS = {
  id: true,
  displayName: true,
  givenName: true,
  familyName: true,
  emails: true,
  linkedinUrl: true,
  phones: true,
  company: true,
  companyId: true,
  title: true,
  location: true,
  industry: true,
  tags: true,
  owner: true,
  value: true,
  pipeline: true,
  keepInTouchDays: true,
  preferences: true,
  about: true,
  lastInteractionAt: true,
  lastInteractionChannel: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies FieldChecklist;

/** Our CSV (contacts.csv): one column per leaf field path (`CONTACT_COLUMNS` in csv.ts). */
export const CSV_CONTACT_FIELDS = { ...JSON_CONTACT_FIELDS } as const satisfies FieldChecklist;

/** vCard: what address books understand; the rest of the notebook travels in the JSON backup. */
export const VCARD_CONTACT_FIELDS = {
  id: true,
  displayName: true,
  givenName: true,
  familyName: true,
  emails: true,
  linkedinUrl: true,
  phones: true,
  company: true,
  companyId: 'an internal key another address book cannot resolve',
  title: true,
  location: true,
  industry: 'vCard has no industry property',
  tags: true,
  owner: 'who looks after the contact in our team, not an address-book fact',
  value: 'customer value is ours, not an address-book fact',
  pipeline: 'pipeline stages are ours, not an address-book fact',
  keepInTouchDays: 'a cadence of ours',
  preferences: 'only the language is a vCard property (LANG, 4.0); the rest is ours',
  about: true,
  lastInteractionAt: 'derived from the timeline',
  lastInteractionChannel: 'derived from the timeline',
  createdAt: 'bookkeeping',
  updatedAt: 'bookkeeping',
} as const satisfies FieldChecklist;

/** Markdown: a page a colleague reads, with the facts in its front matter. */
export const MARKDOWN_CONTACT_FIELDS = {
  ...JSON_CONTACT_FIELDS,
  companyId: 'an internal key (the company name is written)',
  lastInteractionChannel: 'the timeline below names every channel',
} as const satisfies FieldChecklist;

import { describe, expect, it } from 'vitest';
import { ContactSchema, type Contact } from '../domain/contact';
import { CONTACT_SEARCH_FIELDS, contactWords } from '../domain/search';
import { CSV_CONTACT_FIELDS, JSON_CONTACT_FIELDS, MARKDOWN_CONTACT_FIELDS, VCARD_CONTACT_FIELDS, type FieldChecklist } from './contact-fields';
import { CONTACT_COLUMNS, csvBody, csvHeader } from './csv';
import { encodeJson } from './json';
import { encodeMarkdown } from './markdown';
import { arraySource } from './source';
import { encodeVCard } from './vcard';

/*
 * Adding a contact field is guided: each codec and the search index must either carry a new field
 * or say why not, and what they claim to carry must really reach their output.
 */

/** A contact with every field set to a value found nowhere else. */
const full: Contact = ContactSchema.parse({
  id: 'ct_fieldcheck01',
  displayName: 'Dispname Qx',
  givenName: 'Givenqx',
  familyName: 'Familyqx',
  emails: ['emailqx@fields.example'],
  linkedinUrl: 'https://www.linkedin.com/in/linkedinqx/',
  phones: ['+49 30 777111'],
  company: 'Companyqx AG',
  companyId: 'co_companyidqx',
  title: 'Titleqx',
  location: 'Locationqx',
  industry: 'Industryqx',
  tags: ['tagqx'],
  owner: 'Ownerqx',
  value: { tier: 'B', yearlyRevenue: { amount: 424242, currency: 'CHF' }, loyalty: 'advocate', coverage: 'field-sales', referredBy: 'ct_referrerqx' },
  pipeline: { pipelineId: 'pipelineqx', stage: 'stageqx' },
  keepInTouchDays: 3131,
  preferences: { channels: ['phone'], topics: ['topicqx'], salutation: 'Salutationqx' },
  about: 'Aboutqx text',
  lastInteractionAt: '2021-07-07T07:07:07.000Z',
  lastInteractionChannel: 'in-person',
  createdAt: '2020-02-02T02:02:02.000Z',
  updatedAt: '2022-03-03T03:03:03.000Z',
});

/** The text by which a field's value is recognised in an output. */
const probe: Record<keyof Contact, string> = {
  id: 'fieldcheck01',
  displayName: 'Dispname Qx',
  givenName: 'Givenqx',
  familyName: 'Familyqx',
  emails: 'emailqx@fields.example',
  linkedinUrl: 'linkedinqx',
  phones: '777111',
  company: 'Companyqx',
  companyId: 'companyidqx',
  title: 'Titleqx',
  location: 'Locationqx',
  industry: 'Industryqx',
  tags: 'tagqx',
  owner: 'Ownerqx',
  value: '424242',
  pipeline: 'stageqx',
  keepInTouchDays: '3131',
  preferences: 'Salutationqx',
  about: 'Aboutqx',
  lastInteractionAt: '2021-07-07',
  lastInteractionChannel: 'in-person',
  createdAt: '2020-02-02',
  updatedAt: '2022-03-03',
};

async function jsonText(): Promise<string> {
  let out = '';
  await encodeJson(arraySource({ contacts: [full] }), { exportedAt: '2026-01-01T00:00:00.000Z', appVersion: 'test' }, { write: (t) => (out += t), tick: () => {} });
  return out;
}

const FIELDS = Object.keys(ContactSchema.shape).sort();

describe('contact-field checklist', () => {
  it('the probe contact sets every field of the schema', () => {
    expect(Object.keys(full).sort()).toEqual(FIELDS);
    expect(Object.keys(probe).sort()).toEqual(FIELDS);
  });

  const codecs: [string, FieldChecklist, () => Promise<string> | string][] = [
    ['JSON', JSON_CONTACT_FIELDS, jsonText],
    ['CSV', CSV_CONTACT_FIELDS, () => csvHeader(CONTACT_COLUMNS) + csvBody(CONTACT_COLUMNS, [full])],
    ['vCard 4.0', VCARD_CONTACT_FIELDS, () => encodeVCard(full, '4.0')],
    ['Markdown', MARKDOWN_CONTACT_FIELDS, () => encodeMarkdown({ contact: full, interactions: [], followUps: [], checks: [] })],
  ];
  for (const [name, checklist, encode] of codecs) {
    it(`${name}: every field is written or excluded with a reason, and what is claimed is written`, async () => {
      expect(Object.keys(checklist).sort()).toEqual(FIELDS);
      const output = await encode();
      for (const field of FIELDS as (keyof Contact)[]) {
        const decision = checklist[field];
        if (decision === true) expect(output, `${name} claims to write ${field}`).toContain(probe[field]);
        else expect(decision.length, `${name} gives a reason for leaving out ${field}`).toBeGreaterThan(5);
      }
    });
  }

  it('CSV has a column for every field it claims (leaf paths for objects)', () => {
    const columns = CONTACT_COLUMNS.map((c) => c.path.split('.')[0]);
    for (const field of FIELDS) if (CSV_CONTACT_FIELDS[field as keyof Contact] === true) expect(columns, field).toContain(field);
  });

  it('search: every field is indexed or excluded with a reason, and indexed ones are found', () => {
    expect(Object.keys(CONTACT_SEARCH_FIELDS).sort()).toEqual(FIELDS);
    const words = contactWords(full);
    for (const field of FIELDS as (keyof Contact)[]) {
      const decision = CONTACT_SEARCH_FIELDS[field];
      if (decision === true) expect(words.some((w) => w.includes(probe[field].toLowerCase().split(' ')[0]!)), `search indexes ${field}`).toBe(true);
      else expect(decision.length).toBeGreaterThan(5);
    }
  });

  it('our CSV has a column for every leaf of a contact (value and preferences included), and a re-import restores it', () => {
    const leaves = (value: unknown, path: string): string[] =>
      value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k)) : [path];
    const paths = new Set(CONTACT_COLUMNS.map((c) => c.path));
    expect(leaves(full, '').filter((p) => !paths.has(p))).toEqual([]);
    const body = csvHeader(CONTACT_COLUMNS) + csvBody(CONTACT_COLUMNS, [full]);
    for (const text of ['field-sales', 'ct_referrerqx']) expect(body).toContain(text);
  });
});

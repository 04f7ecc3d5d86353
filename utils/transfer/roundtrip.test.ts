import fc from 'fast-check';
import Papa from 'papaparse';
import { parseContact } from '../db/repos/contacts';
import { parseInteraction } from '../db/repos/interactions';
import type { Contact } from '../domain/contact';
import type { Interaction } from '../domain/interaction';
import { ChannelSchema, DepartmentSchema } from '../domain/common';
import { CONTACT_COLUMNS, CSV_BOM, INTERACTION_COLUMNS, csvBody, csvHeader } from './csv';
import { decodeImport } from './import';
import { encodeVCard, type VCardVersion } from './vcard';
import { writeExport } from './export';
import { arraySource } from './source';
import { unzip } from './zip';

// Hostile pieces: formula prefixes, quotes, separators, line breaks of every kind, emoji, RTL and
// bidi controls, backslashes; concatenated, plus arbitrary Unicode and a 10 000-character run.
const piece = fc.oneof(
  fc.constantFrom('=1+2', '+49 30', '-5', '@SUM(A1)', '\tTab', '\rCR', "'=quoted", "''+x", '"q"', 'a,b;c', 'line\nbreak', 'cr\r\nlf', '👩‍👩‍👧 emoji', 'עברית RTL', '\u202Eevil\u202C', 'back\\slash\\;', ' lead', 'trail '),
  fc.string({ unit: 'binary', maxLength: 30 }),
);
// Never empty: in CSV an empty cell and an absent field are the same thing.
const hostile = fc.array(piece, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('')).filter((s) => s.length > 0);
const line = hostile.filter((s) => s.trim().length > 0 && s.trim().length <= 1000);
const longText = fc.oneof(hostile, fc.constant('x'.repeat(4_000) + '=é👍\n'.repeat(1_500)));
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const money = fc.double({ min: 0, max: 1e13, noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n));
const email = fc.emailAddress().filter((e) => e.length < 200);

const rawContact = fc.record({
  id: fc.uuid().map((u) => `ct_${u}`),
  displayName: line,
  givenName: opt(line),
  familyName: opt(line),
  emails: fc.array(email, { maxLength: 3 }),
  phones: fc.array(fc.constantFrom('+49 30 1234567', '-0800 555', '=0171 555 22', '(030) 555-12; ext 4', '+1 (555) 010 0199'), { maxLength: 3 }),
  linkedinUrl: opt(fc.constantFrom('https://www.linkedin.com/in/anna-example/', 'https://de.linkedin.com/in/J%C3%BCrgen-x', 'linkedin.com/in/=cmd')),
  company: opt(line),
  companyId: opt(fc.constantFrom('co_1', '=co')),
  title: opt(line),
  location: opt(line),
  industry: opt(line),
  tags: fc.array(line.filter((s) => s.trim().length <= 100), { maxLength: 4 }),
  owner: opt(line),
  value: fc.record(
    {
      tier: fc.constantFrom('A', 'B', 'C'),
      loyalty: fc.constantFrom('prospect', 'customer', 'repeat-customer', 'advocate', 'former'),
      yearlyRevenue: fc.record({ amount: money, currency: fc.constantFrom('EUR', 'USD', 'CHF') }),
      coverage: fc.constantFrom('key-account', 'field-sales', 'inside-sales', 'digital-only'),
      referredBy: fc.constantFrom('ct_recommender', 'ct_other-advocate'),
    },
    { requiredKeys: [] },
  ),
  pipeline: opt(fc.record({ pipelineId: fc.constantFrom('sales', 'recruiting'), stage: line })),
  keepInTouchDays: opt(fc.integer({ min: 1, max: 3650 })),
  preferences: fc.record(
    {
      wants: fc.constantFrom('informed', 'relevant-only', 'left-alone'),
      channels: fc.subarray(['email', 'linkedin', 'phone', 'in-person', 'web', 'other'] as const),
      maxFrequency: fc.record({ count: fc.integer({ min: 1, max: 100 }), days: fc.integer({ min: 1, max: 3650 }) }),
      quietUntil: fc.constantFrom('2026-01-31', '2027-12-01'),
      bestTime: line,
      language: fc.constantFrom('de', 'en-GB', 'tr'),
      address: fc.constantFrom('formal', 'informal'),
      salutation: line,
      topics: fc.array(line, { maxLength: 3 }),
      newsletterConsent: fc.record({ granted: fc.boolean(), at: opt(fc.constant('2025-05-05T05:05:05.000Z')) }),
      doNotContact: fc.record({ reason: hostile.map((s) => s.trim().slice(0, 1000)), since: opt(fc.constant('2025-01-01T00:00:00.000Z')) }),
    },
    { requiredKeys: [] },
  ),
  about: opt(longText),
  lastInteractionAt: opt(fc.constant('2026-02-02T02:02:02.000Z')),
  lastInteractionChannel: opt(fc.constantFrom('email', 'phone')),
  createdAt: fc.constant('2026-01-01T00:00:00.000Z'),
  updatedAt: fc.constant('2026-01-02T00:00:00.000Z'),
});

/** A contact as the database would hold it (undefined optional keys dropped, parsed), or null if invalid. */
function validContact(raw: unknown): Contact | null {
  try {
    return parseContact(JSON.parse(JSON.stringify(raw)));
  } catch {
    return null;
  }
}
const contact = rawContact.map(validContact).filter((c): c is Contact => c !== null);

const rawInteraction = fc.record({
  id: fc.uuid().map((u) => `ix_${u}`),
  contactIds: fc.array(fc.uuid().map((u) => `ct_${u}`), { minLength: 1, maxLength: 3 }),
  kind: fc.constantFrom('note', 'email', 'message', 'call', 'meeting', 'page'),
  // Every channel and department, those of issue 11 included (video call, messengers, event, letter; service, management).
  channel: fc.constantFrom(...ChannelSchema.options),
  direction: fc.constantFrom('inbound', 'outbound', 'internal'),
  department: fc.constantFrom(...DepartmentSchema.options),
  occurredAt: fc.constant('2026-02-03T04:05:06.789Z'),
  subject: opt(line),
  text: longText,
  source: opt(fc.record({ site: fc.constantFrom('gmail', 'outlook', 'linkedin'), url: opt(hostile), threadId: opt(hostile), messageId: opt(hostile.map((s) => s.slice(0, 400))) })),
  author: opt(line),
  important: opt(fc.boolean()),
  auto: opt(fc.boolean()),
  createdAt: fc.constant('2026-02-03T04:05:06.789Z'),
  updatedAt: fc.constant('2026-02-03T04:05:06.789Z'),
});
const interaction = rawInteraction
  .map((raw) => {
    try {
      return parseInteraction(JSON.parse(JSON.stringify(raw)));
    } catch {
      return null;
    }
  })
  .filter((i): i is Interaction => i !== null);

const FORMULA_START = /^[=+\-@\t\r]/;

describe('CSV round trip (property)', () => {
  it('contacts with hostile strings survive, and no cell starts with a formula character', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(contact, { minLength: 1, maxLength: 5 }), async (contacts) => {
        const csv = CSV_BOM + csvHeader(CONTACT_COLUMNS) + csvBody(CONTACT_COLUMNS, contacts);
        const cells = Papa.parse<string[]>(csv.slice(1), { delimiter: ',' }).data.flat();
        expect(cells.filter((c) => FORMULA_START.test(c))).toEqual([]);
        const decoded = (await decodeImport(new TextEncoder().encode(csv)));
        expect(decoded.format).toBe('rapport-csv');
        expect(decoded.invalid).toEqual([]);
        expect(decoded.contacts.map((row) => parseContact(row.value))).toEqual(contacts);
      }),
      { numRuns: 150 },
    );
  });

  it('interactions with hostile strings survive', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(interaction, { minLength: 1, maxLength: 5 }), async (interactions) => {
        const csv = CSV_BOM + csvHeader(INTERACTION_COLUMNS) + csvBody(INTERACTION_COLUMNS, interactions);
        const cells = Papa.parse<string[]>(csv.slice(1), { delimiter: ',' }).data.flat();
        expect(cells.filter((c) => FORMULA_START.test(c))).toEqual([]);
        const decoded = (await decodeImport(new TextEncoder().encode(csv)));
        expect(decoded.interactions.map((row) => parseInteraction(row.value))).toEqual(interactions);
      }),
      { numRuns: 100 },
    );
  });

  it('the zip export holds contacts.csv and interactions.csv with a BOM and CRLF', async () => {
    const [c] = fc.sample(contact, { numRuns: 1, seed: 42 });
    const { blob } = await writeExport(arraySource({ contacts: [c!] }), { format: 'csv' });
    const files = unzip(new Uint8Array(await blob.arrayBuffer()));
    expect([...files.keys()]).toEqual(['contacts.csv', 'interactions.csv']);
    const contactsCsv = files.get('contacts.csv')!;
    expect([...contactsCsv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(contactsCsv)).toContain('id,displayName,givenName,familyName,emails,phones,linkedinUrl,company,companyId,title,location,industry,tags,owner,value.tier,value.loyalty,value.yearlyRevenue.amount,value.yearlyRevenue.currency,value.coverage,value.referredBy,pipeline.pipelineId,pipeline.stage,keepInTouchDays,preferences.wants,preferences.channels,preferences.maxFrequency.count,preferences.maxFrequency.days,preferences.quietUntil,preferences.bestTime,preferences.language,preferences.address,preferences.salutation,preferences.topics,preferences.newsletterConsent.granted,preferences.newsletterConsent.at,preferences.doNotContact,preferences.doNotContact.reason,preferences.doNotContact.since,about,lastInteractionAt,lastInteractionChannel,createdAt,updatedAt\r\n');
    const decoded = (await decodeImport(new Uint8Array(await blob.arrayBuffer())));
    expect(decoded.contacts.map((r) => parseContact(r.value))).toEqual([c]);
  });
});

/** What a vCard carries, with CR and CRLF as line feeds (vCard has only one line break, `\n`). */
function vcardFields(c: Contact) {
  const lf = (s: string | undefined) => s?.replace(/\r\n|\r/g, '\n');
  return validContact({
    id: c.id,
    displayName: lf(c.displayName),
    givenName: lf(c.givenName),
    familyName: lf(c.familyName),
    emails: c.emails,
    phones: c.phones.map(lf),
    company: lf(c.company),
    title: lf(c.title),
    linkedinUrl: c.linkedinUrl,
    location: lf(c.location),
    tags: c.tags.map(lf),
    about: lf(c.about),
    preferences: { language: c.preferences.language },
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  });
}

describe('vCard round trip (property)', () => {
  for (const version of ['4.0', '3.0'] as VCardVersion[]) {
    it(`vCard ${version}: contacts with hostile strings survive; no line over 75 octets`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(contact, { minLength: 1, maxLength: 4 }), async (contacts) => {
          const vcf = contacts.map((c) => encodeVCard(c, version)).join('');
          const bytes = new TextEncoder().encode(vcf);
          for (const physical of vcf.split('\r\n')) expect(new TextEncoder().encode(physical).length).toBeLessThanOrEqual(75);
          const decoded = (await decodeImport(bytes));
          expect(decoded.format).toBe('vcard');
          const back = decoded.contacts.map((row) =>
            vcardFields(validContact({ ...row.value, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z' })!),
          );
          const expected = contacts.map((c) => vcardFields(c));
          if (version === '3.0') for (const e of expected) if (e) e.preferences = { channels: [], topics: [] };
          expect(back).toEqual(expected);
        }),
        { numRuns: 120 },
      );
    });
  }
});

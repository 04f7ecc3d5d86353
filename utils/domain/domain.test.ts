import { describe, expect, it } from 'vitest';
import { ContactSchema } from './contact';
import { followUpState } from './followup';
import { isExactMatch, isNearMatch } from './identity';
import { InteractionSchema, sourceKeyOf } from './interaction';
import { canonicalLinkedInUrl, cleanText, normalizeEmail, searchWords } from './normalize';
import { pillarSummary, type RelationshipCheck } from './relationship-check';

const base = { id: 'ct_1', displayName: 'Jürgen Weiß', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };

describe('normalisation', () => {
  it('lower-cases emails and drops invisible characters', () => {
    expect(normalizeEmail('  Jane.Doe\u200B@Example.COM ')).toBe('jane.doe@example.com');
    expect(normalizeEmail('mailto:a@b.example')).toBe('a@b.example');
    expect(normalizeEmail('not an email')).toBe('');
  });
  it('canonicalises LinkedIn profile URLs', () => {
    for (const url of [
      'https://de.linkedin.com/in/Amara-Okafor-9b2a41?trk=x',
      'linkedin.com/in/amara-okafor-9b2a41',
      'https://www.linkedin.com/in/amara-okafor-9b2a41/overlay/about-this-profile/',
    ]) {
      expect(canonicalLinkedInUrl(url)).toBe('https://www.linkedin.com/in/amara-okafor-9b2a41/');
    }
    expect(canonicalLinkedInUrl('https://www.linkedin.com/company/acme/')).toBe('');
    expect(canonicalLinkedInUrl('https://evil.example/in/x')).toBe('');
  });
  it('removes bidi controls but keeps the name as written', () => {
    expect(cleanText('\u202EJürgen\u202C  Weiß ')).toBe('Jürgen Weiß');
  });
  it('folds accents for search words', () => {
    expect(searchWords('Jürgen Weiß', 'Ó Briain GmbH')).toEqual(['jurgen', 'weiss', 'o', 'briain', 'gmbh']);
  });
});

describe('contact schema', () => {
  it('normalises identities and fills defaults', () => {
    const c = ContactSchema.parse({ ...base, emails: ['J@X.example'], linkedinUrl: 'linkedin.com/in/jw' });
    expect(c.emails).toEqual(['j@x.example']);
    expect(c.linkedinUrl).toBe('https://www.linkedin.com/in/jw/');
    expect(c.preferences).toEqual({ channels: [], topics: [] });
    expect(c.tags).toEqual([]);
  });
  it('refuses bad values with a readable message', () => {
    const r = ContactSchema.safeParse({ ...base, emails: ['nope'], value: { tier: 'Z' } });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['emails.0', 'value.tier']));
  });
  it('refuses an empty or huge name', () => {
    expect(ContactSchema.safeParse({ ...base, displayName: '   ' }).success).toBe(false);
    expect(ContactSchema.safeParse({ ...base, displayName: 'x'.repeat(10_000) }).success).toBe(false);
  });
  it('keeps emoji and RTL names as written', () => {
    expect(ContactSchema.parse({ ...base, displayName: 'Li Wei 李伟 🚀' }).displayName).toBe('Li Wei 李伟 🚀');
    expect(ContactSchema.parse({ ...base, displayName: 'سارة' }).displayName).toBe('سارة');
  });
});

describe('interactions', () => {
  it('derives the dedupe key from site and message id', () => {
    expect(sourceKeyOf({ site: 'gmail', messageId: 'm1' })).toBe('gmail:m1');
    expect(sourceKeyOf({ site: 'gmail' })).toBeUndefined();
  });
  it('needs at least one contact', () => {
    const r = InteractionSchema.safeParse({
      id: 'ix_1', contactIds: [], kind: 'note', channel: 'other', direction: 'internal',
      occurredAt: '2026-01-01T00:00:00.000Z', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(r.success).toBe(false);
  });
});

describe('identity', () => {
  const contact = { emails: ['a@x.example'], linkedinUrl: 'https://www.linkedin.com/in/amara/', displayName: 'Amara Okafor', company: 'Okafor Logistics GmbH' };
  it('matches exactly by email or LinkedIn URL', () => {
    expect(isExactMatch(contact, { email: 'A@X.example' })).toBe(true);
    expect(isExactMatch(contact, { linkedinUrl: 'https://de.linkedin.com/in/Amara' })).toBe(true);
    expect(isExactMatch(contact, { email: 'b@x.example' })).toBe(false);
  });
  it('offers near matches by name and company', () => {
    expect(isNearMatch(contact, { name: 'okafor amara', company: 'Okafor Logistics' })).toBe(true);
    expect(isNearMatch(contact, { name: 'Amara Okafor', company: 'Other AG' })).toBe(false);
    expect(isNearMatch(contact, { name: 'Amara' })).toBe(false);
  });
});

describe('follow-ups and pillars', () => {
  it('is overdue from the day after its due date', () => {
    const now = new Date(2026, 10, 25, 9);
    expect(followUpState({ due: '2026-11-24' }, now)).toBe('overdue');
    expect(followUpState({ due: '2026-11-25' }, now)).toBe('open');
    expect(followUpState({ due: '2026-11-24', doneAt: '2026-11-24T10:00:00.000Z' }, now)).toBe('done');
  });
  it('names the weakest pillar from the latest scores', () => {
    const check = (at: string, pillars: RelationshipCheck['pillars']) =>
      ({ id: at, contactId: 'c', at, pillars, createdAt: at, updatedAt: at }) as RelationshipCheck;
    const summary = pillarSummary([
      check('2026-01-01T00:00:00.000Z', { factualInward: { score: 1, comment: '' }, emotionalOutward: { score: 4, comment: '' } }),
      check('2026-02-01T00:00:00.000Z', { factualInward: { score: 5, comment: 'fixed' }, factualOutward: { score: 3, comment: '' } }),
    ]);
    expect(summary.latest.factualInward?.score).toBe(5);
    expect(summary.weakest).toBe('factualOutward');
  });
});

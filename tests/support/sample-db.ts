// Test-only helpers (imported by *.test.ts files, never by the app).
import type { ContactId } from '../../utils/domain/common';
import { RapportDB } from '../../utils/db/db';
import { addCheck } from '../../utils/db/repos/checks';
import { upsertCompany } from '../../utils/db/repos/companies';
import { createContact } from '../../utils/db/repos/contacts';
import { addFollowUp } from '../../utils/db/repos/followups';
import { addInteraction, captureInteractions } from '../../utils/db/repos/interactions';
import { savePipeline } from '../../utils/db/repos/pipelines';
import type { Pipeline } from '../../utils/domain/contact';

export function freshDb(): RapportDB {
  return new RapportDB('test-' + crypto.randomUUID());
}

export const T0 = new Date('2026-03-01T09:00:00.000Z');

/** A small but complete database: every table, every kind of field. */
export async function seedSample(db: RapportDB) {
  const company = await upsertCompany(db, { name: 'Beispiel GmbH', domain: 'beispiel.example', industry: 'Maschinenbau' }, T0);
  await savePipeline(db, { id: 'partners' as Pipeline['id'], name: 'Partners', stages: ['talk', 'signed'] });
  const anna = await createContact(
    db,
    {
      displayName: 'Anna Weiß',
      givenName: 'Anna',
      familyName: 'Weiß',
      emails: ['anna.weiss@beispiel.example', 'anna@privat.example'],
      phones: ['+49 30 1234567'],
      linkedinUrl: 'https://www.linkedin.com/in/anna-weiss-example/',
      company: 'Beispiel GmbH',
      companyId: company.id,
      title: 'Leiterin Einkauf',
      location: 'Berlin',
      industry: 'Maschinenbau',
      tags: ['kunde', 'messe-2025'],
      owner: 'Max',
      value: { tier: 'A', yearlyRevenue: { amount: 120000, currency: 'EUR' }, loyalty: 'repeat-customer' },
      pipeline: { pipelineId: 'sales' as Pipeline['id'], stage: 'proposal' },
      keepInTouchDays: 30,
      preferences: {
        wants: 'relevant-only',
        channels: ['email', 'phone'],
        maxFrequency: { count: 2, days: 30 },
        quietUntil: '2026-04-01',
        bestTime: 'Dienstag vormittags',
        language: 'de',
        address: 'formal',
        salutation: 'Sehr geehrte Frau Weiß',
        topics: ['Wartung', 'Ersatzteile'],
        newsletterConsent: { granted: true, at: '2025-01-01T00:00:00.000Z' },
      },
      about: 'Met at Hannover Messe 2025.\nPrefers short emails; "no" means no.',
    },
    T0,
  );
  const ben = await createContact(
    db,
    {
      displayName: 'Ben Ó Briain',
      emails: ['ben@kunde.example'],
      tags: ['kunde'],
      value: { tier: 'B' },
      preferences: { channels: [], topics: [], doNotContact: { reason: '' } },
    },
    T0,
  );
  await addInteraction(db, { contactIds: [anna.id], kind: 'note', channel: 'other', direction: 'internal', occurredAt: '2026-02-01T10:00:00.000Z', text: 'Budget freigegeben' }, T0);
  await captureInteractions(
    db,
    [
      {
        contactIds: [anna.id, ben.id],
        kind: 'email',
        channel: 'email',
        direction: 'inbound',
        occurredAt: '2026-02-10T08:30:00.000Z',
        subject: 'Angebot =SUM(A1)',
        text: 'Hallo,\nanbei das Angebot.\n— Anna',
        source: { site: 'gmail', threadId: 't1', messageId: 'm1', url: 'https://mail.google.com/mail/u/0/#inbox/t1' },
        important: true,
        author: 'Anna Weiß',
      },
    ],
    T0,
  );
  await addFollowUp(db, { contactId: anna.id, due: '2026-03-10', what: 'Nachfassen Angebot' }, T0);
  await addCheck(db, { contactId: anna.id, pillars: { factualOutward: { score: 4, comment: 'Preise ok' }, emotionalOutward: { score: 2 } } }, T0);
  return { anna: anna.id as ContactId, ben: ben.id as ContactId, company };
}

/** Every table's rows, sorted by primary key. */
export async function dumpTables(db: RapportDB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

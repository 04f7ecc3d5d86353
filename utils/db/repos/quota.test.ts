import { databaseChecksum } from '../../../tests/support/db-checksum';
import { quotaMiddleware, type QuotaSwitch } from '../../../tests/support/quota';
import { freshDb, seedSample } from '../../../tests/support/sample-db';
import { errorMessage } from '../../../components/ui/ErrorText';
import { TransferError } from '../../transfer/errors';
import { decodeImport } from '../../transfer/import';
import type { RapportDB } from '../db';
import { addCheck } from './checks';
import { createContact, deleteContact, mergeContacts, updateContact } from './contacts';
import { addFollowUp } from './followups';
import { applyImport } from './import-apply';
import { planImport } from './import-plan';
import { addInteraction, captureInteractions } from './interactions';
import { isQuotaError } from './quota';

/*
 * A full disk, injected: a middleware refuses the Nth write of an operation with the browser's
 * QuotaExceededError, for every N until the operation fits. Each refusal must leave the database
 * exactly as it was (checksum of every table) and come with a message that says what to do.
 */

let injected = 0;
afterAll(() => {
  if (process.env.COUNT_QUOTA) process.stdout.write(`injected quota failures: ${injected}\n`);
});

async function underQuota(name: string, run: (db: RapportDB) => Promise<unknown>, prepare?: (db: RapportDB) => Promise<void>) {
  for (let allow = 0; allow < 50; allow++) {
    const db = freshDb();
    const quota: QuotaSwitch = { allow: Infinity, tables: [], refused: 0 };
    db.use(quotaMiddleware(quota));
    const { anna, ben } = await seedSample(db);
    await prepare?.(db);
    const before = await databaseChecksum(db);
    const counts = await Promise.all(db.tables.map((t) => t.count()));
    quota.allow = allow;
    let error: unknown;
    try {
      await run(Object.assign(db, { anna, ben }));
    } catch (e) {
      error = e;
    }
    quota.allow = Infinity;
    if (quota.refused === 0) {
      expect(error, `${name} succeeded once the disk had room`).toBeUndefined();
      expect(allow, `${name} writes at least once`).toBeGreaterThan(0);
      return allow;
    }
    injected++;
    expect(error, `${name}: refusal after ${allow} writes is reported`).toBeDefined();
    if (error instanceof TransferError) {
      expect(error.code).toBe('disk-full');
      expect(error.message).toMatch(/disk is full\. Free some disk space/);
    } else {
      expect(isQuotaError(error), `${name}: ${String(error)}`).toBe(true);
      expect(errorMessage(error)).toMatch(/disk is full\. Free some disk space.*Nothing was half-written/);
    }
    expect(await databaseChecksum(db), `${name}: nothing half-written after ${allow} writes`).toBe(before);
    expect(await Promise.all(db.tables.map((t) => t.count()))).toEqual(counts);
  }
  throw new Error(`${name} never fit`);
}

type Seeded = RapportDB & { anna: never; ben: never };

describe('full disk (QuotaExceededError injected at every write of an operation)', () => {
  it('an edit, a new contact, a note, a follow-up, a check, a merge and an erase', async () => {
    await underQuota('create', (db) => createContact(db, { displayName: 'Neu', emails: ['neu@x.example'] }));
    await underQuota('edit', (db) => updateContact(db, (db as Seeded).anna, { tags: ['a', 'b'], about: 'changed' }));
    await underQuota('note', (db) => addInteraction(db, { contactIds: [(db as Seeded).anna], kind: 'note', channel: 'other', direction: 'internal', occurredAt: '2026-05-01T10:00:00.000Z', text: 'x' }));
    await underQuota('follow-up', (db) => addFollowUp(db, { contactId: (db as Seeded).anna, due: '2026-06-01', what: 'call' }));
    await underQuota('check', (db) => addCheck(db, { contactId: (db as Seeded).ben, pillars: { factualOutward: { score: 3 } } }));
    await underQuota('merge', (db) => mergeContacts(db, (db as Seeded).anna, (db as Seeded).ben));
    await underQuota('erase', (db) => deleteContact(db, (db as Seeded).anna));
  });

  it('a capture of a thread', async () => {
    const thread = (db: RapportDB) =>
      captureInteractions(
        db,
        [1, 2, 3].map((n) => ({
          contactIds: [(db as Seeded).anna, (db as Seeded).ben],
          kind: 'email' as const,
          channel: 'email' as const,
          direction: 'inbound' as const,
          occurredAt: `2026-04-0${n}T10:00:00.000Z`,
          text: `message ${n}`,
          source: { site: 'gmail' as const, threadId: 'tq', messageId: `mq${n}`, url: 'https://mail.google.com/mail/u/0/#inbox/tq' },
        })),
      );
    const writes = await underQuota('capture', thread);
    expect(writes).toBeGreaterThan(1);
  });

  it('an import', async () => {
    const csv = 'First Name,Last Name,Email Address,Company,Position,Connected On\n' + Array.from({ length: 30 }, (_, i) => `P${i},Q,p${i}@imp.example,Co,T,01 Jan 2024`).join('\n');
    const writes = await underQuota('import', async (db) => {
      const plan = await planImport(db, await decodeImport(new TextEncoder().encode(csv)));
      return applyImport(db, plan, { chunkSize: 7 });
    });
    expect(writes).toBeGreaterThan(3);
    expect(injected).toBeGreaterThanOrEqual(20);
  });
});

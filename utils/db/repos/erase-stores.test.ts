import type { ContactId } from '../../domain/common';
import { freshDb, seedSample } from '../../../tests/support/sample-db';
import type { RapportDB } from '../db';
import { addCheck } from './checks';
import { createContact, deleteContact } from './contacts';
import { exportDatabase } from './export-source';
import { addFollowUp } from './followups';
import { addInteraction, captureInteractions } from './interactions';
import { searchContacts } from './contacts';

/*
 * Erase leaves no trace: after deleteContact, no object store (records as stored, with their
 * derived search words), no index key (the words index included), and no backup made afterwards
 * holds the person's name, email or notes. Read with bare IndexedDB, below Dexie and its hooks.
 */

/** Every stored value and every index key of every store, as text, read with bare IndexedDB. */
async function everything(db: RapportDB): Promise<string[]> {
  const raw = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(db.name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const texts: string[] = [];
  const names = [...raw.objectStoreNames];
  const tx = raw.transaction(names);
  const walk = (request: IDBRequest<IDBCursor | null>, read: (cursor: IDBCursor) => unknown, where: string) =>
    new Promise<void>((resolve, reject) => {
      request.onsuccess = () => {
        const cursor = request.result;
        if (!cursor) return resolve();
        texts.push(`${where} ${JSON.stringify(read(cursor))}`);
        cursor.continue();
      };
      request.onerror = () => reject(request.error);
    });
  for (const name of names) {
    const store = tx.objectStore(name);
    await walk(store.openCursor() as IDBRequest<IDBCursor | null>, (c) => [c.primaryKey, (c as IDBCursorWithValue).value], name);
    for (const index of [...store.indexNames]) await walk(store.index(index).openKeyCursor(), (c) => c.key, `${name}.${index}`);
  }
  raw.close();
  return texts;
}

const SECRETS = ['Zacharias', 'Quenneville', 'zacharias.q@secret.example', 'Lieblingsfarbe ultramarin', 'Gehaltsvorstellung', 'Sonnenblumenfeld'];

async function seedPerson(db: RapportDB) {
  const { anna } = await seedSample(db);
  const z = await createContact(db, {
    displayName: 'Zacharias Quenneville',
    givenName: 'Zacharias',
    familyName: 'Quenneville',
    emails: ['zacharias.q@secret.example'],
    tags: ['vip'],
    about: 'Lieblingsfarbe ultramarin',
  });
  await addInteraction(db, { contactIds: [z.id], kind: 'note', channel: 'other', direction: 'internal', occurredAt: '2026-02-02T10:00:00.000Z', text: 'Gehaltsvorstellung besprochen' });
  await captureInteractions(db, [
    {
      contactIds: [z.id],
      kind: 'email',
      channel: 'email',
      direction: 'inbound',
      occurredAt: '2026-02-03T10:00:00.000Z',
      subject: 'Sonnenblumenfeld',
      text: 'Grüße, Zacharias',
      source: { site: 'gmail', threadId: 'tz', messageId: 'mz', url: 'https://mail.google.com/mail/u/0/#inbox/tz' },
      author: 'Zacharias Quenneville',
    },
  ]);
  // Shared with Anna: stays on her timeline, without him as its author.
  await addInteraction(db, { contactIds: [z.id, anna], kind: 'meeting', channel: 'in-person', direction: 'internal', occurredAt: '2026-02-04T10:00:00.000Z', text: 'Messestand besucht', author: 'Zacharias Quenneville' });
  await addFollowUp(db, { contactId: z.id, due: '2026-03-10', what: 'Sonnenblumenfeld nachfassen' });
  await addCheck(db, { contactId: z.id, pillars: { factualOutward: { score: 3, comment: 'Gehaltsvorstellung hoch' } } });
  return { z: z.id as ContactId, anna };
}

describe('erase leaves no trace', () => {
  it('after deleteContact no store, index, search entry or later backup holds the name, email or notes', async () => {
    const db = freshDb();
    const { z, anna } = await seedPerson(db);
    const before = (await everything(db)).join('\n');
    for (const secret of SECRETS) expect(before, `the test finds ${secret} before`).toContain(secret);
    expect((await searchContacts(db, 'zacharias')).map((c) => c.id)).toEqual([z]);

    await deleteContact(db, z);

    const after = await everything(db);
    for (const secret of [...SECRETS, z]) {
      const hits = after.filter((t) => t.toLowerCase().includes(secret.toLowerCase()));
      expect(hits, `${secret} left in`).toEqual([]);
    }
    expect(await searchContacts(db, 'zacharias')).toEqual([]);
    expect(await searchContacts(db, 'quenneville')).toEqual([]);
    const backup = await (await exportDatabase(db, { format: 'json' })).blob.text();
    for (const text of SECRETS) expect(backup.toLowerCase()).not.toContain(text.toLowerCase());
    // The shared meeting is still Anna's.
    const shared = await db.interactions.where('contactIds').equals(anna).toArray();
    expect(shared.map((i) => i.text)).toContain('Messestand besucht');
  });
});

import { describe, expect, it } from 'vitest';
import type { ContactId } from '../../domain/common';
import type { RapportDB } from '../db';
import { addCheck } from './checks';
import { createContact, getContact, updateContact } from './contacts';
import { eraseContact } from './erase';
import { addFollowUp } from './followups';
import { addInteraction, timeline } from './interactions';
import { search } from './search';
import { moveToStage } from './stages';
import { freshNotebook } from '../../../tests/support/fresh-db';

let db: RapportDB;
freshNotebook((fresh) => (db = fresh));

/** Every stored value and every index key of every table, read below Dexie (words included). */
async function rawDump(): Promise<string> {
  const idb = db.backendDB();
  const names = [...idb.objectStoreNames];
  const tx = idb.transaction(names, 'readonly');
  const all = (req: IDBRequest) => new Promise<unknown>((resolve, reject) => ((req.onsuccess = () => resolve(req.result)), (req.onerror = () => reject(req.error))));
  const parts: unknown[] = [];
  for (const name of names) {
    const store = tx.objectStore(name);
    parts.push(name, await all(store.getAll()), await all(store.getAllKeys()));
    for (const index of [...store.indexNames]) parts.push(index, await all(store.index(index).getAllKeys()), await all(store.index(index).getAll()));
  }
  return JSON.stringify(parts).toLowerCase();
}

/** Index keys (as opposed to primary keys) of an index: the words a search would find. */
async function indexKeys(table: 'contacts' | 'interactions'): Promise<string[]> {
  return (await db.table(table).orderBy('words').keys()) as string[];
}

describe('erase (GDPR Art. 17)', () => {
  it('removes the contact and everything only theirs; no table or index holds their name, email or note text', async () => {
    const gone = await createContact(db, { displayName: 'Zebulon Quaxter', emails: ['zebulon@quaxter.example'], tags: ['quaxtag'], about: 'Quaxabout' });
    const stays = await createContact(db, { displayName: 'Anna Weiß', emails: ['anna@x.example'] });
    await updateContact(db, stays.id, { value: { referredBy: gone.id } });
    await addInteraction(db, { contactIds: [gone.id], kind: 'note', channel: 'other', direction: 'internal', occurredAt: '2026-01-01T00:00:00.000Z', text: 'Geheimnisnotiz Flurbereinigung' });
    await addInteraction(db, { contactIds: [gone.id], kind: 'email', channel: 'email', direction: 'inbound', occurredAt: '2026-01-02T00:00:00.000Z', subject: 'Quaxsubject', source: { site: 'gmail', messageId: 'quaxmsg' } });
    const shared = await addInteraction(db, { contactIds: [gone.id, stays.id], kind: 'meeting', channel: 'in-person', direction: 'outbound', occurredAt: '2026-01-03T00:00:00.000Z', text: 'Termin mit beiden' });
    await addFollowUp(db, { contactId: gone.id, due: '2026-12-01', what: 'Quaxfollowup anrufen' });
    await addCheck(db, { contactId: gone.id, pillars: { factualInward: { score: 3, comment: 'Quaxcheck' } } });
    await moveToStage(db, gone.id, 'sales' as never, 'proposal');
    const before = await rawDump();
    for (const text of ['zebulon', 'quaxter', 'geheimnisnotiz', 'quaxsubject', 'quaxfollowup', 'quaxtag', 'quaxabout', 'quaxcheck', gone.id.toLowerCase()]) expect(before).toContain(text);

    await eraseContact(db, gone.id);

    const after = await rawDump();
    for (const text of ['zebulon', 'quaxter', 'geheimnisnotiz', 'flurbereinigung', 'quaxsubject', 'quaxmsg', 'quaxfollowup', 'quaxcheck', 'quaxtag', 'quaxabout', gone.id.toLowerCase()]) {
      expect(after, text).not.toContain(text);
    }
    expect(await getContact(db, gone.id)).toBeUndefined();
    expect(await search(db, 'zebulon')).toEqual([]);
    expect(await search(db, 'geheimnisnotiz')).toEqual([]);
    expect((await indexKeys('contacts')).filter((w) => w.includes('quax') || w.includes('zebulon'))).toEqual([]);
    expect((await indexKeys('interactions')).filter((w) => w.includes('quax') || w.includes('geheimnis'))).toEqual([]);
    // The shared meeting stays on the other contact's timeline, without the erased one.
    expect((await timeline(db, stays.id)).map((i) => [i.id, i.contactIds])).toEqual([[shared.id, [stays.id]]]);
    expect((await getContact(db, stays.id))?.value.referredBy).toBeUndefined();
    expect(await timeline(db, gone.id as ContactId)).toEqual([]);
  });
});

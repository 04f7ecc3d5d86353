import { MIGRATIONS } from '../../utils/db/migrations';
import { describe, expect, it } from 'vitest';
import { RapportDB } from '../../utils/db/db';
import { findByEmail } from '../../utils/db/repos/contacts';
import { continueSearchBackfill, search } from '../../utils/db/repos/search';
import { foldForSearch } from '../../utils/domain/normalize';
import { queryTerms } from '../../utils/domain/search';
import {
  benchCancelImport,
  benchCapture,
  benchContact,
  benchContactId,
  benchExportInteractions,
  benchImportContacts,
  benchImportFloor,
  benchMiniSearch,
  benchNote,
  benchQueries,
  seedNotebook,
  writeSchema4Notebook,
} from '../bench/page/cases';
import { databaseChecksum } from '../support/db-checksum';
import { freshDb } from '../support/sample-db';

/** The notes whose words start with every term of the query, read from the `*words` index. */
async function noteKeys(db: RapportDB, query: string): Promise<Set<string>> {
  let keys: Set<string> | undefined;
  for (const term of queryTerms(query)) {
    const found = (await db.interactions.where('words').startsWith(term).primaryKeys()) as string[];
    keys = keys ? new Set(found.filter((key) => keys!.has(key))) : new Set(found);
  }
  return keys ?? new Set();
}

// The bench's functions at a small size (the real numbers come from Chromium: `npm run bench`).
describe('bench cases', () => {
  it('imports n LinkedIn connections, reporting progress to the end, and the search finds them', async () => {
    const db = freshDb();
    const result = await benchImportContacts(db, 2000);
    expect(result.imported).toBe(2000);
    expect(await db.contacts.count()).toBe(2000);
    expect(result.progress.plan).toBeGreaterThan(0);
    expect(result.progress.write).toBeGreaterThan(0);
    expect(result.progress.lastWrite).toEqual({ phase: 'write', done: 2000, total: 2000 });
    const jurgen = benchContact(1);
    expect(jurgen.displayName).toBe('Jürgen Müller');
    const hits = await search(db, 'jurgen muller', 100);
    expect(hits.map((h) => h.contact.displayName)).toContain('Jürgen Müller');
  });

  it('import floor: the same contacts through Dexie and with bare IndexedDB, with and without the indexes', async () => {
    const db = freshDb();
    const result = await benchImportFloor(db, 500);
    expect(result.records).toBe(500);
    // The schema-5 contact indexes, the words index among them.
    expect(result.indexes).toBe(db.contacts.schema.indexes.length);
    expect(db.contacts.schema.indexes.map((i) => i.name)).toContain('words');
    expect(result.wordEntries).toBeGreaterThan(500 * 5);
    // The Dexie write went into the (empty) database; the bare ones into scratch databases.
    expect(await db.contacts.count()).toBe(500);
    expect(await db.contacts.where('words').startsWith('nordwind').count()).toBeGreaterThan(0);
  });

  it('cancels an import during its write and leaves the database exactly as it was', async () => {
    const db = freshDb();
    await seedNotebook(db, 50, 200);
    const before = await databaseChecksum(db);
    const result = await benchCancelImport(db, 1200, 0.5);
    expect(result.error).toBe('Cancelled');
    expect(result.cancelledAtDone).toBeGreaterThan(0);
    expect(result.cancelledAtDone).toBeLessThan(result.total);
    expect(await databaseChecksum(db)).toBe(before);
    expect(await db.contacts.count()).toBe(50);
  });

  it('seeds a notebook of German and English names and sales notes the queries find, adding only what is missing', async () => {
    const db = freshDb();
    const first = await seedNotebook(db, 300, 1500);
    expect(first).toMatchObject({ contactsAdded: 300, notesAdded: 1500 });
    const more = await seedNotebook(db, 300, 2000);
    expect(more).toMatchObject({ contactsAdded: 0, notesAdded: 500 });
    expect(await db.interactions.count()).toBe(2000);
    // Deterministic: the same note every time.
    expect(benchNote(7, 300)).toEqual(benchNote(7, 300));
    const notes = Array.from({ length: 200 }, (_, i) => benchNote(i, 300).text).join('\n');
    expect(notes).toMatch(/Rahmenvertrag/);
    expect(notes).toMatch(/renewal|Renewal/);
    // Each bench query finds someone (for a contact this notebook has).
    for (const query of benchQueries(151)) {
      expect((await search(db, query, 20)).length, query).toBeGreaterThan(0);
    }
    // Diacritics aside: "muller" finds Müller, "rahmenv" finds notes about a Rahmenvertrag.
    const muller = await search(db, 'muller', 20);
    expect(muller.some((h) => h.contact.familyName === 'Müller' && !h.note)).toBe(true);
    const rahmen = await search(db, 'rahmenv', 20);
    expect(rahmen.some((h) => h.note?.line.includes('Rahmenvertrag'))).toBe(true);
    // The email-address query finds its contact when the notebook has them.
    const probe = benchContact(120);
    const email = probe.emails[0]!;
    expect((await search(db, email.slice(0, email.indexOf('@') + 3), 5)).map((h) => h.contact.id)).toEqual([probe.id]);
  });

  it('saves a 30-message conversation once; saving it again stores nothing twice', async () => {
    const db = freshDb();
    await seedNotebook(db, 10, 0);
    expect(await benchCapture(db, benchContactId(3), 1)).toMatchObject({ stored: 30 });
    expect(await benchCapture(db, benchContactId(3), 1)).toMatchObject({ stored: 0 });
    expect(await db.interactions.count()).toBe(30);
    expect(await db.interactionLinks.where('contactId').equals(benchContactId(3)).count()).toBe(30);
  });

  it('writes a schema-4 notebook with the frozen page layout that opens as schema 5 with every record', async () => {
    const name = `bench-v4-${crypto.randomUUID()}`;
    await writeSchema4Notebook(name, 500, 800);
    const db = new RapportDB(name);
    await db.open();
    expect(db.verno).toBe(MIGRATIONS.length);
    expect(await db.contacts.count()).toBe(500);
    expect(await db.interactions.count()).toBe(800);
    const probe = benchContact(497);
    expect((await findByEmail(db, probe.emails[0]!))?.id).toBe(probe.id);
    // The notes' words come from the backfill that follows the upgrade.
    await continueSearchBackfill(db);
    expect((await search(db, 'rahmenvertrag', 5)).length).toBeGreaterThan(0);
    db.close();
  });

  it('MiniSearch finds the notes the words index finds, for the note queries', async () => {
    const db = freshDb();
    await seedNotebook(db, 300, 2000);
    const queries = ['rahmenv', 'angebot rabatt', 'renewal pricing', 'kühlsys'];
    const r = benchMiniSearch(2000, 300, queries, 2);
    expect(r.index.documentCount).toBe(2000);
    for (const [i, query] of queries.entries()) {
      const expected = await noteKeys(db, query);
      expect(expected.size, query).toBeGreaterThan(0);
      expect(r.hits[i], query).toBe(expected.size);
      expect(new Set(r.index.search(query).map((hit) => hit.id as string))).toEqual(expected);
    }
    expect(foldForSearch('Kühlsystem')).toBe('kuhlsystem');
  });

  it('exports n interactions', async () => {
    const db = freshDb();
    const result = await benchExportInteractions(db, 3000, 'json', 100);
    expect(await db.interactions.count()).toBe(3000);
    expect(result.records).toBeGreaterThanOrEqual(3000 + 100);
    expect(result.bytes).toBeGreaterThan(3000 * 100);
  });
});

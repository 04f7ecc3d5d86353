import { benchExportInteractions, benchImportContacts, benchImportFloor } from '../bench/page/cases';
import { freshDb } from '../support/sample-db';

// Smoke test of the bench entry points at a small size (the real numbers come from Chromium).
describe('bench functions', () => {
  it('import n contacts', async () => {
    const db = freshDb();
    const result = await benchImportContacts(db, 2000);
    expect(result.imported).toBe(2000);
    expect(await db.contacts.count()).toBe(2000);
    expect(await db.contacts.where('emails').equals('person7@bench7.example').toArray()).toHaveLength(1);
  });

  it('import floor: the same records with bare IndexedDB', async () => {
    const db = freshDb();
    const result = await benchImportFloor(db, 500);
    expect(result.records).toBe(500);
    // An email and a LinkedIn URL per generated row: the only contacts index entries an import writes.
    expect(result.indexEntries).toBe(500 * 2);
    // The plan is made against the database, which stays empty.
    expect(await db.contacts.count()).toBe(0);
  });

  it('export n interactions', async () => {
    const db = freshDb();
    const result = await benchExportInteractions(db, 5000);
    expect(result.records).toBe(5000 + 50 + 0);
    expect(result.bytes).toBeGreaterThan(5000 * 100);
  });
});

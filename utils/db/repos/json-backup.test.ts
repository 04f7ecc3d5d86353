import { readFileSync } from 'node:fs';
import { databaseChecksum } from '../../../tests/support/db-checksum';
import { applyImport } from './import-apply';
import { planImport, summarize } from './import-plan';
import { exportDatabase } from './export-source';
import { decodeImport } from '../../transfer/import';
import { dumpTables, freshDb, seedSample } from '../../../tests/support/sample-db';
import { TransferError } from '../../transfer/errors';

async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

describe('JSON backup', () => {
  it('export → import into an empty database gives an identical database', async () => {
    const source = freshDb();
    await seedSample(source);
    const { blob, fileName } = await exportDatabase(source, { format: 'json', appVersion: '0.1.0' });
    expect(fileName).toMatch(/^rapport-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const envelope = JSON.parse(await blob.text());
    expect(envelope).toMatchObject({ format: 'rapport-backup', version: 2, appVersion: '0.1.0' });

    const target = freshDb();
    const plan = await planImport(target, (await decodeImport(await bytesOf(blob))));
    expect(summarize(plan)).toMatchObject({ new: 2, matched: 0, duplicate: 0, invalid: 0, interactions: 2, followUps: 1, checks: 1, companies: 1 });
    const report = await applyImport(target, plan);
    expect(report).toMatchObject({ imported: 2, updated: 0, skipped: 0, errors: 0 });
    const before = await dumpTables(source);
    const after = await dumpTables(target);
    delete before.meta;
    delete after.meta;
    expect(after).toEqual(before);
  });

  it('importing the same backup again changes nothing and reports duplicates', async () => {
    const db = freshDb();
    await seedSample(db);
    const { blob } = await exportDatabase(db, { format: 'json' });
    const checksum = await databaseChecksum(db);
    const plan = await planImport(db, (await decodeImport(await bytesOf(blob))));
    expect(summarize(plan)).toMatchObject({ new: 0, matched: 0, duplicate: 2, invalid: 0, interactions: 0, alreadyPresent: 8 });
    await applyImport(db, plan);
    expect(await databaseChecksum(db)).toBe(checksum);
  });

  it('imports a version 1 backup (migrated up)', async () => {
    const db = freshDb();
    const bytes = readFileSync('tests/fixtures/imports/rapport-backup-v1.json');
    const decoded = (await decodeImport(new Uint8Array(bytes)));
    expect(decoded.formatVersion).toBe(1);
    const plan = await planImport(db, decoded);
    expect(plan.invalid).toEqual([]);
    await applyImport(db, plan);
    const carla = await db.contacts.get('ct_v1-carla' as never);
    expect(carla).toMatchObject({ displayName: 'Carla Neumann', emails: ['carla@altkunde.example'], about: 'Kennt uns seit 2019' });
    expect(await db.interactions.get('ix_v1-1' as never)).toMatchObject({ contactIds: ['ct_v1-carla'], department: 'sales' });
    expect(await db.interactionLinks.count()).toBe(2);
    expect(await db.followUps.get('fu_v1-1' as never)).toMatchObject({ doneAt: '2024-05-02T10:00:00.000Z' });
  });

  it('refuses a backup from a newer Rapport, naming the version', async () => {
    const text = JSON.stringify({ format: 'rapport-backup', version: 99, exportedAt: '2030-01-01T00:00:00Z', appVersion: '9.0', data: {} });
    await expect(decodeImport(new TextEncoder().encode(text))).rejects.toThrowError(/newer Rapport \(format version 99\)/);
  });

  it("refuses another app's JSON", async () => {
    const text = JSON.stringify({ contacts: [{ name: 'x' }] });
    try {
      (await decodeImport(new TextEncoder().encode(text)));
      expect.fail('should throw');
    } catch (error) {
      expect(error).toBeInstanceOf(TransferError);
      expect((error as TransferError).code).toBe('not-rapport');
    }
  });

  it('names the line of a JSON syntax error', async () => {
    const text = '{\n"format": "rapport-backup",\n"version": 2,,\n}';
    await expect(decodeImport(new TextEncoder().encode(text))).rejects.toThrowError(/^Line 3: the file is not valid JSON/);
  });
});

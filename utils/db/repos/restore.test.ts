import { readFileSync } from 'node:fs';
import { databaseChecksum } from '../../../tests/support/db-checksum';
import { quotaMiddleware } from '../../../tests/support/quota';
import { dumpTables, freshDb, seedSample } from '../../../tests/support/sample-db';
import { TransferError } from '../../transfer/errors';
import { streamJsonBackup } from '../../transfer/json-stream';
import { applyImport } from './import-apply';
import { planImport } from './import-plan';
import { decodeImport } from '../../transfer/import';
import { exportDatabase } from './export-source';
import { isNotebookEmpty, recoverInterruptedRestore, RESTORE_MARKER, restoreBackup } from './restore';
import type { RapportDB } from '../db';
import { parseContact } from './contacts';
import { parseInteraction } from './interactions';

async function backupOf(db: RapportDB): Promise<Blob> {
  return (await exportDatabase(db, { format: 'json', appVersion: '0.1.0' })).blob;
}

async function withoutMeta(db: RapportDB) {
  const tables = await dumpTables(db);
  delete tables.meta;
  return tables;
}

/** A stream of `text` in pieces of `size` bytes (pieces cut anywhere: inside strings, keys, UTF-8 sequences). */
function pieces(text: string, size: number): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(TransferError);
    return (error as TransferError).code;
  }
  throw new Error('expected a TransferError');
}

/** A larger notebook: many contacts and interactions, so batches and pieces cut everywhere. */
async function seedMany(db: RapportDB, contacts: number, perContact: number) {
  await seedSample(db);
  const now = '2026-03-01T09:00:00.000Z';
  await db.contacts.bulkAdd(
    Array.from({ length: contacts }, (_, i) => parseContact({
      id: `ct_many-${i}`,
      ...(perContact > 0 ? { lastInteractionAt: new Date(Date.UTC(2025, 0, perContact)).toISOString(), lastInteractionChannel: 'other' } : {}),
      displayName: `Person ${i} “Zoë” \\ "quoted"`,
      emails: [`p${i}@many.example`],
      phones: [],
      tags: ['many', `t${i % 7}`],
      about: `Notes with a newline\nand a brace } and bracket ] for ${i}`,
      createdAt: now,
      updatedAt: now,
    })),
  );
  const interactions = [];
  const links = [];
  for (let i = 0; i < contacts; i++) {
    for (let k = 0; k < perContact; k++) {
      const id = `ix_many-${i}-${k}`;
      const occurredAt = new Date(Date.UTC(2025, 0, 1 + k)).toISOString();
      interactions.push(parseInteraction({ id, contactIds: [`ct_many-${i}`], kind: 'note', channel: 'other', direction: 'internal', occurredAt, text: `Met ${i}/${k} ✓`, createdAt: now, updatedAt: now }));
      links.push({ contactId: `ct_many-${i}`, interactionId: id, occurredAt });
    }
  }
  await db.interactions.bulkAdd(interactions);
  await db.interactionLinks.bulkAdd(links);
}

describe('streaming restore of a JSON backup', () => {
  it('restores an export into an empty notebook: every table identical (ids, timestamps, everything)', async () => {
    const source = freshDb();
    await seedMany(source, 120, 5);
    const blob = await backupOf(source);
    const target = freshDb();
    const progress: number[] = [];
    const report = await restoreBackup(target, blob, { batchSize: 37, onProgress: (p) => progress.push(p.done) });
    expect(report).toMatchObject({ contacts: 122, interactions: 602, followUps: 1, checks: 1, companies: 1, pipelines: 3, leftOut: 0, formatVersion: 2 });
    expect(await withoutMeta(target)).toEqual(await withoutMeta(source));
    expect(await target.meta.get(RESTORE_MARKER)).toBeUndefined();
    expect(progress.at(-1)).toBe(blob.size);
  });

  it('reads the stream in pieces cut anywhere, giving the records a whole-file decode gives', async () => {
    const source = freshDb();
    await seedMany(source, 30, 3);
    const text = await (await backupOf(source)).text();
    const whole = await decodeImport(new TextEncoder().encode(text));
    for (const size of [1, 7, 64, 4096]) {
      const seen: Record<string, unknown[]> = {};
      await streamJsonBackup(
        pieces(text, size),
        async (batch, table) => {
          (seen[table] ??= []).push(...batch[table].map((r) => r.value));
        },
        { batchSize: 11 },
      );
      for (const table of ['contacts', 'interactions', 'followUps', 'checks', 'companies', 'pipelines'] as const) {
        expect(seen[table] ?? [], `${table} in pieces of ${size}`).toEqual(whole[table].map((r) => r.value));
      }
    }
  });

  it('restores a pretty-printed backup and a version 1 backup (every format version)', async () => {
    const source = freshDb();
    await seedSample(source);
    const pretty = JSON.stringify(JSON.parse(await (await backupOf(source)).text()), null, 2);
    const target = freshDb();
    await restoreBackup(target, new Blob([pretty]), { batchSize: 1 });
    expect(await withoutMeta(target)).toEqual(await withoutMeta(source));

    const v1 = readFileSync('tests/fixtures/imports/rapport-backup-v1.json');
    const viaStream = freshDb();
    const report = await restoreBackup(viaStream, new Blob([v1]));
    expect(report).toMatchObject({ formatVersion: 1, contacts: 2, interactions: 2, leftOut: 0 });
    const viaImport = freshDb();
    await applyImport(viaImport, await planImport(viaImport, await decodeImport(new Uint8Array(v1)), { now: new Date(0) }));
    const a = await withoutMeta(viaStream);
    const b = await withoutMeta(viaImport);
    expect(a.contacts).toEqual(b.contacts);
    expect(a.interactions).toEqual(b.interactions);
    expect(a.interactionLinks).toEqual(b.interactionLinks);
    expect((a.followUps as { id: string }[]).map((f) => f.id)).toEqual((b.followUps as { id: string }[]).map((f) => f.id));
  });

  it('cancel part-way leaves the notebook empty, as it was', async () => {
    const source = freshDb();
    await seedMany(source, 60, 4);
    const blob = await backupOf(source);
    const target = freshDb();
    const controller = new AbortController();
    let batches = 0;
    const restoring = restoreBackup(target, blob, {
      batchSize: 20,
      signal: controller.signal,
      onProgress: () => {
        if (++batches === 2) controller.abort();
      },
    });
    expect(await codeOf(restoring)).toBe('cancelled');
    expect(await isNotebookEmpty(target)).toBe(true);
    expect(await target.meta.get(RESTORE_MARKER)).toBeUndefined();
  });

  it('a damaged record, a cut-off file or a full disk part-way leave the notebook empty', async () => {
    const source = freshDb();
    await seedMany(source, 60, 4);
    const text = await (await backupOf(source)).text();
    const lines = text.split('\n');
    const damaged = [...lines.slice(0, 200), '{"id": "ix_broken", oops},', ...lines.slice(200)].join('\n');
    const cut = text.slice(0, Math.floor(text.length * 0.7));

    for (const [name, file, code] of [
      ['damaged', damaged, 'json-syntax'],
      ['cut off', cut, 'json-syntax'],
    ] as const) {
      const target = freshDb();
      expect(await codeOf(restoreBackup(target, new Blob([file]), { batchSize: 25 })), name).toBe(code);
      expect(await isNotebookEmpty(target), name).toBe(true);
    }

    const full = freshDb();
    const quota = { allow: 5, tables: ['interactions'], refused: 0 };
    full.use(quotaMiddleware(quota));
    const error = await restoreBackup(full, new Blob([text]), { batchSize: 25 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransferError);
    expect((error as TransferError).code).toBe('disk-full');
    expect((error as TransferError).message).toMatch(/disk is full.*Free some disk space/);
    expect(quota.refused).toBeGreaterThan(0);
    quota.allow = Infinity;
    expect(await isNotebookEmpty(full)).toBe(true);
  });

  it('refuses a notebook that holds contacts, changing nothing; and refuses JSON that is not ours', async () => {
    const source = freshDb();
    await seedSample(source);
    const blob = await backupOf(source);
    const before = await databaseChecksum(source);
    expect(await codeOf(restoreBackup(source, blob))).toBe('not-empty');
    expect(await databaseChecksum(source)).toBe(before);

    const empty = freshDb();
    expect(await codeOf(restoreBackup(empty, new Blob(['{"contacts": [{"name": "x"}]}'])))).toBe('not-rapport');
    expect(await codeOf(restoreBackup(empty, new Blob(['{"format": "rapport-backup", "version": 99, "exportedAt": "x", "appVersion": "9", "data": {}}'])))).toBe('future-version');
    expect(await codeOf(restoreBackup(empty, new Blob(['[1, 2]'])))).toBe('not-rapport');
    expect(await isNotebookEmpty(empty)).toBe(true);
  });

  it('a restore interrupted by a closed page is cleared the next time', async () => {
    const source = freshDb();
    await seedSample(source);
    const target = freshDb();
    await target.meta.put({ key: RESTORE_MARKER, value: { startedAt: 'x' } });
    await target.contacts.bulkAdd(await source.contacts.toArray());
    expect(await recoverInterruptedRestore(target)).toBe(true);
    expect(await isNotebookEmpty(target)).toBe(true);
    expect(await recoverInterruptedRestore(target)).toBe(false);
    // Without the marker a notebook is never cleared.
    expect(await recoverInterruptedRestore(source)).toBe(false);
    expect(await source.contacts.count()).toBe(2);
  });
});

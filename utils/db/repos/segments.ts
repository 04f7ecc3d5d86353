import type { ContactId, PipelineId } from '../../domain/common';
import { SavedSegmentSchema, type SavedSegment } from '../../domain/segment';
import type { RapportDB } from '../db';
import { updateContact } from './contacts';
import { ValidationError } from './errors';
import { moveToStage } from './stages';

const KEY = 'segments';

/** The user's saved segments, by name. */
export async function listSavedSegments(db: RapportDB): Promise<SavedSegment[]> {
  const row = await db.meta.get(KEY);
  const parsed = SavedSegmentSchema.array().safeParse(row?.value ?? []);
  return parsed.success ? parsed.data : [];
}

/** Saves (or replaces, by name) a segment. */
export async function saveSegment(db: RapportDB, saved: SavedSegment): Promise<SavedSegment[]> {
  const result = SavedSegmentSchema.safeParse(saved);
  if (!result.success) throw ValidationError.fromZod('segment', result.error);
  return db.transaction('rw', db.meta, async () => {
    const list = (await listSavedSegments(db)).filter((s) => s.name !== result.data.name);
    list.push(result.data);
    list.sort((a, b) => a.name.localeCompare(b.name));
    await db.meta.put({ key: KEY, value: list });
    return list;
  });
}

export async function deleteSavedSegment(db: RapportDB, name: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await db.meta.put({ key: KEY, value: (await listSavedSegments(db)).filter((s) => s.name !== name) });
  });
}

/** A bulk action on selected contacts. */
export type BulkAction =
  | { kind: 'add-tag'; tag: string }
  | { kind: 'remove-tag'; tag: string }
  | { kind: 'set-owner'; owner: string }
  | { kind: 'set-stage'; pipelineId: PipelineId; stage: string };

/** Applies one action to every selected contact in one transaction (all or nothing). */
export async function bulkApply(db: RapportDB, ids: readonly ContactId[], action: BulkAction, now = new Date()): Promise<number> {
  return db.transaction('rw', [db.contacts, db.interactions, db.interactionLinks, db.pipelines], async () => {
    let changed = 0;
    for (const id of ids) {
      const contact = await db.contacts.get(id);
      if (!contact) continue;
      switch (action.kind) {
        case 'add-tag':
          if (contact.tags.includes(action.tag)) continue;
          await updateContact(db, id, { tags: [...contact.tags, action.tag] }, now);
          break;
        case 'remove-tag':
          if (!contact.tags.includes(action.tag)) continue;
          await updateContact(db, id, { tags: contact.tags.filter((t) => t !== action.tag) }, now);
          break;
        case 'set-owner':
          await updateContact(db, id, { owner: action.owner.trim() || undefined }, now);
          break;
        case 'set-stage':
          await moveToStage(db, id, action.pipelineId, action.stage, now);
          break;
      }
      changed++;
    }
    return changed;
  });
}

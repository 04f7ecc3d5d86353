import { newId, nowIso, type ContactId, type InteractionId, type PipelineId } from '../../domain/common';
import type { Contact, Pipeline } from '../../domain/contact';
import type { RapportDB } from '../db';
import { NotFoundError, ValidationError } from './errors';
import { addInteraction } from './interactions';
import { listPipelines, savePipeline } from './pipelines';

/**
 * Moves a contact to a pipeline stage and writes the move on their timeline as a dated `stage`
 * entry ("lead → qualified"): the stage history. Moving to the stage they are in writes nothing.
 */
export async function moveToStage(db: RapportDB, contactId: ContactId, pipelineId: PipelineId, stage: string, now = new Date()): Promise<Contact> {
  const pipeline = (await listPipelines(db)).find((p) => p.id === pipelineId);
  if (!pipeline) throw new NotFoundError('pipeline', pipelineId);
  if (!pipeline.stages.includes(stage)) throw new ValidationError(`"${stage}" is not a stage of ${pipeline.name}`);
  return db.transaction('rw', [db.contacts, db.interactions, db.interactionLinks], async () => {
    const contact = await db.contacts.get(contactId);
    if (!contact) throw new NotFoundError('contact', contactId);
    const from = contact.pipeline?.pipelineId === pipelineId ? contact.pipeline.stage : undefined;
    if (from === stage) return contact;
    const next: Contact = { ...contact, pipeline: { pipelineId, stage }, updatedAt: nowIso(now) };
    await db.contacts.put(next);
    await addInteraction(
      db,
      {
        id: newId<InteractionId>('ix'),
        contactIds: [contactId],
        kind: 'stage',
        channel: 'other',
        direction: 'internal',
        occurredAt: nowIso(now),
        subject: `${pipeline.name}: ${from ?? '–'} → ${stage}`,
        text: '',
      },
      now,
    );
    return next;
  });
}

/** The contacts of one pipeline, per stage, in the pipeline's stage order. */
export async function boardOf(db: RapportDB, pipeline: Pipeline): Promise<Map<string, Contact[]>> {
  const columns = new Map<string, Contact[]>();
  await Promise.all(
    pipeline.stages.map(async (stage) => {
      const contacts = await db.contacts.where('[pipeline.pipelineId+pipeline.stage]').equals([pipeline.id, stage]).limit(500).toArray();
      columns.set(stage, contacts.sort((a, b) => a.displayName.localeCompare(b.displayName)));
    }),
  );
  return new Map(pipeline.stages.map((s) => [s, columns.get(s) ?? []]));
}

/**
 * Saves a pipeline's new stage list. A stage that still holds contacts cannot be removed (move
 * them first); the contacts' records are never rewritten behind the user's back.
 */
export async function editStages(db: RapportDB, pipelineId: PipelineId, stages: readonly string[]): Promise<Pipeline> {
  const pipeline = (await listPipelines(db)).find((p) => p.id === pipelineId);
  if (!pipeline) throw new NotFoundError('pipeline', pipelineId);
  const cleaned = [...new Set(stages.map((s) => s.trim()).filter(Boolean))];
  if (cleaned.length === 0) throw new ValidationError('A pipeline needs at least one stage');
  for (const removed of pipeline.stages.filter((s) => !cleaned.includes(s))) {
    const count = await db.contacts.where('[pipeline.pipelineId+pipeline.stage]').equals([pipelineId, removed]).count();
    if (count > 0) throw new ValidationError(`"${removed}" still holds ${count} contact(s): move them first`);
  }
  return savePipeline(db, { ...pipeline, stages: cleaned });
}

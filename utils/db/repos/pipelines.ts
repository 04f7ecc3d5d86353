import { DEFAULT_PIPELINES, PipelineSchema, type Pipeline } from '../../domain/contact';
import type { RapportDB } from '../db';
import { ValidationError } from './errors';

/** The user's pipelines; the sales and recruiting defaults until the user defines their own. */
export async function listPipelines(db: RapportDB): Promise<Pipeline[]> {
  const stored = await db.pipelines.toArray();
  return stored.length > 0 ? stored : [...DEFAULT_PIPELINES];
}

export async function savePipeline(db: RapportDB, pipeline: Pipeline): Promise<Pipeline> {
  const result = PipelineSchema.safeParse(pipeline);
  if (!result.success) throw ValidationError.fromZod('pipeline', result.error);
  await db.transaction('rw', db.pipelines, async () => {
    if ((await db.pipelines.count()) === 0) await db.pipelines.bulkAdd([...DEFAULT_PIPELINES]);
    await db.pipelines.put(result.data);
  });
  return result.data;
}

import { DEFAULT_PIPELINES } from '../../utils/domain/contact';
import { t } from '../../utils/i18n';
import { enumKey } from '../../utils/i18n/keys';

// The default pipelines' stages and names have catalog strings (`stage_*`, `pipeline_*`, checked by
// labels.test.ts); the catalog itself is not bundled (utils/i18n).
const DEFAULT_STAGES = new Set(DEFAULT_PIPELINES.flatMap((p) => p.stages));
const DEFAULT_NAMES: Record<string, string> = Object.fromEntries(DEFAULT_PIPELINES.map((p) => [p.id, p.name]));

/** A stage in the UI language: the default stages are translated, a user's own stage shows as typed. */
export function stageLabel(stage: string): string {
  return DEFAULT_STAGES.has(stage) ? t(enumKey('stage', stage)) : stage;
}

/** A pipeline's name in the UI language when it is one of the defaults, else as the user named it. */
export function pipelineLabel(pipeline: { id: string; name: string }): string {
  return DEFAULT_NAMES[pipeline.id] === pipeline.name ? t(enumKey('pipeline', pipeline.id)) : pipeline.name;
}

/** A stage-history subject ("Sales: lead → proposal", as stored) in the UI language. */
export function stageMoveLabel(subject: string): string {
  const match = /^(.*): (.*) → (.*)$/.exec(subject);
  if (!match) return subject;
  const [, pipeline = '', from = '', to = ''] = match;
  const id = pipeline.toLowerCase();
  const name = pipelineLabel({ id, name: pipeline });
  return `${name}: ${from === '–' ? from : stageLabel(from)} → ${stageLabel(to)}`;
}

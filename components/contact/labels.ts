import { MESSAGES } from '../../utils/i18n/catalog';
import { t } from '../../utils/i18n';
import { enumKey } from '../../utils/i18n/keys';

/** A stage in the UI language: the default stages are translated, a user's own stage shows as typed. */
export function stageLabel(stage: string): string {
  const key = enumKey('stage', stage);
  return key in MESSAGES ? t(key) : stage;
}

/** A pipeline's name in the UI language when it is one of the defaults, else as the user named it. */
export function pipelineLabel(pipeline: { id: string; name: string }): string {
  const key = enumKey('pipeline', pipeline.id);
  const defaults: Record<string, string> = { sales: 'Sales', recruiting: 'Recruiting' };
  return key in MESSAGES && defaults[pipeline.id] === pipeline.name ? t(key) : pipeline.name;
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

import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINES } from '../../utils/domain/contact';
import { setI18nHost } from '../../utils/i18n';
import { MESSAGES } from '../../utils/i18n/catalog';
import { enumKey } from '../../utils/i18n/keys';
import { pipelineLabel, stageLabel, stageMoveLabel } from './labels';

afterEach(() => setI18nHost(undefined));

describe('stage and pipeline labels', () => {
  it('have a catalog string for every default stage and pipeline (the labels know them without the catalog)', () => {
    for (const pipeline of DEFAULT_PIPELINES) {
      expect(MESSAGES[enumKey('pipeline', pipeline.id)], pipeline.id).toBeDefined();
      for (const stage of pipeline.stages) expect(MESSAGES[enumKey('stage', stage)], stage).toBeDefined();
    }
  });
  it('translate the defaults and keep a user\'s own names as typed', () => {
    setI18nHost({ message: () => '', uiLanguage: () => 'de' });
    expect(stageLabel('won')).toBe('Gewonnen');
    expect(stageLabel('Pilot running')).toBe('Pilot running');
    expect(pipelineLabel({ id: 'sales', name: 'Sales' })).toBe('Vertrieb');
    expect(pipelineLabel({ id: 'sales', name: 'Our deals' })).toBe('Our deals');
    expect(stageMoveLabel('Sales: lead → proposal')).toBe('Vertrieb: Lead → Angebot');
  });
});

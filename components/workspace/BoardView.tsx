import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, type KeyboardEvent } from 'react';
import type { RapportDB } from '../../utils/db/db';
import { listPipelines } from '../../utils/db/repos/pipelines';
import { boardOf, editStages, moveToStage } from '../../utils/db/repos/stages';
import type { ContactId, PipelineId } from '../../utils/domain/common';
import { t } from '../../utils/i18n';
import { pipelineLabel, stageLabel } from '../contact/labels';
import { splitList } from '../contact/contact-form';
import { ErrorText, errorMessage } from '../ui/ErrorText';
import { openContact } from './route';

/** One board per pipeline: a column per stage; cards move by drag and drop or with the arrow keys. */
export function BoardView({ db, pipelineId, onPipeline }: { db: RapportDB; pipelineId: string | undefined; onPipeline: (id: string) => void }) {
  const pipelines = useLiveQuery(() => listPipelines(db), [db]);
  const pipeline = pipelines?.find((p) => p.id === pipelineId) ?? pipelines?.[0];
  const columns = useLiveQuery(async () => (pipeline ? boardOf(db, pipeline) : undefined), [db, pipeline]);
  const [error, setError] = useState<string>();
  const [editing, setEditing] = useState(false);
  // The card moved by keyboard keeps the focus in its new column (it is a new element there).
  const [focusId, setFocusId] = useState<string>();
  useEffect(() => {
    if (!focusId) return;
    const card = document.querySelector<HTMLElement>(`[data-testid="board-card"][data-contact-id="${CSS.escape(focusId)}"]`);
    if (card && document.activeElement !== card) card.focus();
  }, [columns, focusId]);
  if (!pipeline) return null;

  const move = async (contactId: string, stage: string) => {
    try {
      setError(undefined);
      await moveToStage(db, contactId as ContactId, pipeline.id, stage);
      setFocusId(contactId);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const onKey = (contactId: string, stage: string) => (e: KeyboardEvent<HTMLElement>) => {
    const index = pipeline.stages.indexOf(stage);
    if (e.key === 'Enter') openContact(contactId);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    const target = pipeline.stages[index + step];
    if (!step || !target) return;
    e.preventDefault();
    void move(contactId, target);
  };

  return (
    <section className="card" aria-labelledby="ws-board">
      <h2 id="ws-board" className="section-title">
        {t('ws_view_board')}
      </h2>
      <div className="form__row" role="tablist" aria-label={t('ws_pipelines')}>
        {pipelines?.map((p) => (
          <button key={p.id} type="button" role="tab" aria-selected={p.id === pipeline.id} className="button button--small button--ghost" data-testid="board-pipeline" data-pipeline={p.id} onClick={() => onPipeline(p.id)}>
            {pipelineLabel(p)}
          </button>
        ))}
        <button type="button" className="button button--small button--ghost" data-testid="board-edit-stages" onClick={() => setEditing((v) => !v)}>
          {t('ws_editStages')}
        </button>
      </div>
      {editing && (
        <form
          className="form form__row"
          onSubmit={(e) => {
            e.preventDefault();
            const stages = splitList(String(new FormData(e.currentTarget).get('stages') ?? ''));
            editStages(db, pipeline.id as PipelineId, stages)
              .then(() => setEditing(false))
              .catch((err: unknown) => setError(errorMessage(err)));
          }}
        >
          <input name="stages" aria-label={t('ws_stages')} defaultValue={pipeline.stages.join(', ')} size={60} />
          <button type="submit" className="button button--small">
            {t('save')}
          </button>
        </form>
      )}
      <ErrorText message={error} />
      <p className="muted">{t('ws_boardHint')}</p>
      <div className="board" data-testid="board" data-pipeline={pipeline.id}>
        {pipeline.stages.map((stage) => (
          <div
            key={stage}
            className="board__column"
            data-testid="board-column"
            data-stage={stage}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              const id = e.dataTransfer.getData('text/x-rapport-contact');
              if (id) void move(id, stage);
            }}
          >
            <h3 className="board__title">
              {stageLabel(stage)} ({columns?.get(stage)?.length ?? 0})
            </h3>
            <ul className="board__cards">
              {columns?.get(stage)?.map((c) => (
                <li
                  key={c.id}
                  className="board__card"
                  data-testid="board-card"
                  data-contact-id={c.id}
                  tabIndex={0}
                  draggable
                  aria-label={t('ws_boardCard', c.displayName, stageLabel(stage))}
                  onDragStart={(e) => e.dataTransfer.setData('text/x-rapport-contact', c.id)}
                  onKeyDown={onKey(c.id, stage)}
                  onDoubleClick={() => openContact(c.id)}
                  dir="auto"
                >
                  {c.displayName}
                  {c.company ? <span className="muted"> · {c.company}</span> : null}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}

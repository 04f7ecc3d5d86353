import { stageMoveLabel } from '../contact/labels';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import type { RapportDB } from '../../utils/db/db';
import { deleteInteraction, restoreInteraction, timeline, updateInteraction } from '../../utils/db/repos/interactions';
import type { ContactId, Department } from '../../utils/domain/common';
import { InteractionKindSchema, type Interaction } from '../../utils/domain/interaction';
import { ChannelOptions, DepartmentOptions } from './ChannelOptions';
import { formatDate, t } from '../../utils/i18n';
import { enumKey } from '../../utils/i18n/keys';
import { NoteForm } from './NoteForm';
import { ErrorText, errorMessage } from '../ui/ErrorText';

const EXCERPT = 280;

/** `data-direction`: inbound or outbound; a note, a page or a stage move is neither. */
function directionAttr(item: Interaction): string {
  return item.direction === 'internal' ? '' : item.direction;
}

/** Every touchpoint of a contact, newest first, filterable by channel, kind, department and direction; notes editable. */
export function Timeline({ db, contactId }: { db: RapportDB; contactId: ContactId }) {
  const items = useLiveQuery(() => timeline(db, contactId, { limit: 1000 }), [db, contactId]);
  const [channel, setChannel] = useState('');
  const [kind, setKind] = useState('');
  const [department, setDepartment] = useState('');
  const [direction, setDirection] = useState('');
  const [undo, setUndo] = useState<Interaction>();
  const [error, setError] = useState<string>();
  const shown = useMemo(
    () =>
      (items ?? []).filter(
        (i) =>
          (!channel || i.channel === channel) &&
          (!kind || i.kind === kind) &&
          (!department || i.department === department) &&
          (!direction || directionAttr(i) === direction),
      ),
    [items, channel, kind, department, direction],
  );

  const remove = async (item: Interaction) => {
    try {
      setUndo(await deleteInteraction(db, item.id));
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section className="timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading" className="section-title">
        {t('timeline')}
      </h2>
      <NoteForm db={db} contactId={contactId} />
      <div className="form form__row timeline__filters">
        <label>
          {t('filterChannel')}
          <select data-testid="filter-channel" value={channel} onChange={(e) => setChannel(e.target.value)}>
            <option value="">{t('all')}</option>
            <ChannelOptions />
          </select>
        </label>
        <label>
          {t('filterKind')}
          <select data-testid="filter-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">{t('all')}</option>
            {InteractionKindSchema.options.map((k) => (
              <option key={k} value={k}>
                {t(enumKey('kind', k))}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filterDepartment')}
          <select data-testid="filter-department" value={department} onChange={(e) => setDepartment(e.target.value)}>
            <option value="">{t('all')}</option>
            <DepartmentOptions />
          </select>
        </label>
        <label>
          {t('filterDirection')}
          <select data-testid="filter-direction" value={direction} onChange={(e) => setDirection(e.target.value)}>
            <option value="">{t('all')}</option>
            <option value="inbound">{t('direction_inbound')}</option>
            <option value="outbound">{t('direction_outbound')}</option>
          </select>
        </label>
      </div>
      {undo && (
        <p className="toast" role="status">
          {t('deleted')}{' '}
          <button
            type="button"
            className="button button--small button--ghost"
            onClick={() => {
              void restoreInteraction(db, undo).then(() => setUndo(undefined));
            }}
          >
            {t('undo')}
          </button>
        </p>
      )}
      <ErrorText message={error} />
      {items && shown.length === 0 && <p className="muted">{t('timelineEmpty')}</p>}
      <ol className="timeline__list" data-testid="timeline" data-loaded={items ? 'true' : 'false'}>
        {shown.map((item) => (
          <TimelineItem key={item.id} db={db} item={item} onDelete={() => remove(item)} />
        ))}
      </ol>
    </section>
  );
}

function TimelineItem({ db, item, onDelete }: { db: RapportDB; item: Interaction; onDelete(): void }) {
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(item.text);
  const long = item.text.length > EXCERPT;
  const text = open || !long ? item.text : `${item.text.slice(0, EXCERPT)}…`;
  const editable = item.kind === 'note' || item.kind === 'call' || item.kind === 'meeting';

  return (
    <li
      className="tl-item"
      data-testid="timeline-item"
      data-kind={item.kind}
      data-channel={item.channel}
      data-direction={directionAttr(item)}
      data-auto={item.auto ? 'true' : 'false'}
      data-department={item.department}
    >
      <div className="tl-item__meta">
        <span className="badge">{t(enumKey('kind', item.kind))}</span>
        <span>{t(enumKey('channel', item.channel))}</span>
        <span>· {t(enumKey('direction', item.direction))}</span>
        <select
          className="tl-item__department"
          aria-label={t('entryDepartment')}
          data-testid="entry-department"
          value={item.department}
          onChange={(e) => void updateInteraction(db, item.id, { department: e.target.value as Department })}
        >
          <DepartmentOptions />
        </select>
        <time dateTime={item.occurredAt} data-date-source={item.dateIsCaptureTime ? 'capture' : undefined}>
          · {formatDate(item.occurredAt, true)}
          {item.dateIsCaptureTime ? ` (${t('dateIsCaptureTime')})` : ''}
        </time>
        {item.important && <span className="badge badge--known">{t('important')}</span>}
        {item.auto && <span className="badge" data-testid="auto-logged">{t('loggedAutomatically')}</span>}
      </div>
      {item.subject && (
        <p className="tl-item__subject" title={item.subject} dir="auto">
          {item.kind === 'stage' ? stageMoveLabel(item.subject) : item.subject}
        </p>
      )}
      {editing ? (
        <div className="form">
          <textarea aria-label={t('noteText')} value={draft} onChange={(e) => setDraft(e.target.value)} rows={4} />
          <div className="form__actions">
            <button
              type="button"
              className="button button--small"
              onClick={() => void updateInteraction(db, item.id, { text: draft }).then(() => setEditing(false))}
            >
              {t('save')}
            </button>
            <button type="button" className="button button--small button--ghost" onClick={() => setEditing(false)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : text ? (
        <p className="tl-item__text" dir="auto">
          {text}
        </p>
      ) : (
        item.auto && <p className="muted tl-item__text">{t('textNotKept')}</p>
      )}
      <div className="tl-item__actions">
        {long && !editing && (
          <button type="button" className="link" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? t('showLess') : t('showMore')}
          </button>
        )}
        <button
          type="button"
          className="link"
          aria-pressed={Boolean(item.important)}
          onClick={() => void updateInteraction(db, item.id, { important: !item.important })}
        >
          {t('markImportant')}
        </button>
        {editable && !editing && (
          <button type="button" className="link" onClick={() => setEditing(true)}>
            {t('edit')}
          </button>
        )}
        <button type="button" className="link link--danger" onClick={onDelete}>
          {t('delete')}
        </button>
      </div>
    </li>
  );
}

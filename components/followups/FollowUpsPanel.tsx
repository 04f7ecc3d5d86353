import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { RapportDB } from '../../utils/db/db';
import { getContact, updateContact } from '../../utils/db/repos/contacts';
import { addFollowUp, deleteFollowUp, followUpsFor, setFollowUpDone } from '../../utils/db/repos/followups';
import { timeline } from '../../utils/db/repos/interactions';
import { awaitingReply, keepInTouchDue, QUICK_PICKS, quickPickDue, quickPickDueAt, type QuickPick } from '../../utils/domain/cadence';
import { DaySchema, MAX_LINE } from '../../utils/domain/common';
import type { Contact } from '../../utils/domain/contact';
import { followUpState, type FollowUp, type FollowUpState } from '../../utils/domain/followup';
import { formatDate, t } from '../../utils/i18n';
import { formatDay } from '../ui/format-day';
import { ErrorText, errorMessage } from '../ui/ErrorText';

interface Row {
  followUp: FollowUp;
  state: FollowUpState;
}

/** Open and overdue first (soonest due first), then done (most recently done first). */
function sortRows(rows: Row[]): Row[] {
  return rows.sort((a, b) => {
    const aDone = a.state === 'done';
    const bDone = b.state === 'done';
    if (aDone !== bDone) return aDone ? 1 : -1;
    if (aDone) return (b.followUp.doneAt ?? '').localeCompare(a.followUp.doneAt ?? '');
    return a.followUp.due.localeCompare(b.followUp.due) || a.followUp.createdAt.localeCompare(b.followUp.createdAt);
  });
}

function message(e: unknown): string {
  return t('errorGeneric', errorMessage(e));
}

/**
 * Follow-ups (Wiedervorlagen) with quick picks, the keep-in-touch cadence derived from the
 * timeline, and "awaiting your reply" when the person wrote last and waits for more than a day.
 */
export function FollowUpsPanel({ db, contact }: { db: RapportDB; contact: Contact }) {
  const id = useId();
  const data = useLiveQuery(async () => {
    const now = new Date();
    const [current, followUps, items] = await Promise.all([
      getContact(db, contact.id),
      followUpsFor(db, contact.id),
      timeline(db, contact.id),
    ]);
    const who = current ?? contact;
    return {
      keepInTouchDays: who.keepInTouchDays,
      rows: sortRows(followUps.map((followUp) => ({ followUp, state: followUpState(followUp, now) }))),
      cadence: keepInTouchDue(who, items, now),
      awaiting: awaitingReply(items, now),
    };
  }, [db, contact]);

  const [what, setWhat] = useState('');
  const [customDue, setCustomDue] = useState('');
  const [error, setError] = useState<string>();

  const add = async (due: string, dueAt?: string) => {
    const text = what.trim() || t('fu_defaultWhat');
    if (!DaySchema.safeParse(due).success) return setError(t('fu_err_date'));
    if (text.length > MAX_LINE) return setError(t('fu_err_what'));
    try {
      await addFollowUp(db, { contactId: contact.id, due, ...(dueAt ? { dueAt } : {}), what: text });
      setError(undefined);
      setWhat('');
      setCustomDue('');
    } catch (e) {
      setError(message(e));
    }
  };
  const addPick = (pick: QuickPick) => {
    const now = new Date();
    void add(quickPickDue(pick, now), quickPickDueAt(pick, now));
  };
  const addCustom = (event: FormEvent) => {
    event.preventDefault();
    void add(customDue);
  };
  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
      setError(undefined);
    } catch (e) {
      setError(message(e));
    }
  };

  return (
    <section className="followups" aria-labelledby={`${id}-title`}>
      <div className="followups__head">
        <h2 id={`${id}-title`} className="section-title">
          {t('fu_title')}
        </h2>
        {data?.awaiting && (
          <span className="badge badge--awaiting" data-testid="awaiting-reply">
            {t('fu_awaitingReply')}
          </span>
        )}
      </div>

      <form className="form followups__add" onSubmit={addCustom}>
        <label>
          {t('fu_what')}
          <input
            type="text"
            maxLength={MAX_LINE}
            placeholder={t('fu_whatExample')}
            value={what}
            onChange={(e) => setWhat(e.target.value)}
          />
        </label>
        <div className="form__actions" role="group" aria-label={t('fu_title')}>
          {QUICK_PICKS.map((pick) => (
            <button key={pick} type="button" className="button button--small" data-pick={pick} onClick={() => addPick(pick)}>
              {t(`fu_pick_${pick}`)}
            </button>
          ))}
        </div>
        <div className="followups__custom">
          <label>
            {t('fu_customDate')}
            <input type="date" value={customDue} onChange={(e) => setCustomDue(e.target.value)} />
          </label>
          <button type="submit" className="button button--small button--ghost">
            {t('fu_add')}
          </button>
        </div>
      </form>
      <ErrorText message={error} />

      {data && data.rows.length === 0 && <p className="muted">{t('fu_none')}</p>}
      {data && data.rows.length > 0 && (
        <ul className="followups__list">
          {data.rows.map(({ followUp, state }) => (
            <li
              key={followUp.id}
              className={`followup followup--${state}`}
              data-testid="followup"
              data-due={followUp.due}
              data-due-at={followUp.dueAt ?? ''}
              data-state={state}
            >
              <div className="followup__main">
                <span className="followup__what" title={followUp.what}>
                  {followUp.what}
                </span>
                <span className="followup__meta">
                  {t('fu_due', followUp.dueAt ? formatDate(followUp.dueAt, true) : formatDay(followUp.due))} · <span className="followup__state">{t(`fu_state_${state}`)}</span>
                </span>
              </div>
              <div className="followup__actions">
                {state === 'done' ? (
                  <button
                    type="button"
                    className="link"
                    aria-label={t('fu_reopenAria', followUp.what)}
                    onClick={() => void run(() => setFollowUpDone(db, followUp.id, false))}
                  >
                    {t('fu_reopen')}
                  </button>
                ) : (
                  <button
                    type="button"
                    className="link"
                    aria-label={t('fu_markDoneAria', followUp.what)}
                    onClick={() => void run(() => setFollowUpDone(db, followUp.id, true))}
                  >
                    {t('fu_markDone')}
                  </button>
                )}
                <button
                  type="button"
                  className="link link--danger"
                  aria-label={t('fu_deleteAria', followUp.what)}
                  onClick={() => void run(() => deleteFollowUp(db, followUp.id))}
                >
                  {t('fu_delete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}

      {data && (
        <CadenceEditor
          key={`${contact.id}:${data.keepInTouchDays ?? ''}`}
          days={data.keepInTouchDays}
          onSave={(days) => run(() => updateContact(db, contact.id, { keepInTouchDays: days }))}
          onInvalid={() => setError(t('fu_err_cadence'))}
        />
      )}
      {data && <p className={`cadence__line${data.cadence.due ? ' cadence__line--due' : ''}`}>{cadenceText(data)}</p>}
    </section>
  );
}

function cadenceText(data: { keepInTouchDays: number | undefined; cadence: ReturnType<typeof keepInTouchDue> }): string {
  const { cadence } = data;
  if (!data.keepInTouchDays) return t('fu_cadenceOff');
  if (cadence.due) return cadence.dueSince ? t('fu_cadenceDueSince', formatDay(cadence.dueSince)) : t('fu_cadenceDueNoContact');
  return cadence.dueOn ? t('fu_cadenceNext', formatDay(cadence.dueOn)) : t('fu_cadenceOff');
}

/** Keep in touch every N days; empty clears the cadence. Saves on leaving the field or Enter. */
function CadenceEditor({
  days,
  onSave,
  onInvalid,
}: {
  days: number | undefined;
  onSave(days: number | undefined): Promise<void>;
  onInvalid(): void;
}) {
  const [text, setText] = useState(days ? String(days) : '');
  const save = () => {
    const value = text.trim();
    if (!value) {
      if (days !== undefined) void onSave(undefined);
      return;
    }
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < 1 || n > 3650) return onInvalid();
    if (n !== days) void onSave(n);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      save();
    }
  };
  return (
    <div className="cadence">
      <label className="cadence__label">
        <span>{t('fu_cadence')}</span>
        <input
          type="number"
          inputMode="numeric"
          min={1}
          max={3650}
          className="prefs__number"
          aria-label={t('fu_cadenceAria')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onBlur={save}
          onKeyDown={onKeyDown}
        />
        <span>{t('fu_cadenceDays')}</span>
      </label>
    </div>
  );
}

import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { RapportDB } from '../../utils/db/db';
import { setFollowUpDone, snoozeFollowUp } from '../../utils/db/repos/followups';
import { NAV_COUNT_CAP, reactivateList, responsivenessList, snoozeDay, todayList, type TodayRow } from '../../utils/db/repos/workspace';
import type { FollowUpId } from '../../utils/domain/common';
import { formatDate, formatNumber, relativeTime, t } from '../../utils/i18n';
import { enumKey } from '../../utils/i18n/keys';
import { ErrorText, errorMessage } from '../ui/ErrorText';
import { openContact } from './route';
import { durationText, leftOutText } from './words';

const dayText = (since: string) => formatDate(since.length === 10 ? `${since}T12:00:00` : since);

/** A click on a row (outside its buttons) opens the contact. */
const openRow = (id: string) => (e: React.MouseEvent) => {
  if ((e.target as HTMLElement).closest('button,input,a')) return;
  openContact(id);
};

/** Today: what is due, oldest first; follow-ups done or snoozed in one click. */
export function TodayView({ db }: { db: RapportDB }) {
  const rows = useLiveQuery(() => todayList(db, new Date()), [db]);
  const [error, setError] = useState<string>();
  const act = (work: Promise<unknown>) => work.then(() => setError(undefined)).catch((e: unknown) => setError(errorMessage(e)));
  const key = (row: TodayRow) => (row.kind === 'followup' ? row.followUp.id : `${row.kind}:${row.contact.id}`);
  return (
    <section className="card" data-testid="list-today" aria-labelledby="ws-today">
      <h2 id="ws-today" className="section-title">
        {t('ws_view_today')}
      </h2>
      {rows?.length === 0 && <p className="muted">{t('ws_todayEmpty')}</p>}
      <ErrorText message={error} />
      <ul className="people">
        {rows?.map((row) => (
          <li key={key(row)} className="person person--link" data-testid="list-row" data-contact-id={row.contact.id} data-kind={row.kind} onClick={openRow(row.contact.id)}>
            <div className="person__main">
              <a className="person__name" dir="auto" href={`#contact/${encodeURIComponent(row.contact.id)}`}>
                {row.contact.displayName}
              </a>
              <span className="person__meta">
                {t(enumKey('today', row.kind))}
                {row.kind === 'followup' ? `: ${row.followUp.what}` : ''} · {t('ws_waitingSince', dayText(row.since), relativeTime(row.since.length === 10 ? `${row.since}T12:00:00` : row.since))}
              </span>
            </div>
            {row.kind === 'followup' && (
              <span className="form__actions">
                <button type="button" className="button button--small" data-testid="today-done" onClick={() => act(setFollowUpDone(db, row.followUp.id as FollowUpId, true))}>
                  {t('fu_markDone')}
                </button>
                <button type="button" className="button button--small button--ghost" data-testid="snooze-tomorrow" onClick={() => act(snoozeFollowUp(db, row.followUp.id as FollowUpId, snoozeDay('tomorrow', new Date())))}>
                  {t('ws_snoozeTomorrow')}
                </button>
                <button type="button" className="button button--small button--ghost" data-testid="snooze-next-week" onClick={() => act(snoozeFollowUp(db, row.followUp.id as FollowUpId, snoozeDay('next-week', new Date())))}>
                  {t('ws_snoozeNextWeek')}
                </button>
                <input
                  type="date"
                  aria-label={t('ws_snoozePick')}
                  data-testid="snooze-pick"
                  onChange={(e) => {
                    if (e.target.value) void act(snoozeFollowUp(db, row.followUp.id as FollowUpId, e.target.value));
                  }}
                />
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Customers silent for N months, by value, with the last touchpoint and what was agreed. */
export function ReactivateView({ db, months, onMonths }: { db: RapportDB; months: number; onMonths: (m: number) => void }) {
  const result = useLiveQuery(() => reactivateList(db, new Date(), months), [db, months]);
  return (
    <section className="card" data-testid="list-reactivate" aria-labelledby="ws-react">
      <h2 id="ws-react" className="section-title">
        {t('ws_view_reactivate')}
      </h2>
      <label>
        {t('ws_reactivateMonths')}{' '}
        <input
          type="number"
          min={1}
          max={600}
          data-testid="reactivate-months"
          defaultValue={months}
          onChange={(e) => {
            const m = Math.floor(Number(e.target.value));
            if (m >= 1 && m <= 600) onMonths(m);
          }}
        />
      </label>
      {result && (
        <p className="muted" data-testid="reactivate-left-out" data-count={Object.values(result.leftOut).reduce((a, b) => a + b, 0)}>
          {t('ws_reactivateCount', result.total >= NAV_COUNT_CAP ? `${NAV_COUNT_CAP}+` : result.total)} {leftOutText(result.leftOut)}
        </p>
      )}
      <ul className="people">
        {result?.rows.map(({ contact, last, agreed }) => (
          <li key={contact.id} className="person person--link" data-testid="list-row" data-contact-id={contact.id} onClick={openRow(contact.id)}>
            <div className="person__main">
              <a className="person__name" dir="auto" href={`#contact/${encodeURIComponent(contact.id)}`}>
                {contact.value.tier ? `${t(enumKey('tier', contact.value.tier))} · ` : ''}
                {contact.displayName}
              </a>
              <span className="person__meta">
                {[
                  contact.value.yearlyRevenue && formatNumber(contact.value.yearlyRevenue.amount, contact.value.yearlyRevenue.currency),
                  last && t('ws_lastTouch', relativeTime(last.occurredAt), t(enumKey('kind', last.kind)), last.subject ?? ''),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              {agreed && (
                <span className="person__meta" dir="auto">
                  {t('ws_agreed', agreed.what, dayText(agreed.due))}
                </span>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Our and their median reply time per contact; the slowest answered first. */
export function ResponsivenessView({ db }: { db: RapportDB }) {
  const rows = useLiveQuery(() => responsivenessList(db), [db]);
  return (
    <section className="card" data-testid="list-responsiveness" aria-labelledby="ws-resp">
      <h2 id="ws-resp" className="section-title">
        {t('ws_view_responsiveness')}
      </h2>
      {rows?.length === 0 && <p className="muted">{t('ws_responsivenessEmpty')}</p>}
      <ul className="people">
        {rows?.map(({ contact, stats }) => (
          <li
            key={contact.id}
            className="person person--link"
            data-testid="list-row"
            data-contact-id={contact.id}
            data-ours={stats.oursMinutes ?? ''}
            data-theirs={stats.theirsMinutes ?? ''}
            onClick={openRow(contact.id)}
          >
            <div className="person__main">
              <a className="person__name" dir="auto" href={`#contact/${encodeURIComponent(contact.id)}`}>
                {contact.displayName}
              </a>
              <span className="person__meta">{t('ws_replyTimes', durationText(stats.oursMinutes), durationText(stats.theirsMinutes))}</span>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

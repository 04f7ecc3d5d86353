import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { getDb } from '../../utils/db/db';
import { setFollowUpDone } from '../../utils/db/repos/followups';
import { dueFollowUps, keepInTouchList, segmentContacts, segmentValues } from '../../utils/db/repos/workspace';
import { LoyaltyStageSchema, TierSchema } from '../../utils/domain/contact';
import { localDay } from '../../utils/domain/followup';
import type { Segment } from '../../utils/domain/segment';
import { addDays } from '../../utils/domain/cadence';
import { formatDate, formatNumber, relativeTime, t } from '../../utils/i18n';
import { enumKey } from '../../utils/i18n/keys';
import { appVersion } from '../../utils/messaging/client';
import { ExportPanel } from '../transfer/ExportPanel';
import { ImportPanel } from '../transfer/ImportPanel';

/** The workspace: contacts by segment and priority, what is due, import and export. */
export function OptionsApp() {
  const db = getDb();
  const [query, setQuery] = useState('');
  const [segment, setSegment] = useState<Segment>({});
  const results = useLiveQuery(() => segmentContacts(db, query, segment), [db, query, segment]);
  const values = useLiveQuery(() => segmentValues(db), [db]);
  const today = localDay(new Date());
  const due = useLiveQuery(() => dueFollowUps(db, addDays(today, 14)), [db, today]);
  const keepInTouch = useLiveQuery(() => keepInTouchList(db, new Date()), [db, today]);
  const set = (patch: Partial<Segment>) => setSegment((s) => ({ ...s, ...patch }));

  return (
    <main className="workspace">
      <h1 className="sidebar__title">{t('optionsTitle')}</h1>
      <div className="workspace__grid">
        <section className="workspace__search card" aria-labelledby="ws-contacts">
          <h2 id="ws-contacts" className="section-title">
            {t('ws_contacts')}
          </h2>
          <input
            type="search"
            data-testid="search-input"
            aria-label={t('search')}
            placeholder={t('search')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <div className="form form__row" role="group" aria-label={t('ws_segment')}>
            <select aria-label={t('field_tags')} value={segment.tag ?? ''} onChange={(e) => set({ tag: e.target.value || undefined })}>
              <option value="">{t('ws_anyTag')}</option>
              {values?.tags.map((tag) => (
                <option key={tag} value={tag}>
                  {tag}
                </option>
              ))}
            </select>
            <select aria-label={t('field_tier')} value={segment.tier ?? ''} onChange={(e) => set({ tier: TierSchema.safeParse(e.target.value).data })}>
              <option value="">{t('ws_anyTier')}</option>
              {TierSchema.options.map((tier) => (
                <option key={tier} value={tier}>
                  {tier}
                </option>
              ))}
            </select>
            <select
              aria-label={t('field_loyalty')}
              value={segment.loyalty ?? ''}
              onChange={(e) => set({ loyalty: LoyaltyStageSchema.safeParse(e.target.value).data })}
            >
              <option value="">{t('ws_anyLoyalty')}</option>
              {LoyaltyStageSchema.options.map((stage) => (
                <option key={stage} value={stage}>
                  {t(enumKey('loyalty', stage))}
                </option>
              ))}
            </select>
            <select aria-label={t('field_industry')} value={segment.industry ?? ''} onChange={(e) => set({ industry: e.target.value || undefined })}>
              <option value="">{t('ws_anyIndustry')}</option>
              {values?.industries.map((industry) => (
                <option key={industry} value={industry}>
                  {industry}
                </option>
              ))}
            </select>
          </div>
          {results && <p className="muted">{t('ws_count', results.length)}</p>}
          <ul className="people">
            {results?.map(({ contact: c, note }) => (
              <li key={c.id} className="person" data-testid="search-result" data-contact-id={c.id} data-match={note ? 'note' : 'contact'}>
                <div className="person__main">
                  <span className="person__name" dir="auto">
                    {c.value.tier ? `${c.value.tier} · ` : ''}
                    {c.displayName}
                  </span>
                  <span className="person__meta">
                    {[
                      c.company,
                      c.emails[0],
                      c.value.yearlyRevenue && formatNumber(c.value.yearlyRevenue.amount, c.value.yearlyRevenue.currency),
                      c.lastInteractionAt && relativeTime(c.lastInteractionAt),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                  {note && (
                    <span className="person__meta" data-testid="search-note" dir="auto">
                      {t(enumKey('kind', note.kind))} · {formatDate(note.occurredAt)}: {note.line}
                    </span>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </section>
        <section className="card" aria-labelledby="ws-followups">
          <h2 id="ws-followups" className="section-title">
            {t('ws_followUps')}
          </h2>
          {due && due.length === 0 && <p className="muted">{t('ws_noFollowUps')}</p>}
          <ul className="people">
            {due?.map(({ followUp, contact }) => (
              <li
                key={followUp.id}
                className={`person${followUp.due < today ? ' person--overdue' : ''}`}
                data-testid="followup"
                data-due={followUp.due}
                data-state={followUp.due < today ? 'overdue' : 'open'}
              >
                <div className="person__main">
                  <span className="person__name" dir="auto">
                    {followUp.what}
                  </span>
                  <span className="person__meta">
                    {contact.displayName} · {formatDate(`${followUp.due}T12:00:00`)}
                    {followUp.due < today ? ` · ${t('ws_overdue')}` : ''}
                  </span>
                </div>
                <button type="button" className="button button--small" onClick={() => void setFollowUpDone(db, followUp.id, true)}>
                  {t('fu_markDone')}
                </button>
              </li>
            ))}
          </ul>
          <h2 className="section-title">{t('ws_keepInTouch')}</h2>
          <ul className="people">
            {keepInTouch?.map(({ contact, status }) => (
              <li key={contact.id} className="person" data-testid="keep-in-touch">
                <div className="person__main">
                  <span className="person__name" dir="auto">
                    {contact.displayName}
                  </span>
                  <span className="person__meta">
                    {status.lastRealAt ? t('ws_keepInTouchDue', relativeTime(status.lastRealAt)) : t('ws_neverContacted')}
                  </span>
                </div>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <section className="workspace__transfer">
        <ImportPanel db={db} />
        <ExportPanel db={db} appVersion={appVersion()} />
      </section>
    </main>
  );
}

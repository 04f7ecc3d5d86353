import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import type { RapportDB } from '../../utils/db/db';
import { editContact } from '../../utils/db/repos/contacts';
import { followUpsFor } from '../../utils/db/repos/followups';
import { listPipelines } from '../../utils/db/repos/pipelines';
import { LoyaltyStageSchema, TierSchema, type Contact } from '../../utils/domain/contact';
import { formatDate, relativeTime, t } from '../../utils/i18n';
import { enumKey } from '../../utils/i18n/keys';
import { ErrorText, errorMessage } from '../ui/ErrorText';

const splitList = (value: string) =>
  value
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The contact in focus: who they are, their value and stage, last contact and next follow-up; editable inline. */
export function ContactCard({ db, contact }: { db: RapportDB; contact: Contact }) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string>();
  const followUps = useLiveQuery(() => followUpsFor(db, contact.id), [db, contact.id]);
  const pipelines = useLiveQuery(() => listPipelines(db), [db]);
  const next = followUps?.filter((f) => !f.doneAt).sort((a, b) => a.due.localeCompare(b.due))[0];

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = String(form.get(name) ?? '').trim();
      return value || undefined;
    };
    const stage = text('stage');
    const [pipelineId, stageName] = stage ? stage.split('::') : [];
    try {
      setError(undefined);
      await editContact(db, contact, {
        displayName: text('displayName') ?? contact.displayName,
        title: text('title'),
        company: text('company'),
        industry: text('industry'),
        location: text('location'),
        owner: text('owner'),
        tags: splitList(String(form.get('tags') ?? '')),
        emails: splitList(String(form.get('emails') ?? '')),
        phones: splitList(String(form.get('phones') ?? '')),
        value: {
          ...contact.value,
          tier: TierSchema.safeParse(text('tier')).data,
          loyalty: LoyaltyStageSchema.safeParse(text('loyalty')).data,
        },
        pipeline: pipelineId && stageName ? { pipelineId: pipelineId as never, stage: stageName } : undefined,
      });
      setEditing(false);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const lastContact = contact.lastInteractionAt
    ? t(
        'lastContactValue',
        relativeTime(contact.lastInteractionAt),
        contact.lastInteractionChannel ? t(enumKey('channel', contact.lastInteractionChannel)) : '',
      )
    : t('never');

  if (editing) {
    return (
      <section className="card" data-testid="contact-card" data-contact-id={contact.id} aria-label={t('contactCard')}>
        <form className="form" onSubmit={submit}>
          <label>
            {t('field_displayName')}
            <input name="displayName" defaultValue={contact.displayName} required maxLength={1000} />
          </label>
          <label>
            {t('field_title')}
            <input name="title" defaultValue={contact.title ?? ''} maxLength={1000} />
          </label>
          <label>
            {t('field_company')}
            <input name="company" defaultValue={contact.company ?? ''} maxLength={1000} />
          </label>
          <label>
            {t('field_industry')}
            <input name="industry" defaultValue={contact.industry ?? ''} maxLength={1000} />
          </label>
          <label>
            {t('field_location')}
            <input name="location" defaultValue={contact.location ?? ''} maxLength={1000} />
          </label>
          <label>
            {t('field_emails')} <span className="muted">({t('tagsHint')})</span>
            <input name="emails" defaultValue={contact.emails.join(', ')} />
          </label>
          <label>
            {t('field_phones')} <span className="muted">({t('tagsHint')})</span>
            <input name="phones" defaultValue={contact.phones.join(', ')} />
          </label>
          <label>
            {t('field_tags')} <span className="muted">({t('tagsHint')})</span>
            <input name="tags" defaultValue={contact.tags.join(', ')} />
          </label>
          <label>
            {t('field_owner')}
            <input name="owner" defaultValue={contact.owner ?? ''} maxLength={1000} />
          </label>
          <div className="form__row">
            <label>
              {t('field_tier')}
              <select name="tier" defaultValue={contact.value.tier ?? ''}>
                <option value="">{t('none')}</option>
                {TierSchema.options.map((tier) => (
                  <option key={tier} value={tier}>
                    {t(enumKey('tier', tier))}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('field_loyalty')}
              <select name="loyalty" defaultValue={contact.value.loyalty ?? ''}>
                <option value="">{t('none')}</option>
                {LoyaltyStageSchema.options.map((stage) => (
                  <option key={stage} value={stage}>
                    {t(enumKey('loyalty', stage))}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <label>
            {t('field_stage')}
            <select
              name="stage"
              defaultValue={contact.pipeline ? `${contact.pipeline.pipelineId}::${contact.pipeline.stage}` : ''}
            >
              <option value="">{t('none')}</option>
              {pipelines?.map((p) => (
                <optgroup key={p.id} label={p.name}>
                  {p.stages.map((s) => (
                    <option key={s} value={`${p.id}::${s}`}>
                      {s}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
          <ErrorText message={error} />
          <div className="form__actions">
            <button type="submit" className="button">
              {t('save')}
            </button>
            <button type="button" className="button button--ghost" onClick={() => setEditing(false)}>
              {t('cancel')}
            </button>
          </div>
        </form>
      </section>
    );
  }

  return (
    <section className="card" data-testid="contact-card" data-contact-id={contact.id} aria-label={t('contactCard')}>
      <div className="card__head">
        <div className="card__who">
          <h2 className="card__name" title={contact.displayName} dir="auto">
            {contact.displayName}
          </h2>
          <p className="card__line" title={[contact.title, contact.company].filter(Boolean).join(' · ')}>
            {[contact.title, contact.company].filter(Boolean).join(' · ') || t('none')}
          </p>
        </div>
        <button type="button" className="button button--small button--ghost" onClick={() => setEditing(true)}>
          {t('edit')}
        </button>
      </div>
      {contact.tags.length > 0 && (
        <ul className="chips" aria-label={t('field_tags')}>
          {contact.tags.map((tag) => (
            <li key={tag} className="chip">
              {tag}
            </li>
          ))}
        </ul>
      )}
      <dl className="facts">
        <dt>{t('field_tier')}</dt>
        <dd>{contact.value.tier ?? t('none')}</dd>
        <dt>{t('field_loyalty')}</dt>
        <dd>{contact.value.loyalty ? t(enumKey('loyalty', contact.value.loyalty)) : t('none')}</dd>
        {contact.pipeline && (
          <>
            <dt>{t('field_stage')}</dt>
            <dd>{contact.pipeline.stage}</dd>
          </>
        )}
        <dt>{t('field_owner')}</dt>
        <dd>{contact.owner ?? t('none')}</dd>
        <dt>{t('lastContact')}</dt>
        <dd data-testid="last-contact">{lastContact}</dd>
        <dt>{t('nextFollowUp')}</dt>
        <dd>{next ? `${formatDate(`${next.due}T12:00:00`)} · ${next.what}` : t('none')}</dd>
      </dl>
    </section>
  );
}

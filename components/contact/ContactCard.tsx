import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import type { RapportDB } from '../../utils/db/db';
import { editContact, getContact, searchContacts } from '../../utils/db/repos/contacts';
import { followUpsFor } from '../../utils/db/repos/followups';
import { listPipelines } from '../../utils/db/repos/pipelines';
import { referralsOf } from '../../utils/db/repos/referrals';
import { moveToStage } from '../../utils/db/repos/stages';
import type { ContactId, PipelineId } from '../../utils/domain/common';
import { CoverageSchema, LoyaltyStageSchema, TierSchema, type Contact } from '../../utils/domain/contact';
import { COVERAGE_CADENCE_DAYS, coverageOf, suggestCoverage } from '../../utils/domain/coverage';
import { formatDate, formatNumber, relativeTime, t } from '../../utils/i18n';
import { enumKey } from '../../utils/i18n/keys';
import { ErrorText, errorMessage } from '../ui/ErrorText';
import { CONTACT_FORM_FIELDS, fromContactDraft, toContactDraft, type ContactDraft } from './contact-form';
import { stageLabel } from './labels';

/**
 * The contact in focus: who they are, their value and stage, who recommended them and whom they
 * recommended, last contact and next follow-up; every field editable. `contactHref` (the
 * workspace's) turns the names of other contacts into links.
 */
export function ContactCard({ db, contact, contactHref }: { db: RapportDB; contact: Contact; contactHref?: (id: string) => string }) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string>();
  const followUps = useLiveQuery(() => followUpsFor(db, contact.id), [db, contact.id]);
  const pipelines = useLiveQuery(() => listPipelines(db), [db]);
  const referrer = useLiveQuery(
    async () => (contact.value.referredBy ? ((await getContact(db, contact.value.referredBy)) ?? null) : null),
    [db, contact.value.referredBy],
  );
  const recommended = useLiveQuery(async () => (await referralsOf(db, contact)).recommended, [db, contact.id]);
  const nameOf = (other: Contact, testid: string) =>
    contactHref ? (
      <a key={other.id} href={contactHref(other.id)} dir="auto" data-testid={testid} data-contact-id={other.id}>
        {other.displayName}
      </a>
    ) : (
      <span key={other.id} dir="auto" data-testid={testid} data-contact-id={other.id}>
        {other.displayName}
      </span>
    );
  const next = followUps?.filter((f) => !f.doneAt).sort((a, b) => a.due.localeCompare(b.due))[0];
  const coverage = coverageOf(contact);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const draft = Object.fromEntries(CONTACT_FORM_FIELDS.map((f) => [f, String(form.get(f) ?? '')])) as ContactDraft;
    try {
      setError(undefined);
      let referredBy: ContactId | undefined;
      const referrerText = draft.referredBy.trim();
      if (referrerText && referrerText !== referrer?.displayName) {
        const found = await searchContacts(db, referrerText, 2);
        if (found.length !== 1) throw new Error(t(found.length ? 'ct_err_referrerAmbiguous' : 'ct_err_referrerUnknown', referrerText));
        referredBy = found[0]!.id;
      } else if (referrerText) referredBy = referrer?.id;
      const result = fromContactDraft(draft, contact, referredBy);
      if (!result.ok) throw new Error(t(result.error));
      const { pipeline, ...patch } = result.patch;
      const moved = pipeline && (pipeline.pipelineId !== contact.pipeline?.pipelineId || pipeline.stage !== contact.pipeline?.stage);
      // Merged against the stored record: another tab's change to other fields or list items is kept.
      await editContact(db, contact, moved ? patch : { ...patch, pipeline });
      // A stage change goes through the board's use case, so it is dated on the timeline.
      if (moved) await moveToStage(db, contact.id, pipeline.pipelineId as PipelineId, pipeline.stage);
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
    const draft = toContactDraft(contact, referrer?.displayName ?? '');
    const input = (name: keyof ContactDraft, label: string, extra: Record<string, unknown> = {}) => (
      <label>
        {label}
        <input name={name} defaultValue={draft[name]} maxLength={1000} {...extra} />
      </label>
    );
    return (
      <section className="card" data-testid="contact-card" data-contact-id={contact.id} aria-label={t('contactCard')}>
        <form className="form" data-testid="contact-form" onSubmit={submit}>
          {input('displayName', t('field_displayName'), { required: true })}
          <div className="form__row">
            {input('givenName', t('field_givenName'))}
            {input('familyName', t('field_familyName'))}
          </div>
          {input('title', t('field_title'))}
          {input('company', t('field_company'))}
          {input('industry', t('field_industry'))}
          {input('location', t('field_location'))}
          {input('emails', `${t('field_emails')} (${t('tagsHint')})`)}
          {input('phones', `${t('field_phones')} (${t('tagsHint')})`)}
          {input('linkedinUrl', t('field_linkedinUrl'), { type: 'url', placeholder: 'https://www.linkedin.com/in/…' })}
          {input('tags', `${t('field_tags')} (${t('tagsHint')})`)}
          {input('owner', t('field_owner'))}
          <div className="form__row">
            <label>
              {t('field_tier')}
              <select name="tier" defaultValue={draft.tier}>
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
              <select name="loyalty" defaultValue={draft.loyalty}>
                <option value="">{t('none')}</option>
                {LoyaltyStageSchema.options.map((stage) => (
                  <option key={stage} value={stage}>
                    {t(enumKey('loyalty', stage))}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div className="form__row">
            {input('yearlyRevenue', t('field_yearlyRevenue'), { inputMode: 'decimal' })}
            {input('currency', t('field_currency'), { maxLength: 3, size: 4 })}
          </div>
          <label>
            {t('field_coverage')}
            <select name="coverage" defaultValue={draft.coverage}>
              <option value="">{t('ct_coverageSuggested', t(enumKey('coverage', suggestCoverage(contact.value))))}</option>
              {CoverageSchema.options.map((c) => (
                <option key={c} value={c}>
                  {t(enumKey('coverage', c))} · {t('ct_everyDays', COVERAGE_CADENCE_DAYS[c])}
                </option>
              ))}
            </select>
          </label>
          {input('keepInTouchDays', t('field_keepInTouchDays'), { type: 'number', min: 1, max: 3650 })}
          {input('referredBy', t('field_referredBy'), { placeholder: t('ct_referredByHint') })}
          <label>
            {t('field_stage')}
            <select name="stage" defaultValue={draft.stage}>
              <option value="">{t('none')}</option>
              {pipelines?.map((p) => (
                <optgroup key={p.id} label={p.name}>
                  {p.stages.map((s) => (
                    <option key={s} value={`${p.id}::${s}`}>
                      {stageLabel(s)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
          <label>
            {t('field_about')}
            <textarea name="about" defaultValue={draft.about} rows={3} maxLength={200_000} />
          </label>
          <ErrorText message={error} />
          <div className="form__actions">
            <button type="submit" className="button" data-testid="contact-save">
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

  const revenue = contact.value.yearlyRevenue;
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
        <button type="button" className="button button--small button--ghost" data-testid="contact-edit" onClick={() => setEditing(true)}>
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
        <dd>{contact.value.tier ? t(enumKey('tier', contact.value.tier)) : t('none')}</dd>
        {revenue && (
          <>
            <dt>{t('field_yearlyRevenue')}</dt>
            <dd data-testid="card-revenue">{formatNumber(revenue.amount, revenue.currency)}</dd>
          </>
        )}
        <dt>{t('field_loyalty')}</dt>
        <dd>{contact.value.loyalty ? t(enumKey('loyalty', contact.value.loyalty)) : t('none')}</dd>
        <dt>{t('field_coverage')}</dt>
        <dd data-testid="card-coverage" data-coverage={coverage.coverage}>
          {t(enumKey('coverage', coverage.coverage))}
          {coverage.suggested ? ` (${t('ct_suggested')})` : ''}
        </dd>
        {contact.pipeline && (
          <>
            <dt>{t('field_stage')}</dt>
            <dd>{stageLabel(contact.pipeline.stage)}</dd>
          </>
        )}
        {referrer && (
          <>
            <dt>{t('field_referredBy')}</dt>
            <dd data-testid="card-referred-by">{nameOf(referrer, 'referrer')}</dd>
          </>
        )}
        {recommended && recommended.length > 0 && (
          <>
            <dt>{t('ct_recommended')}</dt>
            <dd data-testid="card-recommended" data-count={recommended.length}>
              {recommended.map((other, i) => [i > 0 ? ', ' : '', nameOf(other, 'recommended')])}
            </dd>
          </>
        )}
        <dt>{t('field_owner')}</dt>
        <dd>{contact.owner ?? t('none')}</dd>
        <dt>{t('lastContact')}</dt>
        <dd data-testid="last-contact">{lastContact}</dd>
        <dt>{t('nextFollowUp')}</dt>
        <dd>{next ? `${formatDate(`${next.due}T12:00:00`)} · ${next.what}` : t('none')}</dd>
      </dl>
      {contact.about && (
        <p className="card__about muted" dir="auto">
          {contact.about}
        </p>
      )}
    </section>
  );
}

import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { RapportDB } from '../../utils/db/db';
import { exportDatabase } from '../../utils/db/repos/export-source';
import { listPipelines } from '../../utils/db/repos/pipelines';
import { bulkApply, deleteSavedSegment, listSavedSegments, saveSegment, type BulkAction } from '../../utils/db/repos/segments';
import { segmentAll, segmentContacts, segmentValues } from '../../utils/db/repos/workspace';
import { ChannelSchema, type ContactId, type PipelineId } from '../../utils/domain/common';
import { LoyaltyStageSchema, TierSchema } from '../../utils/domain/contact';
import { consentFilter, SegmentSchema, type Segment } from '../../utils/domain/segment';
import { formatDate, formatNumber, relativeTime, t } from '../../utils/i18n';
import { enumKey } from '../../utils/i18n/keys';
import { pipelineLabel, stageLabel } from '../contact/labels';
import { downloadBlob } from '../transfer/download';
import { ErrorText, errorMessage } from '../ui/ErrorText';
import { openContact } from './route';
import { leftOutText, whyText } from './words';

/** The contact list: search, combinable filters, saved segments, bulk actions and a consent-aware export. */
export function ContactsView({ db }: { db: RapportDB }) {
  const [query, setQuery] = useState('');
  const [segment, setSegment] = useState<Segment>({});
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<string>();
  const results = useLiveQuery(() => segmentContacts(db, query, segment), [db, query, segment]);
  const values = useLiveQuery(() => segmentValues(db), [db]);
  const saved = useLiveQuery(() => listSavedSegments(db), [db]);
  const pipelines = useLiveQuery(() => listPipelines(db), [db]);
  const set = (patch: Partial<Segment>) => {
    setSegment((s) => SegmentSchema.parse(Object.fromEntries(Object.entries({ ...s, ...patch }).filter(([, v]) => v !== undefined && v !== ''))));
    setSelected(new Set());
  };
  const run = async (work: () => Promise<string | undefined>) => {
    try {
      setError(undefined);
      setMessage(await work());
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const targetIds = async (): Promise<ContactId[]> =>
    selected.size > 0 ? ([...selected] as ContactId[]) : (await segmentAll(db, segment)).map((c) => c.id);

  const bulk = (action: BulkAction) => run(async () => t('ws_bulkDone', await bulkApply(db, await targetIds(), action)));

  const exportSegment = (form: FormData) =>
    run(async () => {
      const ids = new Set(await targetIds());
      const contacts = (await segmentAll(db, segment)).filter((c) => ids.has(c.id));
      const purpose = form.get('purpose') === 'newsletter' ? 'newsletter' : 'list';
      const includeAll = form.get('includeAll') === 'on';
      const { included, leftOut } = includeAll ? { included: contacts, leftOut: {} } : consentFilter(contacts, purpose);
      const result = await exportDatabase(db, {
        format: form.get('format') === 'vcard' ? 'vcard' : 'csv',
        selection: { kind: 'contacts', contactIds: included.map((c) => c.id) },
      });
      downloadBlob(result.blob, result.fileName);
      return [t('ws_exported', included.length), leftOutText(leftOut)].filter(Boolean).join(' ');
    });

  const select = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <section className="workspace__search card" aria-labelledby="ws-contacts">
      <h2 id="ws-contacts" className="section-title">
        {t('ws_contacts')}
      </h2>
      <input type="search" data-testid="search-input" aria-label={t('search')} placeholder={t('search')} value={query} onChange={(e) => setQuery(e.target.value)} />
      <div className="form form__row" role="group" aria-label={t('ws_segment')} data-testid="segment-filters">
        <select name="tag" aria-label={t('field_tags')} value={segment.tag ?? ''} onChange={(e) => set({ tag: e.target.value || undefined })}>
          <option value="">{t('ws_anyTag')}</option>
          {values?.tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
        <select name="tier" aria-label={t('field_tier')} value={segment.tier ?? ''} onChange={(e) => set({ tier: TierSchema.safeParse(e.target.value).data })}>
          <option value="">{t('ws_anyTier')}</option>
          {TierSchema.options.map((tier) => (
            <option key={tier} value={tier}>
              {t(enumKey('tier', tier))}
            </option>
          ))}
        </select>
        <select name="loyalty" aria-label={t('field_loyalty')} value={segment.loyalty ?? ''} onChange={(e) => set({ loyalty: LoyaltyStageSchema.safeParse(e.target.value).data })}>
          <option value="">{t('ws_anyLoyalty')}</option>
          {LoyaltyStageSchema.options.map((stage) => (
            <option key={stage} value={stage}>
              {t(enumKey('loyalty', stage))}
            </option>
          ))}
        </select>
        <select name="industry" aria-label={t('field_industry')} value={segment.industry ?? ''} onChange={(e) => set({ industry: e.target.value || undefined })}>
          <option value="">{t('ws_anyIndustry')}</option>
          {values?.industries.map((industry) => (
            <option key={industry} value={industry}>
              {industry}
            </option>
          ))}
        </select>
        <select name="stage" aria-label={t('field_stage')} value={segment.stage ?? ''} onChange={(e) => set({ stage: e.target.value || undefined })}>
          <option value="">{t('ws_anyStage')}</option>
          {pipelines?.map((p) => (
            <optgroup key={p.id} label={pipelineLabel(p)}>
              {p.stages.map((s) => (
                <option key={s} value={`${p.id}::${s}`}>
                  {stageLabel(s)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <select name="owner" aria-label={t('field_owner')} value={segment.owner ?? ''} onChange={(e) => set({ owner: e.target.value || undefined })}>
          <option value="">{t('ws_anyOwner')}</option>
          {values?.owners.map((owner) => (
            <option key={owner} value={owner}>
              {owner}
            </option>
          ))}
        </select>
        <select name="channel" aria-label={t('ws_preferredChannel')} value={segment.channel ?? ''} onChange={(e) => set({ channel: ChannelSchema.safeParse(e.target.value).data })}>
          <option value="">{t('ws_anyChannel')}</option>
          {ChannelSchema.options.map((c) => (
            <option key={c} value={c}>
              {t(enumKey('channel', c))}
            </option>
          ))}
        </select>
        <select
          name="newsletter"
          aria-label={t('ws_newsletter')}
          value={segment.newsletter ?? ''}
          onChange={(e) => set({ newsletter: e.target.value === 'yes' || e.target.value === 'no' ? e.target.value : undefined })}
        >
          <option value="">{t('ws_newsletterAny')}</option>
          <option value="yes">{t('ws_newsletterYes')}</option>
          <option value="no">{t('ws_newsletterNo')}</option>
        </select>
        <label>
          <input type="checkbox" name="openFollowUp" checked={segment.openFollowUp ?? false} onChange={(e) => set({ openFollowUp: e.target.checked || undefined })} />{' '}
          {t('ws_hasOpenFollowUp')}
        </label>
        <label>
          {t('ws_silentMonths')}{' '}
          <input
            type="number"
            name="silentMonths"
            min={1}
            max={600}
            size={4}
            value={segment.silentMonths ?? ''}
            onChange={(e) => set({ silentMonths: Number(e.target.value) > 0 ? Math.floor(Number(e.target.value)) : undefined })}
          />
        </label>
      </div>
      <form
        className="form form__row"
        data-testid="segment-save"
        onSubmit={(e) => {
          e.preventDefault();
          const name = String(new FormData(e.currentTarget).get('segmentName') ?? '').trim();
          if (name) void run(async () => (await saveSegment(db, { name, segment }), t('ws_segmentSaved', name)));
        }}
      >
        <select aria-label={t('ws_savedSegments')} data-testid="saved-segments" value="" onChange={(e) => {
          const found = saved?.find((s) => s.name === e.target.value);
          if (found) set({ ...Object.fromEntries(Object.keys(SegmentSchema.shape).map((k) => [k, undefined])), ...found.segment });
        }}>
          <option value="">{t('ws_savedSegments')}</option>
          {saved?.map((s) => (
            <option key={s.name} value={s.name}>
              {s.name}
            </option>
          ))}
        </select>
        <input name="segmentName" aria-label={t('ws_segmentName')} placeholder={t('ws_segmentName')} maxLength={1000} />
        <button type="submit" className="button button--small">
          {t('ws_saveSegment')}
        </button>
        {saved && saved.length > 0 && (
          <button type="button" className="button button--small button--ghost" onClick={() => {
            const name = String((document.querySelector('input[name="segmentName"]') as HTMLInputElement | null)?.value ?? '').trim();
            if (name) void run(async () => (await deleteSavedSegment(db, name), undefined));
          }}>
            {t('ws_deleteSegment')}
          </button>
        )}
      </form>
      <details className="bulk" data-testid="bulk-actions">
        <summary>{selected.size > 0 ? t('ws_bulkSelected', selected.size) : t('ws_bulkSegment')}</summary>
        <form className="form form__row" onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          const kind = String(form.get('action'));
          const arg = String(form.get('arg') ?? '').trim();
          if (kind === 'set-stage') {
            const [pipelineId, stage] = arg.split('::');
            if (pipelineId && stage) void bulk({ kind, pipelineId: pipelineId as PipelineId, stage });
          } else if ((kind === 'add-tag' || kind === 'remove-tag') && arg) void bulk({ kind, tag: arg });
          else if (kind === 'set-owner') void bulk({ kind, owner: arg });
        }}>
          <select name="action" aria-label={t('ws_bulkAction')}>
            <option value="add-tag">{t('ws_bulk_addTag')}</option>
            <option value="remove-tag">{t('ws_bulk_removeTag')}</option>
            <option value="set-owner">{t('ws_bulk_setOwner')}</option>
            <option value="set-stage">{t('ws_bulk_setStage')}</option>
          </select>
          <input name="arg" aria-label={t('ws_bulkValue')} placeholder={t('ws_bulkValueHint')} list="ws-stage-values" />
          <datalist id="ws-stage-values">
            {pipelines?.flatMap((p) => p.stages.map((s) => <option key={`${p.id}::${s}`} value={`${p.id}::${s}`}>{`${pipelineLabel(p)}: ${stageLabel(s)}`}</option>))}
          </datalist>
          <button type="submit" className="button button--small" data-testid="bulk-run">
            {t('ws_bulkRun')}
          </button>
        </form>
        <form className="form form__row" data-testid="segment-export" onSubmit={(e) => {
          e.preventDefault();
          void exportSegment(new FormData(e.currentTarget));
        }}>
          <select name="purpose" aria-label={t('ws_exportPurpose')} data-testid="segment-export-purpose">
            <option value="list">{t('ws_exportList')}</option>
            <option value="newsletter">{t('ws_exportNewsletter')}</option>
          </select>
          <select name="format" aria-label={t('ws_exportFormat')}>
            <option value="csv">CSV</option>
            <option value="vcard">vCard</option>
          </select>
          <label>
            <input type="checkbox" name="includeAll" data-testid="segment-export-include-all" /> {t('ws_exportIncludeAll')}
          </label>
          <button type="submit" className="button button--small" data-testid="segment-export-run">
            {t('ws_exportSegment')}
          </button>
        </form>
      </details>
      <p className="muted" role="status" data-testid="ws-message">
        {message}
      </p>
      <ErrorText message={error} />
      {results && <p className="muted">{t('ws_count', results.length)}</p>}
      <ul className="people">
        {results?.map(({ contact: c, note, priority }) => (
          <li
            key={c.id}
            className="person person--link"
            data-testid="search-result"
            data-contact-id={c.id}
            data-match={note ? 'note' : 'contact'}
            data-score={priority.score}
            onClick={(e) => {
              if ((e.target as HTMLElement).closest('input,button,a')) return;
              openContact(c.id);
            }}
          >
            <div className="person__main">
              <a className="person__name" dir="auto" href={`#contact/${encodeURIComponent(c.id)}`}>
                {c.value.tier ? `${t(enumKey('tier', c.value.tier))} · ` : ''}
                {c.displayName}
              </a>
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
              <span className="person__meta why" data-testid="why-first">
                {t('ws_whyFirst')} {whyText(priority.reasons, priority.score)}
              </span>
            </div>
            <input type="checkbox" aria-label={t('ws_select', c.displayName)} checked={selected.has(c.id)} onChange={(e) => select(c.id, e.target.checked)} />
          </li>
        ))}
      </ul>
    </section>
  );
}

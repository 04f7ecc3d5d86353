import './transfer.css';
import { useRef, useState } from 'react';
import type { RapportDB } from '../../utils/db/db';
import { searchContacts } from '../../utils/db/repos/contacts';
import type { Contact } from '../../utils/domain/contact';
import { TransferError } from '../../utils/transfer/errors';
import { exportDatabase } from '../../utils/db/repos/export-source';
import type { ExportFormat, Progress, Selection } from '../../utils/transfer/model';
import type { VCardVersion } from '../../utils/transfer/vcard';
import { downloadBlob } from './download';
import { t, type TransferMessageKey } from './messages';
import { ErrorText, errorMessage } from '../ui/ErrorText';

/** The scopes this panel offers (a hand-picked list comes from the workspace's segment export). */
type ScopeKind = Exclude<Selection['kind'], 'contacts'>;

const FORMATS: [ExportFormat, TransferMessageKey][] = [
  ['json', 'transfer_format_json'],
  ['csv', 'transfer_format_csv'],
  ['vcard', 'transfer_format_vcardExport'],
  ['markdown', 'transfer_format_markdown'],
];

const SCOPES: ScopeKind[] = ['all', 'tag', 'tier', 'industry', 'search', 'contact'];

type State =
  | { step: 'idle' }
  | { step: 'busy'; progress?: Progress }
  | { step: 'done'; fileName: string; records: number }
  | { step: 'error'; message: string };

function selectionOf(kind: ScopeKind, value: string, contactId: string): Selection | undefined {
  const v = value.trim();
  switch (kind) {
    case 'all':
      return { kind };
    case 'tag':
      return v ? { kind, tag: v } : undefined;
    case 'industry':
      return v ? { kind, industry: v } : undefined;
    case 'search':
      return v ? { kind, query: v } : undefined;
    case 'tier':
      return v === 'A' || v === 'B' || v === 'C' ? { kind, tier: v } : undefined;
    case 'contact':
      return contactId ? { kind, contactId } : undefined;
  }
}

/**
 * Export: the whole database or a segment (tag, tier, industry, search) or one contact, as a JSON
 * backup or handover bundle, CSV for Excel, vCard or Markdown. The file is built in chunks, shows
 * progress, can be cancelled, and is saved through an ordinary download.
 */
export function ExportPanel({ db, appVersion }: { db: RapportDB; appVersion?: string }) {
  const [format, setFormat] = useState<ExportFormat>('json');
  const [vcardVersion, setVcardVersion] = useState<VCardVersion>('4.0');
  const [scope, setScope] = useState<ScopeKind>('all');
  const [value, setValue] = useState('');
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<Contact[]>([]);
  const [contactId, setContactId] = useState('');
  const [from, setFrom] = useState('');
  const [note, setNote] = useState('');
  const [state, setState] = useState<State>({ step: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const selection = selectionOf(scope, value, contactId);

  async function onQuery(next: string) {
    setQuery(next);
    const found = next.trim() ? await searchContacts(db, next, 20) : [];
    setMatches(found);
    setContactId(found[0]?.id ?? '');
  }

  async function onRun() {
    if (!selection) return;
    const controller = new AbortController();
    abort.current = controller;
    setState({ step: 'busy' });
    try {
      const result = await exportDatabase(db, {
        format,
        selection,
        vcardVersion,
        appVersion,
        from: from.trim() || undefined,
        note: note.trim() || undefined,
        signal: controller.signal,
        onProgress: (progress) => setState({ step: 'busy', progress }),
      });
      downloadBlob(result.blob, result.fileName);
      setState({ step: 'done', fileName: result.fileName, records: result.records });
    } catch (error) {
      if (error instanceof TransferError && error.code === 'cancelled') setState({ step: 'idle' });
      else setState({ step: 'error', message: errorMessage(error) });
    }
  }

  const busy = state.step === 'busy';
  return (
    <section className="transfer transfer--export" aria-labelledby="transfer-export-title">
      <h2 id="transfer-export-title" className="section-title">
        {t('transfer_exportTitle')}
      </h2>
      <p className="muted">{t('transfer_exportHint')}</p>
      <label className="transfer__field">
        {t('transfer_formatLabel')}{' '}
        <select data-testid="export-format" value={format} disabled={busy} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
          {FORMATS.map(([f, key]) => (
            <option key={f} value={f}>
              {t(key)}
            </option>
          ))}
        </select>
      </label>
      {format === 'vcard' && (
        <label className="transfer__field">
          {t('transfer_vcardVersion')}{' '}
          <select value={vcardVersion} disabled={busy} onChange={(e) => setVcardVersion(e.target.value as VCardVersion)}>
            <option value="4.0">{t('transfer_vcard40')}</option>
            <option value="3.0">{t('transfer_vcard30')}</option>
          </select>
        </label>
      )}
      <label className="transfer__field">
        {t('transfer_scopeLabel')}{' '}
        <select data-testid="export-scope" value={scope} disabled={busy} onChange={(e) => setScope(e.target.value as ScopeKind)}>
          {SCOPES.map((s) => (
            <option key={s} value={s}>
              {t(`transfer_scope_${s}`)}
            </option>
          ))}
        </select>
      </label>
      {scope === 'tier' && (
        <select aria-label={t('transfer_scope_tier')} data-testid="export-scope-value" value={value} disabled={busy} onChange={(e) => setValue(e.target.value)}>
          <option value="" />
          <option value="A">A</option>
          <option value="B">B</option>
          <option value="C">C</option>
        </select>
      )}
      {(scope === 'tag' || scope === 'industry' || scope === 'search') && (
        <input type="text" aria-label={t('transfer_scopeValue')} data-testid="export-scope-value" value={value} disabled={busy} onChange={(e) => setValue(e.target.value)} />
      )}
      {scope === 'contact' && (
        <div className="transfer__field">
          <input type="search" aria-label={t('transfer_pickContact')} placeholder={t('transfer_pickContact')} value={query} disabled={busy} onChange={(e) => void onQuery(e.target.value)} />
          <select aria-label={t('transfer_scope_contact')} data-testid="export-contact" value={contactId} disabled={busy} onChange={(e) => setContactId(e.target.value)}>
            {matches.map((c) => (
              <option key={c.id} value={c.id}>
                {[c.displayName, c.company, c.emails[0]].filter(Boolean).join(' · ')}
              </option>
            ))}
          </select>
        </div>
      )}
      {format === 'json' && scope !== 'all' && (
        <>
          <input type="text" aria-label={t('transfer_handoverFromLabel')} placeholder={t('transfer_handoverFromLabel')} value={from} disabled={busy} onChange={(e) => setFrom(e.target.value)} />
          <textarea aria-label={t('transfer_handoverNote')} placeholder={t('transfer_handoverNote')} value={note} disabled={busy} onChange={(e) => setNote(e.target.value)} />
        </>
      )}
      <div className="transfer__actions">
        <button type="button" className="button" data-testid="export-run" disabled={busy || !selection} onClick={() => void onRun()}>
          {t('transfer_run')}
        </button>
        {busy && (
          <button type="button" className="button button--ghost" data-testid="export-cancel" onClick={() => abort.current?.abort()}>
            {t('transfer_cancel')}
          </button>
        )}
      </div>
      {state.step === 'busy' && state.progress && (
        <p className="muted">
          <progress max={Math.max(1, state.progress.total)} value={state.progress.done} /> {t('transfer_exporting', state.progress.done, state.progress.total)}
        </p>
      )}
      {state.step === 'done' && (
        <p role="status" data-testid="export-done">
          {t('transfer_exported', state.fileName, state.records)}
        </p>
      )}
      <ErrorText message={state.step === 'error' ? state.message : undefined} />
    </section>
  );
}

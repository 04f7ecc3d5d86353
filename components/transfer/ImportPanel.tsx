import './transfer.css';
import { useRef, useState, type ChangeEvent } from 'react';
import type { RapportDB } from '../../utils/db/db';
import { applyImport, type ImportReport } from '../../utils/db/repos/import-apply';
import { planImport, summarize, type ImportPlan, type MergeMode } from '../../utils/db/repos/import-plan';
import { TransferError } from '../../utils/transfer/errors';
import { readImportFile } from '../../utils/transfer/import';
import type { DecodedImport, InvalidRow, Progress } from '../../utils/transfer/model';
import { t, type TransferMessageKey } from './messages';
import { errorMessage } from '../ui/ErrorText';

type State =
  | { step: 'idle' }
  | { step: 'busy'; progress?: Progress }
  | { step: 'preview'; decoded: DecodedImport; plan: ImportPlan }
  | { step: 'done'; report: ImportReport }
  | { step: 'error'; error: unknown };

const SHOWN_ROWS = 100;

function errorText(error: unknown): { headline: string; detail: string } {
  if (error instanceof TransferError) {
    const key = `transfer_error_${error.code.replace(/-/g, '_')}` as TransferMessageKey;
    return { headline: t(key), detail: error.message };
  }
  return { headline: t('transfer_error_unexpected'), detail: errorMessage(error) };
}

function rowPlace(row: InvalidRow): string {
  const parts = [row.where, row.line !== undefined ? t('transfer_rowAt', row.line) : undefined].filter(Boolean);
  return parts.join(', ');
}

function RowList({ title, rows }: { title: string; rows: readonly InvalidRow[] }) {
  if (rows.length === 0) return null;
  return (
    <details className="transfer__rows">
      <summary>
        {title} ({rows.length})
      </summary>
      <ul>
        {rows.slice(0, SHOWN_ROWS).map((row, i) => (
          <li key={i}>
            <strong>{rowPlace(row)}</strong>: {row.reason}
          </li>
        ))}
        {rows.length > SHOWN_ROWS && <li>{t('transfer_more', rows.length - SHOWN_ROWS)}</li>}
      </ul>
    </details>
  );
}

function ProgressLine({ progress }: { progress?: Progress }) {
  if (!progress) return <p className="muted">{t('transfer_reading')}</p>;
  if (progress.phase === 'decode') {
    return (
      <p className="muted">
        <progress max={Math.max(1, progress.total)} value={progress.done} /> {t('transfer_reading')}
      </p>
    );
  }
  const label = progress.phase === 'write' ? 'transfer_writing' : 'transfer_planning';
  return (
    <p className="muted">
      <progress max={Math.max(1, progress.total)} value={progress.done} /> {t(label, progress.done, progress.total)}
    </p>
  );
}

/**
 * Import: pick a file (any supported format, recognised from its content), see a preview of what
 * will happen, confirm, get a report. Nothing is written before the confirmation, and the write is
 * all-or-nothing.
 */
export function ImportPanel({ db }: { db: RapportDB }) {
  const [state, setState] = useState<State>({ step: 'idle' });
  const [mode, setMode] = useState<MergeMode>('keep');
  const abort = useRef<AbortController | null>(null);

  async function preview(decoded: DecodedImport, nextMode: MergeMode) {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setState({ step: 'busy' });
    try {
      const plan = await planImport(db, decoded, {
        mode: nextMode,
        signal: controller.signal,
        onProgress: (progress) => setState({ step: 'busy', progress }),
      });
      if (!controller.signal.aborted) setState({ step: 'preview', decoded, plan });
    } catch (error) {
      if (!controller.signal.aborted || !(error instanceof TransferError)) setState({ step: 'error', error });
      else setState({ step: 'idle' });
    }
  }

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    // Clear the input so choosing the same file again fires another change.
    event.target.value = '';
    if (!file) return;
    setState({ step: 'busy' });
    try {
      const decoded = await readImportFile(file, { onProgress: (progress) => setState({ step: 'busy', progress }) });
      await preview(decoded, mode);
    } catch (error) {
      setState({ step: 'error', error });
    }
  }

  async function onMode(next: MergeMode) {
    setMode(next);
    if (state.step === 'preview') await preview(state.decoded, next);
  }

  async function onConfirm() {
    if (state.step !== 'preview') return;
    const { plan } = state;
    const controller = new AbortController();
    abort.current = controller;
    setState({ step: 'busy', progress: { phase: 'write', done: 0, total: 1 } });
    try {
      const report = await applyImport(db, plan, { signal: controller.signal, onProgress: (progress) => setState({ step: 'busy', progress }) });
      setState({ step: 'done', report });
    } catch (error) {
      if (!controller.signal.aborted || !(error instanceof TransferError)) setState({ step: 'error', error });
    }
  }

  function onCancel() {
    abort.current?.abort();
    setState({ step: 'idle' });
  }

  return (
    <section className="transfer transfer--import" aria-labelledby="transfer-import-title">
      <h2 id="transfer-import-title" className="section-title">
        {t('transfer_importTitle')}
      </h2>
      <p className="muted">{t('transfer_importHint')}</p>
      <input
        type="file"
        data-testid="import-file"
        aria-label={t('transfer_chooseFile')}
        accept=".json,.csv,.zip,.vcf,.vcard,.txt,application/json,text/csv,text/vcard,application/zip"
        disabled={state.step === 'busy'}
        onChange={(e) => void onFile(e)}
      />

      {state.step === 'busy' && (
        <div>
          <ProgressLine progress={state.progress} />
          <button type="button" className="button button--ghost button--small" onClick={onCancel}>
            {t('transfer_cancel')}
          </button>
        </div>
      )}

      {state.step === 'preview' && <Preview plan={state.plan} mode={mode} onMode={(m) => void onMode(m)} onConfirm={() => void onConfirm()} onCancel={onCancel} />}

      {state.step === 'done' && (
        <p
          data-testid="import-report"
          data-imported={state.report.imported}
          data-updated={state.report.updated}
          data-skipped={state.report.skipped}
          data-errors={state.report.errors}
          data-interactions={state.report.interactions}
          role="status"
        >
          {t('transfer_report', state.report.imported, state.report.updated, state.report.skipped, state.report.errors)}
        </p>
      )}

      {state.step === 'error' && <ErrorBox error={state.error} />}
    </section>
  );
}

function ErrorBox({ error }: { error: unknown }) {
  const { headline, detail } = errorText(error);
  // A refused file is reported with the same hook (nothing imported, one error), so a test and a
  // screen reader see the outcome either way.
  return (
    <div
      className="error"
      role="alert"
      data-testid="import-report"
      data-imported={0}
      data-updated={0}
      data-skipped={0}
      data-errors={1}
      data-code={error instanceof TransferError ? error.code : 'unexpected'}
    >
      <p>
        <strong>{headline}</strong> {t('transfer_nothingWritten')}
      </p>
      <p>{detail}</p>
    </div>
  );
}

function Preview({
  plan,
  mode,
  onMode,
  onConfirm,
  onCancel,
}: {
  plan: ImportPlan;
  mode: MergeMode;
  onMode: (mode: MergeMode) => void;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const s = summarize(plan);
  const formatKey = `transfer_format_${plan.format.replace(/-/g, '_')}` as TransferMessageKey;
  const counts: [TransferMessageKey, number, string][] = [
    ['transfer_countNew', s.new, 'new'],
    ['transfer_countMatched', s.matched, 'matched'],
    ['transfer_countDuplicate', s.duplicate, 'duplicate'],
    ['transfer_countInvalid', s.invalid, 'invalid'],
  ];
  const extra: [TransferMessageKey, number][] = [
    ['transfer_countInteractions', s.interactions],
    ['transfer_countFollowUps', s.followUps],
    ['transfer_countChecks', s.checks],
    ['transfer_countPresent', s.alreadyPresent],
  ];
  return (
    <div className="transfer__preview" data-testid="import-preview" data-new={s.new} data-matched={s.matched} data-duplicate={s.duplicate} data-invalid={s.invalid}>
      <h3 className="section-title">{t('transfer_preview')}</h3>
      <p>{t('transfer_detected', t(formatKey))}</p>
      {plan.scope?.from && <p>{t('transfer_handoverFrom', plan.scope.from)}</p>}
      {plan.scope?.note && <p className="transfer__note">{plan.scope.note}</p>}
      {plan.notices.map((notice, i) => (
        <p key={i} className="muted">
          {notice}
        </p>
      ))}
      <dl className="transfer__counts">
        {counts.map(([key, n, id]) => (
          <div key={id} data-count={id}>
            <dt>{t(key)}</dt>
            <dd>{n}</dd>
          </div>
        ))}
        {extra
          .filter(([, n]) => n > 0)
          .map(([key, n]) => (
            <div key={key}>
              <dt>{t(key)}</dt>
              <dd>{n}</dd>
            </div>
          ))}
      </dl>
      <RowList title={t('transfer_invalidRows')} rows={plan.invalid} />
      <RowList title={t('transfer_duplicateRows')} rows={plan.duplicates} />
      <label className="transfer__option">
        <input type="checkbox" checked={mode === 'overwrite'} onChange={(e) => onMode(e.target.checked ? 'overwrite' : 'keep')} /> {t('transfer_overwrite')}
      </label>
      {mode === 'keep' && <p className="muted">{t('transfer_keepHint')}</p>}
      <div className="transfer__actions">
        <button type="button" className="button" data-testid="import-confirm" onClick={onConfirm}>
          {t('transfer_confirm')}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t('transfer_cancel')}
        </button>
      </div>
    </div>
  );
}

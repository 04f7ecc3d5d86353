import './transfer.css';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { RapportDB } from '../../utils/db/db';
import { applyImport, type ImportReport } from '../../utils/db/repos/import-apply';
import { planImport, summarize, type ImportPlan, type MergeMode } from '../../utils/db/repos/import-plan';
import { recoverInterruptedRestore, restoreBackup, type RestoreReport } from '../../utils/db/repos/restore';
import { looksLikeRapportJson } from '../../utils/transfer/json-stream';
import { MAX_IMPORT_BYTES } from '../../utils/transfer/text';
import { TransferError } from '../../utils/transfer/errors';
import { readImportFile } from '../../utils/transfer/import';
import type { DecodedImport, Progress } from '../../utils/transfer/model';
import { importCounts, leftOutCsv, leftOutRows, type ImportCounts, type LeftOut } from '../../utils/transfer/outcome';
import { downloadBlob } from './download';
import { t, type TransferMessageKey } from './messages';
import { errorMessage } from '../ui/ErrorText';

type State =
  | { step: 'idle' }
  | { step: 'busy'; progress?: Progress }
  | { step: 'preview'; decoded: DecodedImport; plan: ImportPlan }
  | { step: 'done'; report: ImportReport; plan: ImportPlan; decoded: DecodedImport }
  | { step: 'restored'; report: RestoreReport }
  | { step: 'error'; error: unknown };

const SHOWN_ROWS = 100;

function errorText(error: unknown): { headline: string; detail: string } {
  if (error instanceof TransferError) {
    const key = `transfer_error_${error.code.replace(/-/g, '_')}` as TransferMessageKey;
    return { headline: t(key), detail: error.message };
  }
  return { headline: t('transfer_error_unexpected'), detail: errorMessage(error) };
}

function rowPlace(row: Pick<LeftOut, 'line' | 'where' | 'name'>): string {
  const parts = [row.where, row.line !== undefined ? t('transfer_rowAt', row.line) : undefined, row.name].filter(Boolean);
  return parts.join(', ');
}

function RowList({ title, rows, kind }: { title: string; rows: readonly LeftOut[]; kind: LeftOut['outcome'] }) {
  if (rows.length === 0) return null;
  return (
    <details className="transfer__rows" data-testid="import-left-out" data-outcome={kind} data-count={rows.length}>
      <summary>
        {title} ({rows.length})
      </summary>
      <ul>
        {rows.slice(0, SHOWN_ROWS).map((row, i) => (
          <li key={i} data-line={row.line}>
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
  if (progress.phase === 'restore') {
    const mb = (n: number) => (n / (1024 * 1024)).toFixed(0);
    return (
      <p className="muted" data-testid="restore-progress" data-done={progress.done} data-total={progress.total}>
        <progress max={Math.max(1, progress.total)} value={progress.done} /> {t('transfer_restoring', mb(progress.done), mb(progress.total))}
      </p>
    );
  }
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

  // A restore cut short by a closed page leaves a marker: clear what it wrote (`restore.ts`).
  useEffect(() => {
    void recoverInterruptedRestore(db).catch(() => undefined);
  }, [db]);

  /** Our JSON backup over the whole-file limit: restored as a stream into an empty notebook. */
  async function restore(file: File) {
    const controller = new AbortController();
    abort.current = controller;
    setState({ step: 'busy', progress: { phase: 'restore', done: 0, total: file.size } });
    try {
      const report = await restoreBackup(db, file, { signal: controller.signal, onProgress: (progress) => setState({ step: 'busy', progress }) });
      setState({ step: 'restored', report });
    } catch (error) {
      if (!controller.signal.aborted || !(error instanceof TransferError)) setState({ step: 'error', error });
    }
  }

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
    if (file.size > MAX_IMPORT_BYTES && looksLikeRapportJson(await file.slice(0, 256).text())) {
      await restore(file);
      return;
    }
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
      setState({ step: 'done', report, plan, decoded: state.decoded });
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
          <button type="button" className="button button--ghost button--small" data-testid="import-cancel" onClick={onCancel}>
            {t('transfer_cancel')}
          </button>
        </div>
      )}

      {state.step === 'preview' && (
        <Preview plan={state.plan} decoded={state.decoded} mode={mode} onMode={(m) => void onMode(m)} onConfirm={() => void onConfirm()} onCancel={onCancel} />
      )}

      {state.step === 'done' && <Report report={state.report} plan={state.plan} decoded={state.decoded} />}

      {state.step === 'restored' && <Restored report={state.report} />}

      {state.step === 'error' && <ErrorBox error={state.error} />}
    </section>
  );
}

function Restored({ report }: { report: RestoreReport }) {
  return (
    <div
      className="transfer__report"
      data-testid="import-report"
      data-restore="true"
      data-imported={report.contacts}
      data-updated={0}
      data-skipped={report.leftOut}
      data-errors={0}
      data-interactions={report.interactions}
      role="status"
    >
      <p>{t('transfer_restored', report.contacts, report.interactions, report.followUps, report.leftOut)}</p>
      {report.leftOutRows.length > 0 && (
        <ul>
          {report.leftOutRows.map((row, i) => (
            <li key={i}>
              <strong>{rowPlace(row)}</strong>: {row.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
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

/** The four numbers, with the same words in the preview and in the report. */
function Counts({ counts, fields }: { counts: ImportCounts; fields: number }) {
  const rows: [TransferMessageKey, number, string][] = [
    ['transfer_countNew', counts.new, 'new'],
    ['transfer_countMatched', counts.updated, 'matched'],
    ['transfer_countDuplicate', counts.duplicates, 'duplicate'],
    ['transfer_countInvalid', counts.invalid, 'invalid'],
  ];
  return (
    <>
      {rows.map(([key, n, id]) => (
        <div key={id} data-count={id}>
          <dt>{t(key)}</dt>
          <dd>{n}</dd>
        </div>
      ))}
      {fields > 0 && (
        <div data-count="fields">
          <dt>{t('transfer_countFields')}</dt>
          <dd>{fields}</dd>
        </div>
      )}
    </>
  );
}

/** The rows left out of the file (invalid, duplicate) and the fields left out of kept rows. */
function LeftOutLists({ rows }: { rows: readonly LeftOut[] }) {
  return (
    <>
      <RowList title={t('transfer_invalidRows')} kind="invalid" rows={rows.filter((r) => r.outcome === 'invalid')} />
      <RowList title={t('transfer_duplicateRows')} kind="duplicate" rows={rows.filter((r) => r.outcome === 'duplicate')} />
      <RowList title={t('transfer_fieldRows')} kind="field" rows={rows.filter((r) => r.outcome === 'field')} />
    </>
  );
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The result of a confirmed import. Its numbers are the plan's (the write is all-or-nothing),
 * so they are the preview's, in the preview's words; "skipped" is duplicates plus invalid rows,
 * and nothing is an error unless the write failed (then the error box reports instead).
 */
function Report({ report, plan, decoded }: { report: ImportReport; plan: ImportPlan; decoded: DecodedImport }) {
  const counts = importCounts(plan);
  const rows = leftOutRows(plan, decoded);
  const fields = rows.filter((r) => r.outcome === 'field').length;
  return (
    <div
      className="transfer__report"
      data-testid="import-report"
      data-imported={counts.new}
      data-updated={counts.updated}
      data-skipped={counts.duplicates + counts.invalid}
      data-duplicates={counts.duplicates}
      data-invalid={counts.invalid}
      data-fields={fields}
      data-errors={0}
      data-interactions={report.interactions}
      role="status"
    >
      <h3 className="section-title">{t('transfer_reportTitle')}</h3>
      <p>{t('transfer_report', counts.new, counts.updated, counts.duplicates, counts.invalid)}</p>
      <dl className="transfer__counts">
        <Counts counts={counts} fields={fields} />
      </dl>
      <LeftOutLists rows={rows} />
      {rows.length > 0 && (
        <button
          type="button"
          className="button button--ghost button--small"
          data-testid="import-left-out-download"
          onClick={() => downloadBlob(new Blob([leftOutCsv(rows)], { type: 'text/csv;charset=utf-8' }), `rapport-import-left-out-${today()}.csv`)}
        >
          {t('transfer_leftOutDownload')}
        </button>
      )}
    </div>
  );
}

function Preview({
  plan,
  decoded,
  mode,
  onMode,
  onConfirm,
  onCancel,
}: {
  plan: ImportPlan;
  decoded: DecodedImport;
  mode: MergeMode;
  onMode: (mode: MergeMode) => void;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const s = summarize(plan);
  const counts = importCounts(plan);
  const rows = leftOutRows(plan, decoded);
  const fields = rows.filter((r) => r.outcome === 'field').length;
  const formatKey = `transfer_format_${plan.format.replace(/-/g, '_')}` as TransferMessageKey;
  const extra: [TransferMessageKey, number][] = [
    ['transfer_countInteractions', s.interactions],
    ['transfer_countFollowUps', s.followUps],
    ['transfer_countChecks', s.checks],
    ['transfer_countPresent', s.alreadyPresent],
  ];
  return (
    <div
      className="transfer__preview"
      data-testid="import-preview"
      data-new={counts.new}
      data-matched={counts.updated}
      data-duplicate={counts.duplicates}
      data-invalid={counts.invalid}
      data-fields={fields}
    >
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
        <Counts counts={counts} fields={fields} />
        {extra
          .filter(([, n]) => n > 0)
          .map(([key, n]) => (
            <div key={key}>
              <dt>{t(key)}</dt>
              <dd>{n}</dd>
            </div>
          ))}
      </dl>
      <LeftOutLists rows={rows} />
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

import { useEffect, useState, type ReactNode } from 'react';
import { UPGRADE_CHANNEL, type RapportDB, type UpgradeMessage } from '../../utils/db/db';
import type { BackfillProgress } from '../../utils/db/repos/search';
import { formatNumber, t } from '../../utils/i18n';
import { errorMessage } from './ErrorText';

type GateState = { step: 'opening'; progress?: UpgradeMessage } | { step: 'open' } | { step: 'failed'; error: string } | { step: 'outdated' };

/**
 * Renders its children once the notebook is open. While a schema upgrade runs (in this page or in
 * another extension page, which announces its progress on `UPGRADE_CHANNEL`), it says so with the
 * progress instead of leaving the panel blank; if the notebook cannot be opened, it says why. When
 * a newer Rapport in another page upgrades the notebook, this page lets go of it at once (Dexie
 * closes the connection, so the upgrade is never blocked) and asks to be reloaded.
 */
export function NotebookGate({ db, children }: { db: RapportDB; children: ReactNode }) {
  const [state, setState] = useState<GateState>(() => (db.isOpen() ? { step: 'open' } : { step: 'opening' }));
  const [slow, setSlow] = useState(false);
  const [backfill, setBackfill] = useState<BackfillProgress>();

  // After an upgrade, the words of older notes are derived in the background, resumably. The
  // search code loads once the notebook is open: it is no part of the sidebar's first paint.
  const open = state.step === 'open';
  useEffect(() => {
    if (!open) return;
    let live = true;
    import('../../utils/db/repos/search')
      .then(({ runSearchBackfill }) => runSearchBackfill(db, (progress) => live && setBackfill(progress)))
      .catch(() => undefined)
      .finally(() => live && setBackfill(undefined));
    return () => {
      live = false;
    };
  }, [db, open]);

  useEffect(() => {
    const outdated = (event: IDBVersionChangeEvent) => {
      if ((event.newVersion ?? 0) > 0) setState({ step: 'outdated' });
    };
    db.on('versionchange', outdated);
    return () => db.on('versionchange').unsubscribe(outdated);
  }, [db]);

  useEffect(() => {
    if (db.isOpen()) return;
    let live = true;
    let channel: BroadcastChannel | undefined;
    try {
      channel = new BroadcastChannel(UPGRADE_CHANNEL);
      channel.onmessage = (event: MessageEvent<UpgradeMessage>) => {
        if (live) setState((s) => (s.step === 'opening' ? { step: 'opening', progress: event.data } : s));
      };
    } catch {
      channel = undefined;
    }
    // A normal open takes milliseconds: say nothing unless it takes longer.
    const timer = setTimeout(() => live && setSlow(true), 300);
    db.open().then(
      () => live && setState((s) => (s.step === 'outdated' ? s : { step: 'open' })),
      (error: unknown) => live && setState({ step: 'failed', error: errorMessage(error) }),
    );
    return () => {
      live = false;
      clearTimeout(timer);
      channel?.close();
    };
  }, [db]);

  if (state.step === 'open') {
    return (
      <>
        {backfill && (
          <p className="notebook-backfill muted" role="status" data-testid="search-backfill">
            {t('notebookIndexing', formatNumber(backfill.done), formatNumber(backfill.total))}
          </p>
        )}
        {children}
      </>
    );
  }
  if (state.step === 'outdated') {
    return (
      <p className="error" role="alert" data-testid="notebook-outdated">
        {t('notebookOutdated')}
      </p>
    );
  }
  if (state.step === 'failed') {
    return (
      <p className="error" role="alert" data-testid="notebook-failed">
        {t('notebookFailed', state.error)}
      </p>
    );
  }
  if (!slow && !state.progress) return null;
  const { progress } = state;
  return (
    <div className="notebook-updating" role="status" data-testid="notebook-updating">
      <p>{progress && progress.total > 0 ? t('notebookUpdatingProgress', formatNumber(progress.done), formatNumber(progress.total)) : t('notebookUpdating')}</p>
      {progress && progress.total > 0 && <progress max={progress.total} value={progress.done} />}
    </div>
  );
}

import { useState } from 'react';
import type { RapportDB } from '../../utils/db/db';
import { mergeContacts } from '../../utils/db/repos/contacts';
import type { Contact } from '../../utils/domain/contact';
import { mergePreview } from '../../utils/domain/duplicates';
import { t } from '../../utils/i18n';
import { ErrorText, errorMessage } from '../ui/ErrorText';
import { useLiveQuery } from 'dexie-react-hooks';

/** What a merge moves and which value wins per field; merges only on the user's click. */
export function MergePreview({ db, keep: first, drop: second, onDone }: { db: RapportDB; keep: Contact; drop: Contact; onDone?: () => void }) {
  const [swapped, setSwapped] = useState(false);
  const [error, setError] = useState<string>();
  const keep = swapped ? second : first;
  const drop = swapped ? first : second;
  const moves = useLiveQuery(
    async () => ({
      interactions: await db.interactionLinks.where('[contactId+occurredAt]').between([drop.id, ''], [drop.id, '\uffff']).count(),
      followUps: await db.followUps.where('contactId').equals(drop.id).count(),
      checks: await db.checks.where('contactId').equals(drop.id).count(),
    }),
    [db, drop.id],
  );
  const rows = mergePreview(keep, drop);
  const merge = async () => {
    try {
      await mergeContacts(db, keep.id, drop.id);
      location.hash = `#contact/${encodeURIComponent(keep.id)}`;
      onDone?.();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <div className="merge" data-testid="merge-preview" data-keep={keep.id} data-drop={drop.id}>
      <p>{t('ws_mergeInto', drop.displayName, keep.displayName)}</p>
      {moves && <p className="muted" data-testid="merge-moves">{t('ws_mergeMoves', moves.interactions, moves.followUps, moves.checks)}</p>}
      <table className="merge__table">
        <thead>
          <tr>
            <th>{t('ws_mergeField')}</th>
            <th>{keep.displayName}</th>
            <th>{drop.displayName}</th>
            <th>{t('ws_mergeWins')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.field} data-testid="merge-field" data-field={row.field} data-wins={row.wins}>
              <td>{row.field}</td>
              <td dir="auto">{row.keep || t('none')}</td>
              <td dir="auto">{row.drop || t('none')}</td>
              <td>{t(`ws_wins_${row.wins}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorText message={error} />
      <div className="form__actions">
        <button type="button" className="button" data-testid="merge-confirm" onClick={() => void merge()}>
          {t('ws_mergeConfirm')}
        </button>
        <button type="button" className="button button--ghost" data-testid="merge-swap" onClick={() => setSwapped((s) => !s)}>
          {t('ws_mergeSwap')}
        </button>
      </div>
    </div>
  );
}

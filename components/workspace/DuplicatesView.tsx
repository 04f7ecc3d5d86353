import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { RapportDB } from '../../utils/db/db';
import { duplicatePairs } from '../../utils/db/repos/duplicates';
import { t } from '../../utils/i18n';
import { enumKey } from '../../utils/i18n/keys';
import { MergePreview } from './MergePreview';

/** Likely duplicates, proposed pair by pair; each merge needs the user's look at the preview. */
export function DuplicatesView({ db }: { db: RapportDB }) {
  const pairs = useLiveQuery(() => duplicatePairs(db), [db]);
  const [open, setOpen] = useState<string>();
  return (
    <section className="card" data-testid="list-duplicates" aria-labelledby="ws-dups">
      <h2 id="ws-dups" className="section-title">
        {t('ws_view_duplicates')}
      </h2>
      {pairs?.length === 0 && <p className="muted">{t('ws_noDuplicates')}</p>}
      <ul className="people">
        {pairs?.map(({ a, b, reason }) => {
          const key = `${a.id}|${b.id}`;
          return (
            <li key={key} className="person" data-testid="duplicate-pair" data-a={a.id} data-b={b.id} data-reason={reason}>
              <div className="person__main">
                <span className="person__name" dir="auto">
                  <a href={`#contact/${encodeURIComponent(a.id)}`}>{a.displayName}</a> ↔ <a href={`#contact/${encodeURIComponent(b.id)}`}>{b.displayName}</a>
                </span>
                <span className="person__meta">{t(enumKey('dup', reason))}</span>
                {open === key ? (
                  <MergePreview db={db} keep={a} drop={b} onDone={() => setOpen(undefined)} />
                ) : (
                  <button type="button" className="button button--small" data-testid="duplicate-review" onClick={() => setOpen(key)}>
                    {t('ws_reviewMerge')}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

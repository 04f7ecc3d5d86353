import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useRef, useState } from 'react';
import type { RapportDB } from '../../utils/db/db';
import { checksFor } from '../../utils/db/repos/checks';
import { getContact } from '../../utils/db/repos/contacts';
import { followUpsFor } from '../../utils/db/repos/followups';
import { timeline } from '../../utils/db/repos/interactions';
import { listPipelines } from '../../utils/db/repos/pipelines';
import type { Contact } from '../../utils/domain/contact';
import { handoverMarkdown } from '../../utils/transfer/handover';
import { language, t } from '../../utils/i18n';

/** Selects the text of an element, so the user can copy it by hand. */
function selectText(element: HTMLElement): void {
  const selection = window.getSelection();
  if (!selection) return;
  selection.removeAllRanges();
  const range = document.createRange();
  range.selectNodeContents(element);
  selection.addRange(range);
  element.focus();
}

/**
 * The handover summary (Übergabe) of one contact: everything a colleague needs, shown as the
 * Markdown text and copyable in one click (or selected for Ctrl+C where the clipboard is refused).
 */
export function HandoverPanel({ db, contact }: { db: RapportDB; contact: Contact }) {
  const id = useId();
  const pre = useRef<HTMLPreElement>(null);
  const [status, setStatus] = useState('');

  const markdown = useLiveQuery(async () => {
    const [current, items, followUps, checks, pipelines] = await Promise.all([
      getContact(db, contact.id),
      timeline(db, contact.id),
      followUpsFor(db, contact.id),
      checksFor(db, contact.id),
      listPipelines(db),
    ]);
    return handoverMarkdown({
      contact: current ?? contact,
      timeline: items,
      followUps,
      checks,
      pipelines,
      now: new Date(),
      lang: language(),
    });
  }, [db, contact]);

  const copy = async () => {
    if (markdown === undefined) return;
    try {
      await navigator.clipboard.writeText(markdown);
      setStatus(t('ho_copied'));
    } catch {
      if (pre.current) selectText(pre.current);
      setStatus(t('ho_copyFallback'));
    }
  };

  return (
    <section className="handover" data-testid="handover" aria-labelledby={`${id}-title`}>
      <div className="handover__head">
        <h2 id={`${id}-title`} className="section-title">
          {t('ho_title')}
        </h2>
        <button type="button" className="button button--small" onClick={() => void copy()} disabled={markdown === undefined}>
          {t('ho_copy')}
        </button>
      </div>
      <p className="handover__status muted" aria-live="polite">
        {status}
      </p>
      <pre ref={pre} className="handover__text" tabIndex={0} aria-labelledby={`${id}-title`}>
        {markdown ?? t('loading')}
      </pre>
    </section>
  );
}

import { t } from '../../utils/i18n';

/** First run: how to bring contacts in, instead of an empty list. */
export function EmptyState() {
  return (
    <section className="card" data-testid="empty-state" aria-labelledby="ws-empty">
      <h2 id="ws-empty" className="section-title">
        {t('ws_empty_title')}
      </h2>
      <p>{t('ws_empty_intro')}</p>
      <ol>
        <li data-testid="empty-linkedin">{t('ws_empty_linkedin')}</li>
        <li>{t('ws_empty_google')}</li>
        <li>{t('ws_empty_outlook')}</li>
        <li>{t('ws_empty_vcard')}</li>
      </ol>
      <p className="muted">{t('ws_empty_then')}</p>
    </section>
  );
}

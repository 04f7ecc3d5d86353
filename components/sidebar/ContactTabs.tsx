import { useState } from 'react';
import type { RapportDB } from '../../utils/db/db';
import type { Channel } from '../../utils/domain/common';
import type { Contact } from '../../utils/domain/contact';
import { t } from '../../utils/i18n';
import { Timeline } from '../timeline/Timeline';

const TABS = ['timeline'] as const;
type Tab = (typeof TABS)[number];

/** The contact's timeline, preferences, follow-ups, pillars and handover, one at a time. */
export function ContactTabs({ db, contact }: { db: RapportDB; contact: Contact; channel: Channel | undefined }) {
  const [tab, setTab] = useState<Tab>('timeline');
  return (
    <section className="tabs">
      <div role="tablist" className="tabs__list" aria-label={contact.displayName}>
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            className="tabs__tab"
            onClick={() => setTab(name)}
          >
            {t(`tab_${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'timeline' && <Timeline db={db} contactId={contact.id} />}
      </div>
    </section>
  );
}

import { Suspense, useEffect, useState, useTransition, type KeyboardEvent } from 'react';
import type { RapportDB } from '../../utils/db/db';
import type { Contact } from '../../utils/domain/contact';
import { t } from '../../utils/i18n';
import { Timeline } from '../timeline/Timeline';
import { lazyNamed, whenIdle } from '../ui/lazy';

// The timeline, the tab open by default, comes with the tabs (this module itself loads after the
// first paint, in card-later): as a lazy part of its own it suspended once more, and React holds a
// boundary's content back for 300 ms after showing its fallback. The panels behind the other tabs
// are chunks of their own, loaded when their tab is first shown and prefetched once the page is
// idle; tests/check-bundles.mjs keeps all of them out of the sidebar's first paint.
const PreferencesPanel = lazyNamed(() => import('../preferences/PreferencesPanel'), 'PreferencesPanel');
const FollowUpsPanel = lazyNamed(() => import('../followups/FollowUpsPanel'), 'FollowUpsPanel');
const PillarsPanel = lazyNamed(() => import('../pillars/PillarsPanel'), 'PillarsPanel');
const HandoverPanel = lazyNamed(() => import('../handover/HandoverPanel'), 'HandoverPanel');
const PANELS = [PreferencesPanel, FollowUpsPanel, PillarsPanel, HandoverPanel];

const TABS = ['timeline', 'preferences', 'followups', 'pillars', 'handover'] as const;
type Tab = (typeof TABS)[number];

/** The contact's timeline, preferences, follow-ups, pillars and handover, one at a time. */
export function ContactTabs({ db, contact }: { db: RapportDB; contact: Contact }) {
  const [tab, setShownTab] = useState<Tab>('timeline');
  // A tab whose panel is still loading keeps the current panel on screen until the new one can
  // render (a transition), instead of a "Loading" placeholder that React then holds for 300 ms.
  const [switching, startSwitch] = useTransition();
  const setTab = (next: Tab) => startSwitch(() => setShownTab(next));
  useEffect(() => whenIdle(() => PANELS.forEach((panel) => panel.prefetch())), []);
  // Arrow keys move between tabs (the WAI-ARIA tabs pattern).
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length]!;
    setTab(next);
    e.currentTarget.querySelector<HTMLButtonElement>(`#tab-${next}`)?.focus();
  };
  return (
    <section className="tabs">
      <div role="tablist" className="tabs__list" aria-label={contact.displayName} aria-busy={switching} onKeyDown={onKeyDown}>
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`tab-${name}`}
            data-testid={`tab-${name}`}
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
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} key={contact.id}>
        <Suspense fallback={<p className="muted">{t('loading')}</p>}>
          {tab === 'timeline' && <Timeline db={db} contactId={contact.id} />}
          {tab === 'preferences' && <PreferencesPanel db={db} contact={contact} />}
          {tab === 'followups' && <FollowUpsPanel db={db} contact={contact} />}
          {tab === 'pillars' && <PillarsPanel db={db} contact={contact} />}
          {tab === 'handover' && <HandoverPanel db={db} contact={contact} />}
        </Suspense>
      </div>
    </section>
  );
}

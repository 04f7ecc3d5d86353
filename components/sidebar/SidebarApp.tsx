import { useLiveQuery } from 'dexie-react-hooks';
import { Suspense, useEffect, useState } from 'react';
import { getDb } from '../../utils/db/db';
import { getContact } from '../../utils/db/repos/contacts';
import type { Channel, ContactId } from '../../utils/domain/common';
import { t } from '../../utils/i18n';
import { onFocusRequested, setFocus as reportFocus } from '../../utils/messaging/client';
import { ContactCard } from '../contact/ContactCard';
import { GuardBanner } from '../preferences/GuardBanner';
import { PersonRow } from '../contact/PersonRow';
import { useAutoLogAfterShown } from './use-autolog';
import { SavePageButton } from '../timeline/SavePageButton';
import { lazyNamed, usePartLoaded, whenIdle } from '../ui/lazy';
import { ExpandHandle, FrameControls, useFrameLayout } from './FrameControls';
import { defaultFocus, usePeopleMatches } from './use-people';
import { useTabContext } from './use-tab-context';
import { ErrorText } from '../ui/ErrorText';

// The first paint holds the people on screen and the card in focus; the rest is loaded where it is
// mounted (what renders around a known contact in one chunk, card-later.ts; the others in their
// own; all kept out of the first paint by tests/check-bundles.mjs) and prefetched at idle.
const ContactTabs = lazyNamed(() => import('./card-later'), 'ContactTabs');
const ContactPicker = lazyNamed(() => import('./card-later'), 'ContactPicker');
const CaptureButton = lazyNamed(() => import('./card-later'), 'CaptureButton');
const ResponsivenessLine = lazyNamed(() => import('./card-later'), 'ResponsivenessLine');
const ManualAdd = lazyNamed(() => import('../contact/ManualAdd'), 'ManualAdd');
const UnsavedMessages = lazyNamed(() => import('../timeline/UnsavedMessages'), 'UnsavedMessages');
const LATER = [ContactTabs, ContactPicker, ManualAdd, CaptureButton, UnsavedMessages, ResponsivenessLine];

/** The sidebar: who is on screen and what we know of them. One app in the frame and the side panel. */
export function SidebarApp({ search }: { search: string }) {
  const db = getDb();
  const params = new URLSearchParams(search);
  const frameHost = params.get('host');
  const state = useTabContext(search);
  const context = state.status === 'ready' ? state.context : null;
  const people = context?.people ?? [];
  const matches = usePeopleMatches(db, people);
  const pageKey = context ? `${context.url}|${context.threadId ?? ''}` : '';
  // A pick belongs to the page it was made on: a new thread or profile starts with the default focus.
  const [pick, setPick] = useState<{ pageKey: string; id: ContactId }>();
  const setPicked = (id: ContactId) => setPick({ pageKey, id });
  const picked = pick?.pageKey === pageKey ? pick.id : undefined;

  const autoIndex = defaultFocus(people, matches);
  const focusId = picked ?? matches?.[autoIndex]?.contact?.id;
  const focus = useLiveQuery(() => (focusId ? getContact(db, focusId) : undefined), [db, focusId]);
  const tabId = state.status === 'ready' ? state.tabId : undefined;
  useAutoLogAfterShown(tabId, context, matches);

  useEffect(() => {
    if (tabId !== undefined && tabId >= 0) void reportFocus(tabId, focusId ?? null);
  }, [tabId, focusId]);
  // A click on a reminder about someone in this tab's open mail brings the tab forward: show them.
  useEffect(
    () => onFocusRequested((tab, id) => {
      if (tab === tabId) setPick({ pageKey, id: id as ContactId });
    }),
    [tabId, pageKey],
  );

  const [layout, setLayout] = useFrameLayout(tabId, frameHost);
  // Every ready sidebar renders the picker (card-later), and a known contact the rest of that chunk:
  // it loads from the start, beside the notebook's opening, and the card waits for it, so the card,
  // its tabs and the timeline appear in one update. Shown alone, the card would be followed by the
  // tabs' fallback, and React holds a boundary's content back for 300 ms after its fallback.
  const cardLaterLoaded = usePartLoaded(ContactTabs);
  useEffect(() => whenIdle(() => LATER.forEach((part) => part.prefetch())), []);
  const dataState = state.status === 'loading' ? 'loading' : people.length > 0 ? 'ready' : 'no-context';
  const channel: Channel | undefined = context ? (context.site === 'linkedin' ? 'linkedin' : 'email') : undefined;

  if (frameHost && layout.collapsed) {
    return (
      <main className="sidebar sidebar--collapsed" data-testid="sidebar" data-state={dataState} data-site={context?.site ?? ''}>
        <ExpandHandle layout={layout} onChange={setLayout} />
      </main>
    );
  }

  return (
    <main className="sidebar" data-testid="sidebar" data-state={dataState} data-site={context?.site ?? ''}>
      <header className="sidebar__header">
        <h1 className="sidebar__title">{t('sidebarTitle')}</h1>
        {context && <span className="sidebar__site">{t('onSite', t(`site_${context.site}`))}</span>}
        {frameHost && tabId !== undefined && <FrameControls layout={layout} onChange={setLayout} />}
      </header>
      {state.status === 'loading' && <p className="muted">{t('loading')}</p>}
      <ErrorText message={state.status === 'error' ? t('errorGeneric', state.error) : undefined} />
      {dataState === 'no-context' && state.status !== 'error' && <p className="muted">{t('noContext')}</p>}
      {people.length > 0 && (
        <section aria-labelledby="people-heading">
          <h2 id="people-heading" className="section-title">
            {t('peopleOnScreen')}
          </h2>
          <ul className="people">
            {people.map((person, index) => (
              <PersonRow
                key={`${pageKey}|${person.role}|${person.email ?? person.linkedinUrl ?? person.name}|${index}`}
                db={db}
                person={person}
                match={matches?.[index]}
                channel={channel}
                selected={Boolean(focusId && matches?.[index]?.contact?.id === focusId)}
                onSelect={(contact) => contact && setPicked(contact.id)}
              />
            ))}
          </ul>
        </section>
      )}
      <Suspense fallback={null}>
        {state.status === 'ready' && <ContactPicker db={db} onPick={(c) => setPicked(c.id)} />}
        {context && context.messages.length > 0 && <CaptureButton db={db} context={context} focus={focus?.id} />}
      </Suspense>
      {context?.site === 'linkedin' && focus && context.messages.length > 0 && (
        <Suspense fallback={null}>
          <UnsavedMessages key={`unsaved-${pageKey}`} db={db} context={context} focus={focus.id} />
        </Suspense>
      )}
      {focus && cardLaterLoaded ? (
        <>
          <GuardBanner key={`guard-${focus.id}`} db={db} contact={focus} channel={channel} />
          <ContactCard key={focus.id} db={db} contact={focus} />
          <Suspense fallback={null}>
            <ResponsivenessLine key={`resp-${focus.id}`} db={db} contactId={focus.id} />
          </Suspense>
          {tabId !== undefined && tabId >= 0 && <SavePageButton tabId={tabId} contactId={focus.id} />}
          <Suspense fallback={<p className="muted">{t('loading')}</p>}>
            <ContactTabs db={db} contact={focus} />
          </Suspense>
        </>
      ) : (
        // Not while the people on screen are still being matched or a known one's card is read:
        // a form that vanishes a moment later (and a chunk loaded for it) on every known thread.
        state.status === 'ready' &&
        matches !== undefined &&
        !focusId && (
          <Suspense fallback={null}>
            <ManualAdd db={db} onAdded={(c) => setPicked(c.id)} />
          </Suspense>
        )
      )}
    </main>
  );
}

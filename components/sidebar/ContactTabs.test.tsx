// @vitest-environment happy-dom
import { act, Suspense } from 'react';
import { expect, it } from 'vitest';
import { withTestRoot } from '../../tests/support/react-root';
import type { RapportDB } from '../../utils/db/db';
import { freshNotebook } from '../../tests/support/fresh-db';
import { createContact } from '../../utils/db/repos/contacts';
import { ContactTabs } from './ContactTabs';

/*
 * The timeline is the tab open by default: it renders with the tabs, in the same commit. As a lazy
 * part of its own it showed a fallback first, and React then held it back for 300 ms.
 */

const view = withTestRoot();
let db: RapportDB;
freshNotebook((fresh) => (db = fresh));

it('renders the timeline with the tabs, without a fallback in between', async () => {
  const contact = await createContact(db, { displayName: 'Anna Berg', emails: ['anna@example.com'] });
  const fallbacks: string[] = [];
  function Fallback() {
    fallbacks.push('shown');
    return <p data-testid="fallback" />;
  }
  act(() =>
    view.root.render(
      <Suspense fallback={<Fallback />}>
        <ContactTabs db={db} contact={contact} />
      </Suspense>,
    ),
  );
  expect(view.container.querySelector('[data-testid="tab-timeline"]')?.getAttribute('aria-selected')).toBe('true');
  expect(view.container.querySelector('[data-testid="note-input"]')).not.toBeNull();
  expect(view.container.querySelector('[data-testid="filter-channel"]')).not.toBeNull();
  expect(fallbacks).toEqual([]);
  expect(view.container.textContent).not.toContain('Loading');
});

it('switches to a tab whose panel is still loading without a placeholder: the open panel stays until the new one renders', async () => {
  const contact = await createContact(db, { displayName: 'Anna Berg', emails: ['anna@example.com'] });
  act(() => view.root.render(<ContactTabs db={db} contact={contact} />));
  const texts: string[] = [];
  const watch = new MutationObserver(() => texts.push(view.container.textContent ?? ''));
  watch.observe(view.container, { childList: true, subtree: true, characterData: true });
  // Not prefetched: the pillars' chunk loads on this click.
  act(() => view.container.querySelector<HTMLButtonElement>('[data-testid="tab-pillars"]')!.click());
  expect(view.container.querySelector('[data-testid="note-input"]')).not.toBeNull();
  for (let i = 0; i < 50 && !view.container.querySelector('[data-testid="pillars"]'); i++) await act(() => new Promise((r) => setTimeout(r, 20)));
  watch.disconnect();
  expect(view.container.querySelector('[data-testid="pillars"]')).not.toBeNull();
  expect(view.container.querySelector('[data-testid="tab-pillars"]')?.getAttribute('aria-selected')).toBe('true');
  expect(texts.some((text) => text.includes('Loading'))).toBe(false);
});

// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { RapportDB } from '../../utils/db/db';
import { createContact, getContact, updateContact } from '../../utils/db/repos/contacts';
import { eraseContact } from '../../utils/db/repos/erase';
import { referralsOf } from '../../utils/db/repos/referrals';
import type { Contact } from '../../utils/domain/contact';
import { setI18nHost } from '../../utils/i18n';
import { ContactCard } from './ContactCard';

/* Weiterempfehlung on the card: who recommended the contact, and whom the contact recommended. */

setI18nHost({ message: () => '', uiLanguage: () => 'en' });
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLElement;
let root: Root;
let db: RapportDB;
beforeEach(() => {
  db = new RapportDB('test-' + crypto.randomUUID());
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(async () => {
  act(() => root.unmount());
  container.remove();
  db.close();
  await db.delete();
});

async function until<T>(probe: () => T | null | undefined | false, ms = 5000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() - start > ms) throw new Error('timed out');
    await act(() => new Promise((r) => setTimeout(r, 10)));
  }
}

const names = (testid: string) => [...container.querySelectorAll<HTMLElement>(`[data-testid="${testid}"]`)].map((el) => [el.textContent, el.dataset.contactId, el.getAttribute('href')]);

describe('ContactCard referrals', () => {
  it('shows who recommended the contact and whom they recommended, as links in the workspace', async () => {
    const anna = await createContact(db, { displayName: 'Anna Weiß' });
    const ben = await createContact(db, { displayName: 'Ben Kraus', value: { referredBy: anna.id } });
    const cem = await createContact(db, { displayName: 'Cem Aydın', value: { referredBy: anna.id } });
    const dora = await createContact(db, { displayName: 'Dora Lind', value: { referredBy: ben.id } });
    expect((await referralsOf(db, anna)).recommended.map((c) => c.id)).toEqual([ben.id, cem.id]);

    const show = (contact: Contact, href?: (id: string) => string) => act(() => root.render(<ContactCard db={db} contact={contact} {...(href ? { contactHref: href } : {})} />));
    await show(anna, (id) => `#contact/${id}`);
    await until(() => container.querySelector('[data-testid="card-recommended"]'));
    expect(names('recommended')).toEqual([
      ['Ben Kraus', ben.id, `#contact/${ben.id}`],
      ['Cem Aydın', cem.id, `#contact/${cem.id}`],
    ]);
    expect(container.querySelector('[data-testid="card-referred-by"]')).toBeNull();

    // Ben: recommended by Anna, and recommended Dora himself. In the sidebar (no links) the names are text.
    await show((await getContact(db, ben.id))!);
    await until(() => container.querySelector('[data-testid="card-referred-by"]') && container.querySelector('[data-testid="card-recommended"]'));
    expect(names('referrer')).toEqual([['Anna Weiß', anna.id, null]]);
    expect(names('recommended')).toEqual([['Dora Lind', dora.id, null]]);
    expect(container.textContent).toContain('Has recommended');

    // A changed referral shows at once; an erased recommender leaves no trace on the card.
    await updateContact(db, dora.id, { value: {} });
    await until(() => !container.querySelector('[data-testid="card-recommended"]'));
    await eraseContact(db, anna.id);
    await show((await getContact(db, ben.id))!);
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(container.querySelector('[data-testid="card-referred-by"]')).toBeNull();
    expect((await getContact(db, ben.id))?.value.referredBy).toBeUndefined();
  });
});

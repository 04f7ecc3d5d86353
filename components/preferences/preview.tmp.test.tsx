// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { RapportDB } from '../../utils/db/db';
import { addCheck, checksFor } from '../../utils/db/repos/checks';
import { createContact, getContact, updateContact } from '../../utils/db/repos/contacts';
import { addFollowUp, followUpsFor } from '../../utils/db/repos/followups';
import { addInteraction } from '../../utils/db/repos/interactions';
import { addDays, quickPickDue } from '../../utils/domain/cadence';
import type { Contact } from '../../utils/domain/contact';
import { localDay } from '../../utils/domain/followup';
import followupsCatalog from '../../utils/i18n/catalog/followups';
import handoverCatalog from '../../utils/i18n/catalog/handover';
import pillarsCatalog from '../../utils/i18n/catalog/pillars';
import preferencesCatalog from '../../utils/i18n/catalog/preferences';
import { FollowUpsPanel } from '../followups/FollowUpsPanel';
import { HandoverPanel } from '../handover/HandoverPanel';
import { PillarsPanel } from '../pillars/PillarsPanel';
import { GuardBanner } from './GuardBanner';
import { PreferencesPanel } from './PreferencesPanel';

// The UI language comes from the extension API; here the test decides it.
const ui = vi.hoisted(() => ({ lang: 'en' }));
vi.mock('../../utils/messaging/client', () => ({ message: () => '', uiLanguage: () => ui.lang }));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLElement;
let root: Root;
let db: RapportDB;
beforeEach(() => {
  ui.lang = 'en';
  db = new RapportDB('test-' + crypto.randomUUID());
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

async function until<T>(probe: () => T | null | undefined | false | Promise<T | null | undefined | false>, ms = 5000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - start > ms) throw new Error('timed out');
    await act(() => new Promise((r) => setTimeout(r, 10)));
  }
}

const all = (selector: string) => [...container.querySelectorAll<HTMLElement>(selector)];
const byText = <T extends HTMLElement>(selector: string, text: string) =>
  all(selector).find((el) => el.textContent?.trim() === text) as T | undefined;

/** Types into a React-controlled input (React listens to the native value setter). */
async function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const proto = input instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
async function blur(input: HTMLElement) {
  await act(async () => {
    input.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    input.dispatchEvent(new FocusEvent('blur'));
    await settle();
  });
}
async function click(el: HTMLElement) {
  await act(async () => {
    el.click();
    await settle();
  });
}
/** Lets the save and the live query that follows finish inside act. */
const settle = () => new Promise((r) => setTimeout(r, 30));

async function anna(patch: Partial<Contact> = {}): Promise<Contact> {
  return createContact(db, { displayName: 'Anna Weiß', emails: ['anna@example.de'], ...patch });
}

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();


import { writeFileSync, readFileSync } from 'node:fs';
describe('preview', () => {
  it('writes html', async () => {
    ui.lang = 'de';
    const contact = await anna({
      keepInTouchDays: 30, company: 'Sehr lange Firmenbezeichnung Maschinenbau Aktiengesellschaft & Co. KG Niederlassung Süd',
      value: { tier: 'A', loyalty: 'advocate' },
      preferences: { channels: ['phone'], topics: ['Wartung'], wants: 'left-alone', maxFrequency: { count: 1, days: 30 },
        quietUntil: addDays(localDay(new Date()), 3), doNotContact: { reason: 'Rechtsstreit' }, address: 'formal', language: 'de', salutation: 'Sehr geehrte Frau Dr. Weiß', newsletterConsent: { granted: false } },
    });
    await addInteraction(db, { contactIds: [contact.id], kind: 'email', channel: 'email', direction: 'inbound', occurredAt: hoursAgo(50) });
    await addInteraction(db, { contactIds: [contact.id], kind: 'call', channel: 'phone', direction: 'outbound', occurredAt: hoursAgo(60) });
    await addFollowUp(db, { contactId: contact.id, due: addDays(localDay(new Date()), -2), what: 'Rückruf wegen Angebot mit sehr langem Text der abgeschnitten werden sollte' });
    await addFollowUp(db, { contactId: contact.id, due: addDays(localDay(new Date()), 5), what: 'Angebot' });
    await addCheck(db, { contactId: contact.id, pillars: { factualInward: { score: 2, comment: 'Abläufe' }, emotionalOutward: { score: 4, comment: '' } } });
    act(() => root.render(<div className="sidebar">
          <GuardBanner db={db} contact={contact} channel="email" />
          <PreferencesPanel db={db} contact={contact} />
          <FollowUpsPanel db={db} contact={contact} />
          <PillarsPanel db={db} contact={contact} />
          <HandoverPanel db={db} contact={contact} />
        </div>));
    await until(() => container.querySelector('pre')?.textContent?.startsWith('# ') && container.querySelector('[data-testid=pillar-check]'));
    const css = readFileSync('components/ui/base.css', 'utf8') + readFileSync('components/ui/panels.css', 'utf8');
    writeFileSync('/tmp/preview/index.html', `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head><body>${container.innerHTML}</body></html>`);
  });
});

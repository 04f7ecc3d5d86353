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
import { setI18nHost } from '../../utils/i18n';
import { FollowUpsPanel } from '../followups/FollowUpsPanel';
import { HandoverPanel } from '../handover/HandoverPanel';
import { PillarsPanel } from '../pillars/PillarsPanel';
import { GuardBanner } from './GuardBanner';
import { PreferencesPanel } from './PreferencesPanel';

// The UI language comes from the extension API; here the test decides it.
const ui = { lang: 'en' };
setI18nHost({ message: () => '', uiLanguage: () => ui.lang });

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

describe('GuardBanner', () => {
  it('shows one alert per warning, most severe first, and the address hint', async () => {
    const contact = await anna({
      preferences: {
        channels: ['phone'],
        topics: [],
        maxFrequency: { count: 1, days: 30 },
        doNotContact: { reason: 'Complaint pending' },
        address: 'formal',
        language: 'de',
        salutation: 'Sehr geehrte Frau Dr. Weiß',
      },
    });
    await addInteraction(db, { contactIds: [contact.id], kind: 'email', channel: 'email', direction: 'outbound', occurredAt: hoursAgo(48) });
    act(() => root.render(<GuardBanner db={db} contact={contact} channel="email" />));
    await until(() => all('[data-testid=preference-warning]').length === 3);
    const warnings = all('[data-testid=preference-warning]');
    expect(warnings.map((w) => w.dataset.reason)).toEqual(['do-not-contact', 'frequency', 'channel']);
    expect(warnings.every((w) => w.getAttribute('role') === 'alert')).toBe(true);
    expect(warnings[0]!.textContent).toBe('!Do not contact: Complaint pending');
    expect(warnings[1]!.textContent).toContain('Contacted too often: once in the last 30 days (at most 1 wanted).');
    expect(warnings[2]!.textContent).toContain('Other channel preferred: Phone instead of Email.');
    expect(container.querySelector('[data-testid=address-hint]')!.textContent).toBe(
      'Address: Formal · German · Sehr geehrte Frau Dr. Weiß',
    );
  });

  it('renders nothing without warnings or hint, and follows edits live', async () => {
    const contact = await anna();
    act(() => root.render(<GuardBanner db={db} contact={contact} channel="linkedin" />));
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(container.innerHTML).toBe('');
    await updateContact(db, contact.id, { preferences: { channels: [], topics: [], wants: 'left-alone', quietUntil: addDays(localDay(new Date()), 1) } });
    await until(() => all('[data-testid=preference-warning]').length === 2);
    expect(all('[data-testid=preference-warning]').map((w) => w.dataset.reason)).toEqual(['quiet', 'left-alone']);
  });

  it('renders page text as text', async () => {
    const contact = await anna({ preferences: { channels: [], topics: [], doNotContact: { reason: '<img src=x onerror=alert(1)>' } } });
    act(() => root.render(<GuardBanner db={db} contact={contact} />));
    await until(() => container.querySelector('[data-testid=preference-warning]'));
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('PreferencesPanel', () => {
  it('saves a channel chip at once and numbers on leaving the field; shows validation as text', async () => {
    const contact = await anna();
    act(() => root.render(<PreferencesPanel db={db} contact={contact} />));
    const phone = await until(() => byText<HTMLButtonElement>('button.chip-toggle', 'Phone'));
    await click(phone);
    await until(async () => (await getContact(db, contact.id))?.preferences.channels.length === 1);
    expect((await getContact(db, contact.id))!.preferences.channels).toEqual(['phone']);
    await until(() => phone.getAttribute('aria-pressed') === 'true');

    const count = container.querySelector<HTMLInputElement>('input[aria-label="Maximum number of contacts"]')!;
    const days = container.querySelector<HTMLInputElement>('input[aria-label="Period in days"]')!;
    await type(count, '2');
    await blur(count);
    await until(() => container.querySelector('.error'));
    expect(container.querySelector('.error')!.textContent).toContain('Maximum frequency: enter both numbers');
    expect((await getContact(db, contact.id))!.preferences.maxFrequency).toBeUndefined();

    await type(days, '30');
    await blur(days);
    await until(() => !container.querySelector('.error'));
    expect((await getContact(db, contact.id))!.preferences.maxFrequency).toEqual({ count: 2, days: 30 });
  });

  it('sets do-not-contact with a reason, and the address form', async () => {
    const contact = await anna();
    act(() => root.render(<PreferencesPanel db={db} contact={contact} />));
    const box = await until(() => container.querySelector<HTMLInputElement>('input[type=checkbox]'));
    await click(box);
    await until(async () => Boolean((await getContact(db, contact.id))?.preferences.doNotContact));
    const reason = await until(() =>
      all('label').find((l) => l.textContent?.startsWith('Reason'))?.querySelector<HTMLInputElement>('input:not([disabled])'),
    );
    await type(reason, 'Legal hold');
    await blur(reason);
    await until(async () => (await getContact(db, contact.id))?.preferences.doNotContact?.reason === 'Legal hold');

    const address = all('label').find((l) => l.textContent?.startsWith('Form of address'))!.querySelector('select')!;
    await act(async () => {
      address.value = 'informal';
      address.dispatchEvent(new Event('change', { bubbles: true }));
      await settle();
    });
    await until(async () => (await getContact(db, contact.id))?.preferences.address === 'informal');
  });
});

describe('FollowUpsPanel', () => {
  it('lists overdue, adds with a quick pick, marks done and reopens', async () => {
    const contact = await anna();
    const yesterday = addDays(localDay(new Date()), -1);
    await addFollowUp(db, { contactId: contact.id, due: yesterday, what: 'Call back' });
    act(() => root.render(<FollowUpsPanel db={db} contact={contact} />));
    const overdue = await until(() => container.querySelector<HTMLElement>('[data-testid=followup]'));
    expect(overdue.dataset.due).toBe(yesterday);
    expect(overdue.dataset.state).toBe('overdue');

    const what = all('label').find((l) => l.textContent?.startsWith('What to do'))!.querySelector('input')!;
    await type(what, 'Send the offer');
    await click(byText<HTMLButtonElement>('button', 'In 3 days')!);
    await until(() => all('[data-testid=followup]').length === 2);
    const added = all('[data-testid=followup]')[1]!;
    expect(added.dataset.due).toBe(quickPickDue('3d', new Date()));
    expect(added.dataset.state).toBe('open');
    expect(added.textContent).toContain('Send the offer');

    await click(container.querySelector<HTMLButtonElement>('button[aria-label="Mark “Call back” as done"]')!);
    await until(() => all('[data-testid=followup]').some((el) => el.dataset.state === 'done'));
    await click(container.querySelector<HTMLButtonElement>('button[aria-label="Reopen “Call back”"]')!);
    await until(() => all('[data-testid=followup]').filter((el) => el.dataset.state === 'overdue').length === 1);
    await click(container.querySelector<HTMLButtonElement>('button[aria-label="Delete “Call back”"]')!);
    await until(() => all('[data-testid=followup]').length === 1);
    expect(await followUpsFor(db, contact.id)).toHaveLength(1);
  });

  it('shows the cadence as due, and logging a call resets it', async () => {
    const contact = await anna({ keepInTouchDays: 30 });
    await addInteraction(db, { contactIds: [contact.id], kind: 'email', channel: 'email', direction: 'outbound', occurredAt: hoursAgo(24 * 60) });
    act(() => root.render(<FollowUpsPanel db={db} contact={contact} />));
    await until(() => container.querySelector('.cadence__line--due'));
    expect(container.querySelector('.cadence__line')!.textContent).toMatch(/^Keep in touch: due since /);
    await addInteraction(db, { contactIds: [contact.id], kind: 'call', channel: 'phone', direction: 'outbound', occurredAt: new Date().toISOString() });
    await until(() => !container.querySelector('.cadence__line--due'));
    expect(container.querySelector('.cadence__line')!.textContent).toMatch(/^Keep in touch: next contact by /);
  });

  it('edits the cadence and shows "awaiting your reply"', async () => {
    const contact = await anna();
    await addInteraction(db, { contactIds: [contact.id], kind: 'email', channel: 'email', direction: 'inbound', occurredAt: hoursAgo(30) });
    act(() => root.render(<FollowUpsPanel db={db} contact={contact} />));
    await until(() => container.querySelector('[data-testid=awaiting-reply]'));
    expect(container.querySelector('[data-testid=awaiting-reply]')!.textContent).toBe('Awaiting your reply');
    const cadence = container.querySelector<HTMLInputElement>('.cadence input')!;
    await type(cadence, '14');
    await blur(cadence);
    await until(async () => (await getContact(db, contact.id))?.keepInTouchDays === 14);
  });
});

describe('PillarsPanel', () => {
  it('saves one dated check and names the weakest pillar', async () => {
    const contact = await anna();
    act(() => root.render(<PillarsPanel db={db} contact={contact} />));
    await until(() => container.querySelector('[data-testid=pillars]'));
    expect(all('.pillar')).toHaveLength(4);
    expect(all('.pillar__questions li').length).toBeGreaterThanOrEqual(8);

    await click(byText<HTMLButtonElement>('button', 'Save check')!);
    expect(container.querySelector('.error')!.textContent).toBe('Score at least one pillar.');

    const radios = (pillarIndex: number) => all('.pillar')[pillarIndex]!.querySelectorAll<HTMLInputElement>('input[type=radio]');
    await click(radios(0)[3]!); // factual inward: 4
    await click(radios(3)[1]!); // emotional outward: 2
    await type(all('.pillar')[3]!.querySelector('textarea')!, 'Trust still fragile');
    await click(byText<HTMLButtonElement>('button', 'Save check')!);
    await until(() => container.querySelector('[data-testid=pillar-check]'));
    const [check] = await checksFor(db, contact.id);
    expect(check!.pillars).toEqual({ factualInward: { score: 4, comment: '' }, emotionalOutward: { score: 2, comment: 'Trust still fragile' } });
    expect(container.querySelector('[data-testid=weakest-pillar]')!.textContent).toBe('Weakest pillar: Emotional, outward (2 of 5)');
  });
});

describe('HandoverPanel', () => {
  it('shows the Markdown as text and copies it', async () => {
    const contact = await anna({ company: '<b>Weiß</b> GmbH' });
    await addCheck(db, { contactId: contact.id, pillars: { factualOutward: { score: 3, comment: '' } } });
    const written: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (text: string) => void written.push(text) }, configurable: true });
    act(() => root.render(<HandoverPanel db={db} contact={contact} />));
    const pre = await until(() => container.querySelector('[data-testid=handover] pre')?.textContent?.startsWith('# ') && container.querySelector('pre'));
    expect(pre.textContent).toContain('# Handover: Anna Weiß');
    expect(pre.textContent).toContain('- Company: \\<b\\>Weiß\\</b\\> GmbH');
    expect(container.querySelector('b')).toBeNull();
    await click(byText<HTMLButtonElement>('button', 'Copy as Markdown')!);
    expect(written).toEqual([pre.textContent]);
    expect(container.querySelector('.handover__status')!.textContent).toBe('Copied.');
  });

  it('selects the text when the clipboard is refused', async () => {
    const contact = await anna();
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) }, configurable: true });
    act(() => root.render(<HandoverPanel db={db} contact={contact} />));
    await until(() => container.querySelector('pre')?.textContent?.startsWith('# '));
    await click(byText<HTMLButtonElement>('button', 'Copy as Markdown')!);
    await until(() => container.querySelector('.handover__status')?.textContent?.startsWith('Text selected'));
    expect(window.getSelection()?.toString()).toContain('# Handover: Anna Weiß');
  });
});

describe('German UI', () => {
  it('shows no English string of these panels', async () => {
    ui.lang = 'de';
    const contact = await anna({
      keepInTouchDays: 30,
      value: { tier: 'A', loyalty: 'advocate' },
      preferences: {
        channels: ['phone'],
        topics: ['Wartung'],
        wants: 'left-alone',
        maxFrequency: { count: 1, days: 30 },
        quietUntil: addDays(localDay(new Date()), 3),
        doNotContact: { reason: 'Rechtsstreit' },
        address: 'formal',
        language: 'de',
        newsletterConsent: { granted: false },
      },
    });
    await addInteraction(db, { contactIds: [contact.id], kind: 'email', channel: 'email', direction: 'inbound', occurredAt: hoursAgo(50) });
    await addInteraction(db, { contactIds: [contact.id], kind: 'call', channel: 'phone', direction: 'outbound', occurredAt: hoursAgo(60) });
    await addInteraction(db, { contactIds: [contact.id], kind: 'note', channel: 'other', direction: 'internal', occurredAt: hoursAgo(70), important: true, text: 'Wichtig' });
    await addFollowUp(db, { contactId: contact.id, due: addDays(localDay(new Date()), -2), what: 'Rückruf' });
    await addFollowUp(db, { contactId: contact.id, due: addDays(localDay(new Date()), 5), what: 'Angebot' });
    await addCheck(db, { contactId: contact.id, pillars: { factualInward: { score: 2, comment: 'Abläufe' }, emotionalOutward: { score: 4, comment: '' } } });

    act(() =>
      root.render(
        <>
          <GuardBanner db={db} contact={contact} channel="email" />
          <PreferencesPanel db={db} contact={contact} />
          <FollowUpsPanel db={db} contact={contact} />
          <PillarsPanel db={db} contact={contact} />
          <HandoverPanel db={db} contact={contact} />
        </>,
      ),
    );
    await until(() => all('[data-testid=preference-warning]').length === 5 && container.querySelector('pre')?.textContent?.startsWith('# '));
    await until(() => container.querySelector('[data-testid=awaiting-reply]') && container.querySelector('[data-testid=pillar-check]'));

    const visible = [
      container.textContent ?? '',
      ...all('[aria-label], [placeholder], [title]').flatMap((el) => [el.getAttribute('aria-label') ?? '', el.getAttribute('placeholder') ?? '', el.getAttribute('title') ?? '']),
      ...all('option').map((o) => o.textContent ?? ''),
    ].join('\n');
    expect(visible).toContain('Kontaktsperre: Rechtsstreit');
    expect(visible).toContain('Anrede: Sie · Deutsch');
    expect(visible).toContain('Übergabe: Anna Weiß');
    expect(visible).toContain('Wartet auf Ihre Antwort');

    const english = [preferencesCatalog, followupsCatalog, pillarsCatalog, handoverCatalog]
      .flatMap((catalog) => Object.values(catalog))
      .filter((text) => text.en !== text.de)
      .map((text) => text.en.split(/\{\d\}/)[0]!.trim())
      .filter((start) => start.length >= 4);
    const leaks = english.filter((start) => visible.includes(start));
    expect(leaks).toEqual([]);
    expect(visible).not.toMatch(/\b(Handover|Follow-ups|Preferences|Weakest|overdue|Keep in touch|Do not contact|Quiet until)\b/);
  });
});

// @vitest-environment happy-dom
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { parseAddressList } from './dom';
import { gmailAdapter } from './gmail/adapter';
import { outlookAdapter } from './outlook/adapter';
import { openFixture, OWN_FIXTURES, SHARED_FIXTURES, type FixtureWindow } from './testing/fixture-window';
import type { RawPageContext, SiteAdapter } from './types';
import { watchPage } from './watch';

/** Compose recognition: chips, typed addresses, removal, closing, minimising, and the watcher following it all. */

const GMAIL = join(OWN_FIXTURES, 'gmail/2026-11-25-compose.html');
const OUTLOOK = join(OWN_FIXTURES, 'outlook/2026-11-25-compose.html');
const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox?compose=new';
const OUTLOOK_URL = 'https://outlook.office.com/mail/inbox';
const SHARED_OUTLOOK = 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNWYwLTg3ZmEtMDACLTAwCgAQAFq1H7m%2B9kGJt3a%2F0cYh8xE%3D';

let fx: FixtureWindow | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

const read = (adapter: SiteAdapter) => adapter.extract(fx!.doc, fx!.url());
const who = (ctx: RawPageContext) => ctx.people.map((p) => `${p.role}:${p.email ?? p.name}`);
const frames = (ms = 40) => new Promise((resolve) => setTimeout(resolve, ms));

describe('parseAddressList', () => {
  test('bare, named, quoted; invalid and partial text ignored; lower-cased', () => {
    expect(parseAddressList('Ines.Moreau@Quai-Transit.example, "Haddad, Tariq" <tariq@dunes.example>; Lena Vogt <lena@x.example> marek@ nope')).toEqual([
      { name: 'ines.moreau@quai-transit.example', email: 'ines.moreau@quai-transit.example' },
      { name: 'Haddad, Tariq', email: 'tariq@dunes.example' },
      { name: 'Lena Vogt', email: 'lena@x.example' },
    ]);
    expect(parseAddressList('lena.vo')).toEqual([]);
  });
});

describe('Gmail compose', () => {
  test('new message window: chips as recipient / cc, subject from the subject box, no thread', async () => {
    fx = await openFixture(GMAIL, GMAIL_URL);
    const ctx = read(gmailAdapter);
    expect(ctx.view).toBe('compose');
    expect(ctx.subject).toBe('Q1 freight rates – Gdańsk route');
    expect(who(ctx)).toEqual(['recipient:lena.vogt@harbor-freight.example', 'recipient:marek.nowak@baltic-cargo.example', 'cc:sofia.reyes@northwind.example']);
    expect(ctx.people[0]!.name).toBe('Lena Vogt');
    expect(ctx.messages).toEqual([]);
  });

  test('typed text becomes a person only once it is a valid address; removed chips leave; self never shows', async () => {
    fx = await openFixture(GMAIL, GMAIL_URL);
    const input = fx.doc.querySelector('.dw .anm[name="to"] input[role=combobox]') as HTMLInputElement;
    input.value = 'ines.mor';
    expect(who(read(gmailAdapter))).not.toContain('recipient:ines.mor');
    input.value = 'Ines.Moreau@Quai-Transit.example, dana@northwind.example';
    fx.doc.querySelector('.dw [data-hovercard-id="marek.nowak@baltic-cargo.example"]')!.remove();
    expect(who(read(gmailAdapter))).toEqual([
      'recipient:lena.vogt@harbor-freight.example',
      'recipient:ines.moreau@quai-transit.example',
      'cc:sofia.reyes@northwind.example',
    ]);
  });

  test('older compose: hidden "Name <address>" inputs and a comma-separated textarea', async () => {
    fx = await openFixture(GMAIL, GMAIL_URL);
    const form = fx.doc.querySelector('.dw form')!;
    const table = form.querySelector('table.GS')!;
    table.innerHTML =
      '<tbody><tr><td class="eV"><div class="vR"><span class="vN" email="lena.vogt@harbor-freight.example">Lena Vogt</span><input type="hidden" name="to" value="Lena Vogt &lt;lena.vogt@harbor-freight.example&gt;"></div>' +
      '<textarea class="vO" name="to"></textarea></td></tr><tr><td><textarea class="vO" name="cc"></textarea></td></tr></tbody>';
    (table.querySelector('textarea[name=to]') as HTMLTextAreaElement).value = 'Tariq Haddad <Tariq.Haddad@dunes-logistics.example>, bad@';
    (table.querySelector('textarea[name=cc]') as HTMLTextAreaElement).value = 'sofia.reyes@northwind.example';
    expect(who(read(gmailAdapter))).toEqual([
      'recipient:lena.vogt@harbor-freight.example',
      'recipient:tariq.haddad@dunes-logistics.example',
      'cc:sofia.reyes@northwind.example',
    ]);
  });

  test('closed or minimised compose: back to the inbox with nobody on screen', async () => {
    fx = await openFixture(GMAIL, GMAIL_URL);
    (fx.doc.querySelector('.dw .Ar') as HTMLElement).style.display = 'none'; // minimised: only the title bar shows
    expect(read(gmailAdapter)).toMatchObject({ view: 'inbox', people: [] });
    await fx.nav('inbox');
    expect(read(gmailAdapter)).toMatchObject({ view: 'inbox', people: [] });
  });

  test('inline reply: its recipients with their compose roles first, then the conversation’s others', async () => {
    fx = await openFixture(GMAIL, GMAIL_URL);
    await fx.nav('reply');
    const ctx = read(gmailAdapter);
    expect(ctx.view).toBe('compose');
    expect(ctx.subject).toBe('Berth slot Santos – week 12');
    expect(ctx.threadId).toBe('thread-f:1900000000000000301');
    expect(ctx.messages).toHaveLength(2);
    expect(who(ctx)).toEqual([
      'recipient:joana.pereira@cais-logistica.example',
      'cc:marta.kowalski@vistula-shipping.example',
      'sender:rafael.souza@cais-logistica.example',
      'recipient:beatriz.lima@cais-logistica.example',
    ]);
  });

  test('a "recipient field" inside received mail is content, not a compose', async () => {
    fx = await openFixture(GMAIL, GMAIL_URL);
    await fx.nav('reply');
    fx.doc.querySelector('.ip.adB')!.remove();
    fx.doc.querySelector('.a3s')!.insertAdjacentHTML(
      'beforeend',
      '<div class="M9"><div class="anm" name="to"><div role="option" data-hovercard-id="mallory@evil.example" data-name="Mallory"></div></div><div contenteditable="true" g_editable="true"></div></div>',
    );
    const ctx = read(gmailAdapter);
    expect(ctx.view).toBe('email-thread');
    expect(JSON.stringify(ctx.people)).not.toContain('mallory');
  });

  test('watcher: chips added and removed in the docked window, typed addresses, closing', async () => {
    fx = await openFixture(GMAIL, GMAIL_URL);
    const win = fx.win as unknown as Window;
    const seen: RawPageContext[] = [];
    const stop = watchPage(gmailAdapter, win, (ctx) => seen.push(ctx));
    try {
      expect(who(seen.at(-1)!)).toHaveLength(3);
      await fx.nav('recipients-changed', 10);
      await frames();
      expect(who(seen.at(-1)!)).toEqual([
        'recipient:lena.vogt@harbor-freight.example',
        'recipient:tariq.haddad@dunes-logistics.example',
        'recipient:ines.moreau@quai-transit.example',
        'cc:sofia.reyes@northwind.example',
      ]);
      // Typing into the To field changes no DOM: the input event alone brings the new address.
      const input = fx.doc.querySelector('.dw .anm[name="to"] input[role=combobox]') as HTMLInputElement;
      input.value = 'Ines.Moreau@quai-transit.example, kai@post.example';
      input.dispatchEvent(new (fx.win as unknown as { Event: typeof Event }).Event('input', { bubbles: true }));
      await frames();
      expect(who(seen.at(-1)!)).toContain('recipient:kai@post.example');
      // A chip removed in the docked window (outside the main pane, no URL change, no event).
      fx.doc.querySelector('.dw [data-hovercard-id="kai@post.example"], .dw [data-hovercard-id="tariq.haddad@dunes-logistics.example"]')!.remove();
      await frames();
      expect(who(seen.at(-1)!)).not.toContain('recipient:tariq.haddad@dunes-logistics.example');
      const count = seen.length;
      // Typing the body changes nothing the sidebar shows: no re-extraction.
      fx.doc.querySelector('.dw [g_editable]')!.append('more text');
      await frames();
      expect(seen.length).toBe(count);
      await fx.nav('inbox', 10);
      await frames();
      expect(seen.at(-1)).toMatchObject({ view: 'inbox', people: [] });
      await fx.nav('compose', 10);
      await frames();
      expect(seen.at(-1)!.view).toBe('compose');
    } finally {
      stop();
    }
  });
});

describe('Outlook compose', () => {
  test('new message in the reading pane: pills with addresses where shown, colleague by name', async () => {
    fx = await openFixture(OUTLOOK, OUTLOOK_URL);
    const ctx = read(outlookAdapter);
    expect(ctx.view).toBe('compose');
    expect(ctx.subject).toBe('Q1 freight rates – Gdańsk route');
    expect(who(ctx)).toEqual(['recipient:lena.vogt@harbor-freight.example', 'recipient:marek.nowak@baltic-cargo.example', 'cc:Sofia Reyes']);
  });

  test('typed "Name <address>" text counts, a half-typed name does not, removed pills leave; closing empties', async () => {
    fx = await openFixture(OUTLOOK, OUTLOOK_URL);
    const well = fx.doc.querySelector('[contenteditable=true][aria-label="To"]')!;
    well.append('tariq.had');
    expect(who(read(outlookAdapter))).toHaveLength(3);
    well.querySelector('[data-lpc-hover-target-id="mn1"]')!.remove();
    well.lastChild!.textContent = 'Tariq Haddad <Tariq.Haddad@dunes-logistics.example>; dana.whitfield@contoso.example';
    expect(who(read(outlookAdapter))).toEqual(['recipient:lena.vogt@harbor-freight.example', 'recipient:tariq.haddad@dunes-logistics.example', 'cc:Sofia Reyes']);
    expect(read(outlookAdapter).people[1]!.name).toBe('Tariq Haddad');
    await fx.nav('closed');
    expect(read(outlookAdapter)).toMatchObject({ view: 'inbox', people: [] });
  });

  test('inline reply in a conversation: recipients first, then the conversation’s others', async () => {
    fx = await openFixture(join(SHARED_FIXTURES, 'outlook-reading-pane.html'), SHARED_OUTLOOK);
    const before = read(outlookAdapter);
    fx.doc.querySelector('#ConversationReadingPaneContainer')!.insertAdjacentHTML(
      'afterbegin',
      '<div><div role="textbox" contenteditable="true" aria-label="To"><span draggable="true" aria-label="Priya Raghunathan" title="priya.raghunathan@contoso.example">Priya Raghunathan</span></div>' +
        '<div role="textbox" contenteditable="true" aria-label="Cc">kai@post.example</div>' +
        '<div contenteditable="true" aria-label="Message body, press Alt+F10 to exit"></div></div>',
    );
    const ctx = read(outlookAdapter);
    expect(ctx.view).toBe('compose');
    expect(ctx.threadId).toBe(before.threadId);
    expect(ctx.messages.length).toBe(before.messages.length);
    expect(who(ctx).slice(0, 2)).toEqual(['recipient:priya.raghunathan@contoso.example', 'cc:kai@post.example']);
    expect(ctx.people.length).toBe(before.people.filter((p) => p.email !== 'priya.raghunathan@contoso.example' && p.name !== 'Priya Raghunathan').length + 2);
  });

  test('watcher: typed text and pill removal in the wells are followed', async () => {
    fx = await openFixture(OUTLOOK, OUTLOOK_URL);
    const seen: RawPageContext[] = [];
    const stop = watchPage(outlookAdapter, fx.win as unknown as Window, (ctx) => seen.push(ctx));
    try {
      await fx.nav('recipients-changed', 10);
      await frames();
      expect(who(seen.at(-1)!)).toEqual(['recipient:lena.vogt@harbor-freight.example', 'recipient:tariq.haddad@dunes-logistics.example', 'cc:Sofia Reyes']);
      await fx.nav('closed', 10);
      await frames();
      expect(seen.at(-1)).toMatchObject({ view: 'inbox', people: [] });
    } finally {
      stop();
    }
  });
});

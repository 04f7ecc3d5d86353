// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { ADAPTERS } from './index';
import { gmailAdapter } from './gmail/adapter';
import { linkedinAdapter } from './linkedin/adapter';
import { outlookAdapter } from './outlook/adapter';
import { PageContextSchema } from './types';

const GMAIL = new URL('https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTMvkXqGbsnHKwPjdBlRrCcMx');

function gmailThread(sender: string, extra = '') {
  document.title = 'Hello - kai@post.example - Gmail';
  document.body.innerHTML = `<div class="aeF"><div role="main"><div class="a98 iY">
    <div class="ha"><h2 class="hP" data-thread-perm-id="thread-f:1">Hello</h2></div>
    <div role="list"><div class="h7" role="listitem"><div class="adn ads" data-message-id="#msg-f:1">
      <h3 class="iw"><span class="qu">${sender}</span></h3>
      <span class="hb">to <span email="kai@post.example" name="me" class="g2">me</span>${extra}</span>
      <div class="ii gt"><div class="a3s aiL">Body <b>bold</b><div class="gmail_quote">old quoted text</div></div></div>
    </div></div></div></div></div></div>`;
  return gmailAdapter.extract(document, GMAIL);
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('fallback strategies', () => {
  test('Gmail: no email attribute → the hovercard id; no name attribute → the text', () => {
    const ctx = gmailThread('<span class="gD" data-hovercard-id="Lena.Vogt@Example.COM">Lena Vogt</span>');
    expect(ctx.people).toEqual([{ name: 'Lena Vogt', email: 'lena.vogt@example.com', role: 'sender' }]);
    expect(ctx.messages[0]!.text).toBe('Body bold');
  });

  test('Gmail: neither attribute → the "<address>" span next to the name', () => {
    const ctx = gmailThread('<span class="gD">Lena Vogt</span> <span class="go">&lt;lena@example.com&gt;</span>');
    expect(ctx.people[0]).toMatchObject({ name: 'Lena Vogt', email: 'lena@example.com' });
  });

  test('LinkedIn: without the classic name link/classes the heading in the self link, then the title, is used', () => {
    document.title = '(3) Noor Haddad | LinkedIn';
    document.body.innerHTML = `<main><section><a href="/in/noor-haddad/"><h1>Noor Haddad</h1></a>
      <p>Buyer at Cedar Foods</p><div><p>Beirut</p><a href="/in/noor-haddad/overlay/contact-info/">Contact info</a></div></section></main>`;
    const ctx = linkedinAdapter.extract(document, new URL('https://www.linkedin.com/in/noor-haddad/'));
    expect(ctx.people).toEqual([
      {
        name: 'Noor Haddad',
        role: 'profile',
        linkedinUrl: 'https://www.linkedin.com/in/noor-haddad/',
        headline: 'Buyer at Cedar Foods',
        title: 'Buyer',
        company: 'Cedar Foods',
        location: 'Beirut',
      },
    ]);
    document.body.innerHTML = '<main><section><img title="Noor Haddad" src="data:,"></section></main>';
    expect(linkedinAdapter.extract(document, new URL('https://www.linkedin.com/in/noor-haddad/')).people[0]?.name).toBe('Noor Haddad');
  });
});

describe('broken documents', () => {
  test('a document that is not a document gives a partial context and no exception', () => {
    const urls = ['https://mail.google.com/mail/u/0/#inbox', 'https://outlook.office.com/mail/', 'https://www.linkedin.com/in/x/'];
    for (const adapter of ADAPTERS) {
      for (const url of urls) {
        for (const doc of [{} as Document, null as unknown as Document, new Proxy({}, { get: () => { throw new Error('hostile'); } }) as Document]) {
          const ctx = adapter.extract(doc, new URL(url));
          expect(ctx.site).toBe(adapter.site);
          expect(ctx.people).toEqual([]);
        }
      }
    }
  });

  test('garbage markup and half-rendered threads yield partial, schema-valid contexts', () => {
    document.body.innerHTML = '<div role="main"><h2 class="hP"></h2><div role="list"><div role="listitem"><span email="">x</span></div></div>';
    const gmail = gmailAdapter.extract(document, GMAIL);
    expect(PageContextSchema.safeParse(gmail).success).toBe(true);
    document.body.innerHTML = '<div id="ConversationReadingPaneContainer"><div aria-label="Email message"><span aria-label="From:"></span></div></div>';
    const outlook = outlookAdapter.extract(document, new URL('https://outlook.office.com/mail/inbox/id/x'));
    expect(PageContextSchema.safeParse(outlook).success).toBe(true);
    expect(outlook.view).toBe('email-thread');
  });
});

describe('hostile values', () => {
  test('a 100,000-character name is clipped to the schema limit; emoji sequences survive intact', () => {
    const long = 'Ä'.repeat(99_998) + '🚀';
    const emoji = 'Zoë 👨‍👩‍👧‍👦 🏳️‍🌈 李伟';
    const ctx = gmailThread(
      `<span class="gD" email="long@example.com" name="${long}">x</span>`,
      `, <span class="g2" email="zoe@example.com" name="${emoji}">Zoë</span>`,
    );
    expect(PageContextSchema.safeParse(ctx).success).toBe(true);
    const longName = ctx.people.find((p) => p.email === 'long@example.com')!.name;
    expect(longName.length).toBeLessThanOrEqual(500);
    expect(longName.endsWith('…')).toBe(true);
    expect(ctx.people.find((p) => p.email === 'zoe@example.com')!.name).toBe(emoji);
  });

  test('bidi and zero-width characters are removed from names but kept in message text', () => {
    const ctx = gmailThread('<span class="gD" email="ap\u200B@bank\u2060.example" name="Accounts \u202Efdp.exe\u202C">x</span>');
    expect(ctx.people[0]).toMatchObject({ name: 'Accounts fdp.exe', email: 'ap@bank.example' });
  });
});

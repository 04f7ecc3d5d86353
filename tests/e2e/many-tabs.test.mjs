// Many tabs in real Chromium: two Gmail tabs with the docked sidebar on the same thread and the
// workspace, all on the same contact, write at the same moment: a note from each sidebar, the
// thread captured from both, a follow-up from each of three pages, and an edit adding a different tag from
// one sidebar and from the workspace. Nothing is lost, nothing is duplicated, the tags are merged.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, sidebarFrame } from './harness.mjs';

const GMAIL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTMvkXqGbsnHKwPjdBlRrCcMx';

async function expandAll(page) {
  await page.evaluate(() => {
    const n = document.querySelectorAll('[role=list] [data-message-id]').length;
    for (let i = 0; i < n; i++) window.__fixture?.expand?.(i);
  });
}

async function records(page, contactId) {
  return page.evaluate(async (id) => {
    const db = await new Promise((resolve) => (indexedDB.open('rapport').onsuccess = (e) => resolve(e.target.result)));
    const all = (store, index, key) =>
      new Promise((resolve) => {
        const s = db.transaction(store).objectStore(store);
        const q = index ? s.index(index).getAll(key) : s.getAll();
        q.onsuccess = () => resolve(q.result);
      });
    const out = {
      contacts: await all('contacts'),
      interactions: await all('interactions', 'contactIds', id),
      followUps: await all('followUps', 'contactId', id),
      links: (await all('interactionLinks')).filter((l) => l.contactId === id),
    };
    db.close();
    return out;
  }, contactId);
}

/** Clicks with the DOM (no pointer hit test): the narrow sidebar stacks an open edit form over its buttons. */
const press = (target, selector) => target.locator(selector).first().evaluate((el) => el.click());

describe('two sidebars and the workspace write the same contact at once', () => {
  let b;
  before(async () => {
    b = await launch();
    b.serve('https://mail.google.com/', 'gmail-thread.html');
  });
  after(async () => b?.close());

  test('notes, captures, follow-ups and edits from three pages: nothing lost, nothing duplicated, tags merged', async () => {
    const tab1 = await b.context.newPage();
    await tab1.goto(GMAIL);
    const side1 = await sidebarFrame(tab1);
    const sender = side1.locator('[data-testid="person"][data-role="sender"]').first();
    await sender.waitFor();
    await sender.locator('[data-testid="add-contact"]').click();
    const card1 = side1.locator('[data-testid="contact-card"]');
    await card1.waitFor();
    const contactId = await card1.getAttribute('data-contact-id');

    const tab2 = await b.context.newPage();
    await tab2.goto(GMAIL);
    const side2 = await sidebarFrame(tab2);
    await side2.locator(`[data-testid="contact-card"][data-contact-id="${contactId}"]`).waitFor();
    for (const tab of [tab1, tab2]) await expandAll(tab);
    const messages = await tab1.evaluate(() => document.querySelectorAll('[role=list] [data-message-id]').length);
    assert.ok(messages >= 2);

    const ws = await b.extensionPage(`options.html#contact/${contactId}`);
    await ws.locator(`[data-testid="contact-card"][data-contact-id="${contactId}"]`).waitFor();

    // Everything is typed in first; then every page saves at the same moment.
    await side1.fill('[data-testid="note-input"]', 'Note from sidebar one');
    await side2.fill('[data-testid="note-input"]', 'Note from sidebar two');
    await side1.click('[data-testid="contact-edit"]');
    await ws.click('[data-testid="contact-edit"]');
    await side1.fill('[data-testid="contact-form"] [name="tags"]', 'from-sidebar');
    await ws.fill('[data-testid="contact-form"] [name="tags"]', 'from-workspace');
    await ws.fill('[data-testid="contact-form"] [name="title"]', 'Head of Purchasing');
    await Promise.all([
      press(side1, '[data-testid="note-save"]'),
      press(side2, '[data-testid="note-save"]'),
      press(side1, '[data-testid="capture-conversation"]'),
      press(side2, '[data-testid="capture-conversation"]'),
      press(side1, '[data-testid="contact-save"]'),
      press(ws, '[data-testid="contact-save"]'),
    ]);
    // Then a follow-up from each page, at once.
    for (const target of [side1, side2, ws]) await press(target, '[data-testid="tab-followups"]');
    for (const target of [side1, side2, ws]) await target.locator('button[data-pick]').first().waitFor();
    await Promise.all([side1, side2, ws].map((target) => press(target, 'button[data-pick]')));

    let stored;
    const deadline = Date.now() + 30_000;
    for (;;) {
      stored = await records(ws, contactId);
      const notes = stored.interactions.filter((i) => i.kind === 'note');
      const contact = stored.contacts.find((c) => c.id === contactId);
      if ((notes.length === 2 && stored.interactions.filter((i) => i.kind === 'email').length >= messages && stored.followUps.length === 3 && contact?.tags?.length === 2) || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 300));
    }
    const contact = stored.contacts.find((c) => c.id === contactId);
    const notes = stored.interactions.filter((i) => i.kind === 'note').map((i) => i.text).sort();
    assert.deepEqual(notes, ['Note from sidebar one', 'Note from sidebar two'], 'both notes kept');
    const emails = stored.interactions.filter((i) => i.kind === 'email');
    assert.equal(emails.length, messages, 'each message of the thread stored once');
    assert.equal(new Set(emails.map((e) => e.sourceKey)).size, emails.length, 'no duplicate capture');
    assert.equal(stored.links.length, stored.interactions.length, 'one timeline link per touchpoint');
    assert.equal(stored.followUps.length, 3, 'three follow-ups');
    assert.deepEqual([...contact.tags].sort(), ['from-sidebar', 'from-workspace'], 'tags merged, not last-writer-wins');
    assert.equal(contact.title, 'Head of Purchasing', "the workspace's field edit kept");
    assert.equal(stored.contacts.filter((c) => c.emails.some((e) => contact.emails.includes(e))).length, 1, 'no duplicate contact');
    // Every page shows the same, without a reload.
    for (const target of [side1, side2]) {
      await press(target, '[data-testid="tab-timeline"]');
      await target.waitForFunction((n) => document.querySelectorAll('[data-testid="timeline-item"]').length === n, stored.interactions.length);
    }
  });
});

// The workspace a rep runs the week from: open and edit a contact (and see it in the sidebar),
// erase, merge duplicates, reactivation, a consent-aware segment export, the pipeline board.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OWN_FIXTURES, artifactPath, launch, sidebarFrame } from './harness.mjs';

const NOTEBOOK = join(OWN_FIXTURES, 'imports/2026-11-30-workspace-notebook.json');
const GMAIL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTMvkXqGbsnHKwPjdBlRrCcMx';

describe('workspace', () => {
  let b;
  let page;
  before(async () => {
    b = await launch();
    b.serve('https://mail.google.com/', 'gmail-thread.html');
    page = await b.extensionPage('options.html');
  });
  after(async () => b?.close());

  /** Waits until the contact list shows exactly these ids for a query. */
  async function hits(query, expected) {
    await page.goto(page.url().replace(/#.*$/, '') + '#contacts');
    await page.fill('[data-testid="search-input"]', query);
    await page
      .waitForFunction(
        (want) => [...document.querySelectorAll('[data-testid="search-result"]')].map((e) => e.getAttribute('data-contact-id')).join(',') === want.join(','),
        expected,
        { timeout: 5000 },
      )
      .catch(() => undefined);
    return page.$$eval('[data-testid="search-result"]', (rows) => rows.map((r) => r.getAttribute('data-contact-id')));
  }

  test('first run: an empty notebook shows how to bring contacts in', async () => {
    const empty = page.locator('[data-testid="empty-state"]');
    await empty.waitFor();
    assert.match(await empty.innerText(), /Connections\.csv/);
    assert.match(await empty.innerText(), /vCard/);
    await page.setInputFiles('[data-testid="import-file"]', NOTEBOOK);
    await page.click('[data-testid="import-confirm"]');
    const report = page.locator('[data-testid="import-report"]');
    await report.waitFor();
    assert.equal(await report.getAttribute('data-imported'), '9', await report.innerText());
    await page.locator('[data-testid="empty-state"]').waitFor({ state: 'detached' });
  });

  test('a search result opens the contact; the URL names it through back, forward and reload', async () => {
    assert.deepEqual(await hits('weiss maschinenbau', ['ct_wk-juergen']), ['ct_wk-juergen']);
    await page.click('[data-testid="search-result"][data-contact-id="ct_wk-juergen"]');
    await page.locator('[data-testid="contact-card"][data-contact-id="ct_wk-juergen"]').waitFor();
    assert.match(page.url(), /#contact\/ct_wk-juergen$/);
    // The sidebar's own panels are there: timeline, preferences, follow-ups, pillars, handover.
    for (const tab of ['timeline', 'preferences', 'followups', 'pillars', 'handover']) await page.locator(`[data-testid="tab-${tab}"]`).waitFor();
    await page.reload();
    await page.locator('[data-testid="contact-card"][data-contact-id="ct_wk-juergen"]').waitFor();
    await page.goBack();
    await page.locator('[data-testid="search-input"]').waitFor();
    await page.goForward();
    await page.locator('[data-testid="contact-card"][data-contact-id="ct_wk-juergen"]').waitFor();
  });

  test('edit revenue, tags and LinkedIn URL; the sidebar on a mail page shows them', async () => {
    await page.click('[data-testid="contact-edit"]');
    await page.fill('input[name="yearlyRevenue"]', '250000');
    await page.fill('input[name="currency"]', 'EUR');
    await page.fill('input[name="tags"]', 'messe, vip-kunde');
    await page.fill('input[name="linkedinUrl"]', 'https://www.linkedin.com/in/juergen-weiss-wm/');
    await page.fill('textarea[name="about"]', 'Kennt uns seit der Messe 2019');
    await page.click('[data-testid="contact-save"]');
    const card = page.locator('[data-testid="contact-card"][data-contact-id="ct_wk-juergen"]');
    await card.locator('[data-testid="card-revenue"]').waitFor();
    assert.match(await card.locator('[data-testid="card-revenue"]').innerText(), /250,000/);
    // Revenue 250 000 suggests key-account coverage.
    assert.equal(await card.locator('[data-testid="card-coverage"]').getAttribute('data-coverage'), 'key-account');

    const mail = await b.context.newPage();
    await mail.goto(GMAIL);
    const frame = await sidebarFrame(mail);
    const sideCard = frame.locator('[data-testid="contact-card"][data-contact-id="ct_wk-juergen"]');
    await sideCard.waitFor();
    assert.match(await sideCard.innerText(), /vip-kunde/);
    assert.match(await sideCard.locator('[data-testid="card-revenue"]').innerText(), /250,000/);
    assert.match(await sideCard.locator('[data-testid="card-coverage"]').innerText(), /Key account/);
    await mail.screenshot({ path: artifactPath('workspace-sidebar-edited.png') });
    await mail.close();
  });

  test('reactivation lists the quiet customer (a recent note does not count) and leaves out the contact-banned one, saying so', async () => {
    await page.goto(page.url().replace(/#.*$/, '') + '#reactivate');
    const list = page.locator('[data-testid="list-reactivate"]');
    await list.locator('[data-testid="list-row"][data-contact-id="ct_wk-anke"]').waitFor();
    assert.equal(await list.locator('[data-testid="list-row"][data-contact-id="ct_wk-banned"]').count(), 0);
    const leftOut = list.locator('[data-testid="reactivate-left-out"]');
    assert.equal(await leftOut.getAttribute('data-count'), '1');
    assert.match(await leftOut.innerText(), /1 left out because: contact ban 1/);
    // The navigation counts the list (here also Carla, silent since mid-2025).
    const rows = await list.locator('[data-testid="list-row"]').count();
    assert.equal(await page.locator('[data-testid="nav-reactivate"]').getAttribute('data-count'), String(rows));
    await list.locator('[data-testid="list-row"][data-contact-id="ct_wk-anke"]').click();
    await page.locator('[data-testid="contact-card"][data-contact-id="ct_wk-anke"]').waitFor();
  });

  test('a newsletter export of a segment leaves out the contact without consent and says so', async () => {
    await page.goto(page.url().replace(/#.*$/, '') + '#contacts');
    await page.selectOption('[data-testid="segment-filters"] select[name="tag"]', 'rundbrief');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="search-result"]').length === 2);
    await page.click('[data-testid="bulk-actions"] summary');
    await page.selectOption('[data-testid="segment-export-purpose"]', 'newsletter');
    await page.selectOption('[data-testid="segment-export"] select[name="format"]', 'vcard');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="segment-export-run"]')]);
    const text = readFileSync(await download.path(), 'utf8');
    assert.match(text, /Nils Mitbrief/);
    assert.doesNotMatch(text, /Nina Ohnebrief/);
    assert.match(await page.locator('[data-testid="ws-message"]').innerText(), /1 contacts exported\. 1 left out because: no newsletter consent 1/);
  });

  test('the board moves a contact by keyboard and the timeline shows the stage change', async () => {
    await page.goto(page.url().replace(/#.*$/, '') + '#board/sales');
    const board = page.locator('[data-testid="board"][data-pipeline="sales"]');
    const card = board.locator('[data-testid="board-column"][data-stage="lead"] [data-testid="board-card"][data-contact-id="ct_wk-dieter"]');
    await card.waitFor();
    await card.focus();
    await page.keyboard.press('ArrowRight');
    const moved = board.locator('[data-testid="board-column"][data-stage="qualified"] [data-testid="board-card"][data-contact-id="ct_wk-dieter"]');
    await moved.waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-contact-id') === 'ct_wk-dieter');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="contact-card"][data-contact-id="ct_wk-dieter"]').waitFor();
    const entry = page.locator('[data-testid="timeline-item"][data-kind="stage"]');
    await entry.first().waitFor();
    assert.match(await entry.first().innerText(), /Sales: Lead → Qualified/);
  });

  test('the board moves a contact by drag and drop too', async () => {
    await page.goto(page.url().replace(/#.*$/, '') + '#board/sales');
    const board = page.locator('[data-testid="board"][data-pipeline="sales"]');
    const card = board.locator('[data-testid="board-card"][data-contact-id="ct_wk-dieter"]');
    await card.waitFor();
    await card.dragTo(board.locator('[data-testid="board-column"][data-stage="proposal"]'));
    await board.locator('[data-testid="board-column"][data-stage="proposal"] [data-testid="board-card"][data-contact-id="ct_wk-dieter"]').waitFor();
    await page.goto(page.url().replace(/#.*$/, '') + '#contact/ct_wk-dieter');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="timeline-item"][data-kind="stage"]').length === 2);
    assert.match(await page.locator('[data-testid="timeline-item"][data-kind="stage"]').first().innerText(), /Qualified → Proposal/);
  });

  test('merging two duplicates leaves one contact with both histories', async () => {
    await page.goto(page.url().replace(/#.*$/, '') + '#duplicates');
    const pair = page.locator('[data-testid="duplicate-pair"][data-a="ct_wk-carla1"][data-b="ct_wk-carla2"]');
    await pair.waitFor();
    assert.equal(await pair.getAttribute('data-reason'), 'name-company');
    await pair.locator('[data-testid="duplicate-review"]').click();
    const preview = pair.locator('[data-testid="merge-preview"]');
    await preview.waitFor();
    assert.equal(await preview.locator('[data-testid="merge-field"][data-field="title"]').getAttribute('data-wins'), 'drop');
    assert.equal(await preview.locator('[data-testid="merge-field"][data-field="emails"]').getAttribute('data-wins'), 'both');
    await preview.locator('[data-testid="merge-confirm"]').click();
    await page.locator('[data-testid="contact-card"][data-contact-id="ct_wk-carla1"]').waitFor();
    const items = page.locator('[data-testid="timeline-item"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="timeline-item"]').length === 2);
    const text = (await items.allInnerTexts()).join('\n');
    assert.match(text, /Pumpenwartung/);
    assert.match(text, /Ersatzteile/);
    assert.deepEqual(await hits('carla', ['ct_wk-carla1']), ['ct_wk-carla1']);
  });

  test('the merge button on a contact previews and merges only on confirm', async () => {
    await page.goto(page.url().replace(/#.*$/, '') + '#contact/ct_wk-nils');
    await page.click('[data-testid="merge-contacts"]');
    await page.fill('[data-testid="merge-search"]', 'nina');
    await page.click('[data-testid="merge-candidate"][data-contact-id="ct_wk-nina"]');
    await page.locator('[data-testid="merge-preview"][data-keep="ct_wk-nils"][data-drop="ct_wk-nina"]').waitFor();
    assert.deepEqual(await hits('ohnebrief', ['ct_wk-nina']), ['ct_wk-nina']);
  });

  test('erase asks once, then the contact is gone from search, lists, timeline, follow-ups and every export', async () => {
    await page.goto(page.url().replace(/#.*$/, '') + '#today');
    await page.locator('[data-testid="list-today"] [data-testid="list-row"][data-contact-id="ct_wk-zora"]').waitFor();
    await page.goto(page.url().replace(/#.*$/, '') + '#contact/ct_wk-zora');
    await page.locator('[data-testid="contact-card"][data-contact-id="ct_wk-zora"]').waitFor();
    await page.click('[data-testid="erase-contact"]');
    await page.click('[data-testid="erase-confirm"]');
    await page.locator('[data-testid="search-input"]').waitFor();
    assert.deepEqual(await hits('zapfenstreich', []), []);
    assert.deepEqual(await hits('Kranichflug', []), []);
    await page.goto(page.url().replace(/#.*$/, '') + '#today');
    await page.locator('[data-testid="list-today"]').waitFor();
    assert.equal(await page.locator('[data-testid="list-row"][data-contact-id="ct_wk-zora"]').count(), 0);
    await page.goto(page.url().replace(/#.*$/, '') + '#contact/ct_wk-zora');
    await page.locator('[data-testid="contact-missing"]').waitFor();
    await page.goto(page.url().replace(/#.*$/, '') + '#contacts');
    for (const format of ['json', 'csv', 'vcard', 'markdown']) {
      await page.selectOption('[data-testid="export-format"]', format);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-run"]')]);
      const bytes = readFileSync(await download.path());
      const text = bytes.toString('latin1');
      for (const word of ['Zapfenstreich', 'zora@', 'Kranichflug', 'Zapfenangebot']) assert.equal(text.includes(word), false, `${format} holds ${word}`);
      if (format === 'json') assert.match(bytes.toString('utf8'), /Anke Sommerfeld/);
    }
  });
});

describe('workspace in German', () => {
  test('stages, loyalty and coverage are shown in German', async () => {
    const b = await launch({ lang: 'de-DE' });
    try {
      const page = await b.extensionPage('options.html');
      await page.setInputFiles('[data-testid="import-file"]', NOTEBOOK);
      await page.click('[data-testid="import-confirm"]');
      await page.locator('[data-testid="import-report"]').waitFor();
      await page.goto(page.url().replace(/#.*$/, '') + '#board/sales');
      const board = page.locator('[data-testid="board"]');
      await board.locator('[data-testid="board-card"]').first().waitFor();
      const text = await board.innerText();
      for (const word of ['Qualifiziert', 'Angebot', 'Gewonnen', 'Verloren']) assert.match(text, new RegExp(word));
      assert.doesNotMatch(text, /proposal/);
      const card = board.locator('[data-testid="board-card"][data-contact-id="ct_wk-dieter"]');
      await card.focus();
      await page.keyboard.press('ArrowRight');
      await board.locator('[data-testid="board-column"][data-stage="qualified"] [data-testid="board-card"][data-contact-id="ct_wk-dieter"]').waitFor();
      await page.goto(page.url().replace(/#.*$/, '') + '#contact/ct_wk-dieter');
      const entry = page.locator('[data-testid="timeline-item"][data-kind="stage"]').first();
      await entry.waitFor();
      assert.match(await entry.innerText(), /Vertrieb: Lead → Qualifiziert/);
      await page.goto(page.url().replace(/#.*$/, '') + '#contact/ct_wk-juergen');
      const contactCard = page.locator('[data-testid="contact-card"][data-contact-id="ct_wk-juergen"]');
      await contactCard.waitFor();
      assert.match(await contactCard.innerText(), /Wiederkäufer/);
      assert.match(await contactCard.locator('[data-testid="card-coverage"]').innerText(), /Außendienst/);
    } finally {
      await b.close();
    }
  });
});

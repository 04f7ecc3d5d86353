// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { act } from 'react';
import { withTestRoot } from '../../tests/support/react-root';
import { createContact } from '../../utils/db/repos/contacts';
import { databaseChecksum } from '../../tests/support/db-checksum';
import { freshDb } from '../../tests/support/sample-db';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';

const view = withTestRoot();

async function until<T>(probe: () => T | null | undefined, ms = 5000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() - start > ms) throw new Error('timed out');
    await act(() => new Promise((r) => setTimeout(r, 10)));
  }
}

async function pick(file: File) {
  const input = view.container.querySelector<HTMLInputElement>('[data-testid=import-file]')!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('ImportPanel', () => {
  it('previews, confirms and reports', async () => {
    const db = freshDb();
    await createContact(db, { displayName: 'Jana K.', emails: ['jana.krueger@maschinen.example'] });
    act(() => view.root.render(<ImportPanel db={db} />));
    await pick(new File([readFileSync('tests/fixtures/imports/linkedin-Connections.csv')], 'anything.txt'));
    const preview = await until(() => view.container.querySelector('[data-testid=import-preview]'));
    expect(preview.getAttribute('data-new')).toBe('4');
    expect(preview.getAttribute('data-matched')).toBe('1');
    expect(view.container.querySelector('[data-testid=import-report]')).toBeNull();
    expect(await db.contacts.count()).toBe(1);
    await act(async () => view.container.querySelector<HTMLButtonElement>('[data-testid=import-confirm]')!.click());
    const report = await until(() => view.container.querySelector('[data-testid=import-report]'));
    expect(report.getAttribute('data-imported')).toBe('4');
    expect(report.getAttribute('data-updated')).toBe('1');
    expect(report.getAttribute('data-skipped')).toBe('0');
    expect(report.getAttribute('data-errors')).toBe('0');
    expect(await db.contacts.count()).toBe(5);
  });

  it('the report uses the preview\'s words and counts, lists the rows left out and offers them as a CSV', async () => {
    const db = freshDb();
    await createContact(db, { displayName: 'Kwame M.', emails: ['kwame@accra-solar.example'] });
    act(() => view.root.render(<ImportPanel db={db} />));
    const csv = readFileSync('tests/fixtures/imports/2026-11-30-linkedin-2024-Connections.csv', 'utf8');
    // One row twice: a duplicate within the file.
    await pick(new File([csv + 'Nguyễn,Văn An,https://www.linkedin.com/in/nguyen-van-an,,Saigon Tech,CTO,05 Nov 2023\n'], 'Connections.csv'));
    const preview = await until(() => view.container.querySelector('[data-testid=import-preview]'));
    const previewCounts = ['new', 'matched', 'duplicate', 'invalid', 'fields'].map((k) => preview.getAttribute(`data-${k}`));
    expect(previewCounts).toEqual(['5', '1', '1', '2', '4']);
    const words = (el: Element) => [...el.querySelectorAll('.transfer__counts dt')].map((dt) => dt.textContent);
    const previewWords = words(preview);
    expect(previewWords).toEqual(['New contacts', 'Updated contacts (same email or LinkedIn profile)', 'Duplicates (skipped)', 'Invalid rows (skipped)', 'Fields left out (contact kept)']);
    expect(preview.querySelector('[data-outcome=invalid]')!.textContent).toContain('Line 10: a field opens with a quote and goes on after it closes');

    await act(async () => view.container.querySelector<HTMLButtonElement>('[data-testid=import-confirm]')!.click());
    const report = await until(() => view.container.querySelector('[data-testid=import-report]'));
    expect(['imported', 'updated', 'duplicates', 'invalid', 'fields'].map((k) => report.getAttribute(`data-${k}`))).toEqual(previewCounts);
    expect(report.getAttribute('data-skipped')).toBe('3');
    expect(report.getAttribute('data-errors')).toBe('0');
    expect(words(report)).toEqual(previewWords);
    expect(report.textContent).toContain('5 new, 1 updated; skipped: 1 duplicates and 2 invalid rows.');
    expect(await db.contacts.count()).toBe(6);

    const blobs: Blob[] = [];
    const names: string[] = [];
    URL.createObjectURL = (blob: Blob) => {
      blobs.push(blob);
      return 'blob:test';
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      names.push(this.download);
    };
    try {
      await act(async () => view.container.querySelector<HTMLButtonElement>('[data-testid=import-left-out-download]')!.click());
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    expect(names[0]).toMatch(/^rapport-import-left-out-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await blobs[0]!.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('line,file,outcome,reason,name,row as written');
    expect(lines).toHaveLength(1 + 2 + 1 + 4);
    expect(lines).toContain('11,,invalid,9 cells but the header has 7 columns,,"Lena,Vogt,https://www.linkedin.com/in/lena-vogt,,Vogt AG,CFO,10 Nov 2023,extra,cells"');
    expect(lines).toContain('9,,field,"email ""urn:li:member:123456789"" left out: not an email address: urn:li:member:123456789",Hidden Member,');
    expect(lines.some((l) => l.startsWith('13,,duplicate,the same person as line 12,Nguyễn Văn An'))).toBe(true);
  });

  it('shows a refused file as text, names the line, writes nothing', async () => {
    const db = freshDb();
    const before = await databaseChecksum(db);
    act(() => view.root.render(<ImportPanel db={db} />));
    await pick(new File(['BEGIN:VCARD\r\nFN:<img src=x onerror=alert(1)>\r\n'], 'x.vcf'));
    const report = await until(() => view.container.querySelector('[data-testid=import-report]'));
    expect(report.getAttribute('data-errors')).toBe('1');
    expect(report.getAttribute('data-code')).toBe('vcard-no-end');
    expect(report.textContent).toContain('Line 1: the card that begins here has no END:VCARD');
    expect(view.container.querySelector('img')).toBeNull();
    expect(await databaseChecksum(db)).toBe(before);
  });
});

describe('ExportPanel', () => {
  it('downloads the chosen format through an <a download>', async () => {
    const db = freshDb();
    await createContact(db, { displayName: 'Anna', emails: ['anna@a.example'] });
    const blobs: Blob[] = [];
    URL.createObjectURL = (blob: Blob) => {
      blobs.push(blob);
      return 'blob:test';
    };
    const clicked: string[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    };
    try {
      act(() => view.root.render(<ExportPanel db={db} />));
      const select = view.container.querySelector<HTMLSelectElement>('[data-testid=export-format]')!;
      expect([...select.options].map((o) => o.value)).toEqual(['json', 'csv', 'vcard', 'markdown']);
      await act(async () => {
        select.value = 'vcard';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await act(async () => view.container.querySelector<HTMLButtonElement>('[data-testid=export-run]')!.click());
      await until(() => view.container.querySelector('[data-testid=export-done]'));
      expect(clicked).toHaveLength(1);
      expect(clicked[0]).toMatch(/^rapport-contacts-\d{4}-\d{2}-\d{2}\.vcf$/);
      expect(await blobs[0]!.text()).toContain('FN:Anna');
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
  });
});

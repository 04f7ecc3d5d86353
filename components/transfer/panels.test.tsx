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

import { CONTACT_COLUMNS, CSV_BOM, INTERACTION_COLUMNS, csvBody, csvHeader } from './csv';
import { throwIfAborted } from './errors';
import { encodeJson } from './json';
import { encodeMarkdown, markdownFileName } from './markdown';
import type { ExportFormat, ProgressCallback, Selection } from './model';
import { BlobSink } from './sink';
import type { ExportSource } from './source';
import { yieldToUi } from './text';
import { encodeVCard, type VCardVersion } from './vcard';
import { ZipWriter } from './zip';

export interface ExportOptions {
  format: ExportFormat;
  /** Whole database when absent. A JSON export of a selection is a handover bundle. */
  selection?: Selection;
  vcardVersion?: VCardVersion;
  appVersion?: string;
  /** Handover: who hands over, and a note for the colleague. */
  from?: string;
  note?: string;
  now?: Date;
  onProgress?: ProgressCallback;
  signal?: AbortSignal;
}

export interface ExportResult {
  blob: Blob;
  fileName: string;
  records: number;
}

const MIME: Record<ExportFormat, string> = {
  json: 'application/json',
  csv: 'application/zip',
  vcard: 'text/vcard;charset=utf-8',
  markdown: 'application/zip',
};

function fileName(format: ExportFormat, selection: Selection, now: Date): string {
  const day = now.toISOString().slice(0, 10);
  const whole = selection.kind === 'all';
  switch (format) {
    case 'json':
      return whole ? `rapport-backup-${day}.json` : `rapport-handover-${day}.json`;
    case 'csv':
      return `rapport-csv-${day}.zip`;
    case 'vcard':
      return `rapport-contacts-${day}.vcf`;
    case 'markdown':
      return `rapport-markdown-${day}.zip`;
  }
}

/**
 * Writes an export from any source into chunked Blob parts. Progress is reported per page; the
 * UI gets a macrotask between pages; the signal cancels between pages.
 */
export async function writeExport(source: ExportSource, options: ExportOptions): Promise<ExportResult> {
  const selection = options.selection ?? { kind: 'all' };
  const now = options.now ?? new Date();
  const { signal } = options;
  const sink = new BlobSink();
  const c = source.counts;
  const total =
    options.format === 'json'
      ? c.contacts + c.interactions + c.followUps + c.checks + c.companies + c.pipelines
      : options.format === 'csv'
        ? c.contacts + c.interactions
        : c.contacts;
  let done = 0;
  let lastYield = Date.now();
  const tick = (n: number) => {
    done += n;
    options.onProgress?.({ phase: 'encode', done, total });
  };
  // Give the event loop back about every 50 ms (progress paints, the cancel button works).
  const breathe = async () => {
    if (Date.now() - lastYield > 50) {
      await yieldToUi();
      lastYield = Date.now();
    }
    throwIfAborted(signal);
  };

  throwIfAborted(signal);
  switch (options.format) {
    case 'json': {
      const target = {
        write: (text: string) => sink.write(text),
        tick,
        signal,
      };
      const scope = selection.kind === 'all' ? undefined : { selection, ...(options.from ? { from: options.from } : {}), ...(options.note ? { note: options.note } : {}) };
      await encodeJson(
        { ...source, ...wrapPages(source, breathe) },
        { exportedAt: now.toISOString(), appVersion: options.appVersion ?? 'unknown', ...(scope ? { scope } : {}) },
        target,
      );
      break;
    }
    case 'csv': {
      const zip = new ZipWriter(sink, now);
      const contacts = zip.entry('contacts.csv');
      contacts.write(CSV_BOM + csvHeader(CONTACT_COLUMNS));
      for await (const page of source.contacts()) {
        contacts.write(csvBody(CONTACT_COLUMNS, page));
        tick(page.length);
        await breathe();
      }
      contacts.end();
      const interactions = zip.entry('interactions.csv');
      interactions.write(CSV_BOM + csvHeader(INTERACTION_COLUMNS));
      for await (const page of source.interactions()) {
        interactions.write(csvBody(INTERACTION_COLUMNS, page));
        tick(page.length);
        await breathe();
      }
      interactions.end();
      zip.end();
      break;
    }
    case 'vcard': {
      for await (const page of source.contacts()) {
        sink.write(page.map((contact) => encodeVCard(contact, options.vcardVersion ?? '4.0')).join(''));
        tick(page.length);
        await breathe();
      }
      break;
    }
    case 'markdown': {
      const zip = new ZipWriter(sink, now);
      for await (const page of source.contacts()) {
        for (const contact of page) {
          const history = await source.historyOf(contact.id);
          const entry = zip.entry(markdownFileName(contact));
          entry.write(encodeMarkdown({ contact, ...history }));
          entry.end();
        }
        tick(page.length);
        await breathe();
      }
      zip.end();
      break;
    }
  }
  return { blob: sink.toBlob(MIME[options.format]), fileName: fileName(options.format, selection, now), records: done };
}

/** The same pages, with a breather after each. */
function wrapPages(source: ExportSource, breathe: () => Promise<void>): Partial<ExportSource> {
  const wrap = <T>(pages: () => AsyncIterable<T[]>) =>
    async function* () {
      for await (const page of pages()) {
        yield page;
        await breathe();
      }
    };
  return {
    contacts: wrap(source.contacts),
    interactions: wrap(source.interactions),
    followUps: wrap(source.followUps),
    checks: wrap(source.checks),
    companies: wrap(source.companies),
    pipelines: wrap(source.pipelines),
  };
}

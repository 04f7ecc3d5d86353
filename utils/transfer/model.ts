import { z } from 'zod';
import type { TransferErrorCode } from './errors';

/** Every format the importer recognises from a file's content. */
export type ImportFormat =
  | 'rapport-json'
  | 'rapport-csv'
  | 'linkedin-csv'
  | 'google-csv'
  | 'outlook-csv'
  | 'vcard';

/** Every format the exporter writes. A handover bundle is `json` with a selection. */
export type ExportFormat = 'json' | 'csv' | 'vcard' | 'markdown';

/** A raw record read from a file, not yet validated, with where it came from. */
export interface Located {
  /** 1-based line in the file where the record starts, when the format has lines that mean something. */
  line?: number;
  /** Where the record sits when lines don't help, e.g. `contacts[3]` in a JSON backup. */
  where?: string;
  value: Record<string, unknown>;
  /** Fields of this row that were left out (a bad phone, email or URL), each with its reason; the row itself is kept. */
  warnings?: string[];
}

/** A row that will not be imported, and why. */
export interface InvalidRow {
  line?: number;
  where?: string;
  reason: string;
  /** The row as written in the file (its start, for a row the decoder could not read), for the list of left-out rows. */
  text?: string;
  /** Set by a decoder when this problem alone would have refused the file before (the refusal code when nothing else is readable). */
  code?: TransferErrorCode;
}

/** What a decoder read from a file: raw records per table, before validation and matching. */
export interface DecodedImport {
  format: ImportFormat;
  /** Version of our own formats (JSON envelope), when relevant. */
  formatVersion?: number;
  encoding: string;
  /** Informational remarks for the preview (e.g. "read as Windows-1252"). */
  notices: string[];
  scope?: Scope;
  contacts: Located[];
  interactions: Located[];
  followUps: Located[];
  checks: Located[];
  companies: Located[];
  pipelines: Located[];
  /** Rows the decoder could not turn into a record at all. */
  invalid: InvalidRow[];
}

/** An empty decode result of a format, filled by the decoders. */
export function emptyDecoded(format: ImportFormat, encoding: string): DecodedImport {
  return { format, encoding, notices: [], contacts: [], interactions: [], followUps: [], checks: [], companies: [], pipelines: [], invalid: [] };
}

/** Which contacts an export covers. */
export const SelectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('tag'), tag: z.string().min(1) }),
  z.object({ kind: z.literal('tier'), tier: z.enum(['A', 'B', 'C']) }),
  z.object({ kind: z.literal('industry'), industry: z.string().min(1) }),
  z.object({ kind: z.literal('search'), query: z.string().min(1) }),
  z.object({ kind: z.literal('contact'), contactId: z.string().min(1) }),
  /** A hand-picked list (a workspace segment after the consent check). */
  z.object({ kind: z.literal('contacts'), contactIds: z.array(z.string().min(1)).max(1_000_000) }),
]);
export type Selection = z.infer<typeof SelectionSchema>;

/** What a JSON envelope holds: the whole database, or a handover of a segment or one contact. */
export const ScopeSchema = z.object({
  selection: SelectionSchema,
  /** Who handed it over, free text (a handover note for the colleague). */
  from: z.string().max(1000).optional(),
  note: z.string().max(10_000).optional(),
});
export type Scope = z.infer<typeof ScopeSchema>;

/** Progress of a long import or export step. */
export interface Progress {
  phase: 'read' | 'decode' | 'plan' | 'write' | 'encode' | 'restore';
  done: number;
  total: number;
}
export type ProgressCallback = (progress: Progress) => void;

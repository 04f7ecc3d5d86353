/**
 * Collects an export as a list of Blob parts. Text is gathered into parts of about 1 MB and each
 * part becomes its own Blob, so no single giant string is ever built and the browser can keep
 * finished parts out of the JavaScript heap (Chromium moves large blobs to disk).
 */
export class BlobSink {
  private readonly blobs: Blob[] = [];
  private pending: BlobPart[] = [];
  private pendingSize = 0;
  private total = 0;

  constructor(private readonly flushAt = 1 << 20) {}

  /** Appends text (UTF-8) or bytes. */
  write(part: string | Uint8Array): void {
    this.pending.push(part as BlobPart);
    this.pendingSize += part.length;
    this.total += part.length;
    if (this.pendingSize >= this.flushAt) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.blobs.push(new Blob(this.pending));
    this.pending = [];
    this.pendingSize = 0;
  }

  /** Characters and bytes written so far (a progress hint, not the byte size). */
  get written(): number {
    return this.total;
  }

  /** The finished file. */
  toBlob(type: string): Blob {
    this.flush();
    return new Blob(this.blobs, { type });
  }
}

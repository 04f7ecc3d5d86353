import { Zip, ZipDeflate, unzipSync } from 'fflate';
import { TransferError } from './errors';
import type { BlobSink } from './sink';
import { utf8 } from './text';

/** One file being written into a zip; text is buffered into 64 KB pieces before compression. */
export interface ZipEntryWriter {
  write(text: string): void;
  end(): void;
}

/** A zip written piece by piece into a sink (fflate's streaming `Zip`), never held whole in memory. */
export class ZipWriter {
  private readonly zip: Zip;
  private failure: Error | undefined;

  constructor(sink: BlobSink, private readonly mtime: Date = new Date()) {
    this.zip = new Zip((error, data) => {
      if (error) this.failure = error;
      else sink.write(data);
    });
  }

  /** Starts a file; finish it with `end()` before starting the next. */
  entry(name: string): ZipEntryWriter {
    const file = new ZipDeflate(name, { level: 6 });
    file.mtime = this.mtime;
    this.zip.add(file);
    let buffer: string[] = [];
    let size = 0;
    const flush = (final: boolean) => {
      file.push(utf8.encode(buffer.join('')), final);
      buffer = [];
      size = 0;
    };
    return {
      write: (text) => {
        buffer.push(text);
        size += text.length;
        if (size >= 1 << 16) flush(false);
      },
      end: () => flush(true),
    };
  }

  end(): void {
    this.zip.end();
    if (this.failure) throw this.failure;
  }
}

/** True when the bytes start with a zip local file header. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The files of a zip, by name (folders dropped). */
export function unzip(bytes: Uint8Array): Map<string, Uint8Array> {
  try {
    const files = unzipSync(bytes);
    return new Map(Object.entries(files).filter(([name]) => !name.endsWith('/')));
  } catch (error) {
    throw new TransferError('zip-content', `The zip file cannot be read (${(error as Error).message}).`);
  }
}

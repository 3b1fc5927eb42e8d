/**
 * The ZIP inside a backup, made as its entries come, by fflate's streaming Zip: rows.json and
 * manifest.json deflated (JSON shrinks to a fraction), the evidence stored as it is (photos and
 * PDFs are compressed already). Entries come one after the other, each whole before the next.
 * Its output is taken in pieces (take) and sealed as it comes (backup-format.ts); fflate writes no
 * ZIP64, so backup-limits.ts refuses beforehand what it could not hold.
 */
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

/** Deflate runs on the main process's thread: in pieces of this size, with a turn of the event loop between them. */
export const DEFLATE_PIECE_BYTES = 1024 * 1024;

export class BackupZipStream {
  private readonly zip: Zip;
  private out: Uint8Array[] = [];
  private failure: Error | null = null;
  private file: ZipPassThrough | ZipDeflate | null = null;

  constructor(private readonly mtime: Date) {
    this.zip = new Zip((error, data) => {
      if (error) this.failure ??= error;
      else this.out.push(data);
    });
  }

  /** Starts the next entry. */
  begin(name: string, deflate: boolean): void {
    if (this.file) throw new Error(`${this.file.filename} has not ended`);
    const file = deflate ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
    file.mtime = this.mtime;
    this.zip.add(file);
    this.file = file;
  }

  /** Bytes of the entry begun; `last` ends it. */
  push(bytes: Uint8Array, last: boolean): void {
    if (!this.file) throw new Error('no entry has begun');
    this.file.push(bytes, last);
    if (last) this.file = null;
  }

  get deflating(): boolean {
    return this.file instanceof ZipDeflate;
  }

  /** Ends the ZIP: its central directory follows in take(). */
  end(): void {
    if (this.file) throw new Error(`${this.file.filename} has not ended`);
    this.zip.end();
  }

  /** The ZIP's bytes made since the last take. */
  take(): Uint8Array[] {
    if (this.failure) throw this.failure;
    const out = this.out;
    this.out = [];
    return out;
  }
}

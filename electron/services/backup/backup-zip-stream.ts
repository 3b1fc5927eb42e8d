/**
 * The ZIP inside a backup, made as its entries come, by fflate's streaming Zip: manifest.json and
 * rows.json deflated (JSON shrinks to a fraction) by node:zlib, off the main thread (in libuv's
 * pool: a database's rows.json of 100 MB takes seconds to deflate, and the app stays usable
 * meanwhile), the evidence stored as it is (photos and PDFs are compressed already). Entries
 * come one after the other, each whole before the next. Its output is taken in pieces (take) and
 * sealed as it comes (backup-format.ts); fflate writes no ZIP64, so backup-limits.ts refuses
 * beforehand what it could not hold.
 */
import { crc32, createDeflateRaw, type DeflateRaw } from 'node:zlib';
import { Zip, ZipPassThrough, type AsyncFlateStreamHandler, type ZipInputFile } from 'fflate';

/** An entry deflated by node:zlib, handed to fflate's Zip as a custom file (its CRC-32 and size set before its last piece). */
class DeflatedEntry implements ZipInputFile {
  readonly compression = 8;
  size = 0;
  crc = 0;
  ondata: AsyncFlateStreamHandler = () => undefined;
  private readonly deflate: DeflateRaw = createDeflateRaw({ level: 6 });
  private out: Buffer[] = [];
  private failure: Error | null = null;

  constructor(
    readonly filename: string,
    readonly mtime: Date,
  ) {
    this.deflate.on('data', (chunk: Buffer) => this.out.push(chunk));
    this.deflate.on('error', (e: Error) => (this.failure ??= e));
  }

  async push(bytes: Uint8Array, last: boolean): Promise<void> {
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.length;
    if (bytes.length > 0) await new Promise<void>((ok, no) => this.deflate.write(bytes, (e) => (e ? no(e) : ok())));
    if (last) {
      await new Promise<void>((ok, no) => {
        this.deflate.once('end', ok);
        this.deflate.once('error', no);
        this.deflate.end();
      });
    }
    if (this.failure) throw this.failure;
    const out = this.out;
    this.out = [];
    for (const chunk of out) this.ondata(null, chunk as Uint8Array<ArrayBuffer>, false);
    if (last) this.ondata(null, new Uint8Array(0), true);
  }
}

export class BackupZipStream {
  private readonly zip: Zip;
  private out: Uint8Array[] = [];
  private failure: Error | null = null;
  private file: ZipPassThrough | DeflatedEntry | null = null;

  constructor(private readonly mtime: Date) {
    this.zip = new Zip((error, data) => {
      if (error) this.failure ??= error;
      else this.out.push(data);
    });
  }

  /** Starts the next entry. */
  begin(name: string, deflate: boolean): void {
    if (this.file) throw new Error(`${this.file.filename} has not ended`);
    const file = deflate ? new DeflatedEntry(name, this.mtime) : new ZipPassThrough(name);
    if (file instanceof ZipPassThrough) file.mtime = this.mtime;
    this.zip.add(file);
    this.file = file;
  }

  /** Bytes of the entry begun; `last` ends it. */
  async push(bytes: Uint8Array, last: boolean): Promise<void> {
    const file = this.file;
    if (!file) throw new Error('no entry has begun');
    if (last) this.file = null;
    if (file instanceof DeflatedEntry) await file.push(bytes, last);
    else file.push(bytes, last);
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

/**
 * The bundle file as yauzl reads it, through a 1 MiB read-ahead block: yauzl reads the central
 * directory one small record at a time and each entry's local header apart from its data, so a
 * bundle of thousands of small evidence files costs tens of thousands of tiny fs.read calls, each
 * a round trip through libuv's thread pool. Served from the block, they become copies. Ranges up
 * to a block (small entries' data) come from it too; larger ranges are streamed from the file as
 * before, so memory stays bounded whatever an entry's size.
 */
import { close, read } from 'node:fs';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';

const BLOCK_BYTES = 1024 * 1024;
const STREAM_HIGH_WATER_MARK = 256 * 1024;

type Done = (err: Error | null, bytes?: Buffer) => void;

export class BlockFileReader extends yauzl.RandomAccessReader {
  private block: Buffer = Buffer.alloc(0);
  private blockStart = 0;

  constructor(
    private readonly fd: number,
    private readonly fileSize: number,
  ) {
    super();
  }

  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (err: Error | null, bytesRead: number) => void): void {
    this.bytesAt(position, length, (err, bytes) => {
      if (err || !bytes) return callback(err ?? new Error('read failed'), 0);
      bytes.copy(buffer, offset);
      callback(null, bytes.length);
    });
  }

  override _readStreamForRange(start: number, end: number): Readable {
    if (end - start > BLOCK_BYTES) {
      return new FileRangeStream(this.fd, start, end);
    }
    const stream = new Readable({ read() {} });
    this.bytesAt(start, end - start, (err, bytes) => {
      if (err || !bytes) return stream.destroy(err ?? new Error('read failed'));
      stream.push(bytes);
      stream.push(null);
    });
    return stream;
  }

  override close(callback: (err: Error | null) => void): void {
    close(this.fd, (err) => callback(err ?? null));
  }

  /** A copy of the bytes at [position, position + length) (fewer at the end of the file). */
  private bytesAt(position: number, length: number, done: Done): void {
    const want = Math.max(0, Math.min(length, this.fileSize - position));
    const cached = position >= this.blockStart && position + want <= this.blockStart + this.block.length;
    if (cached) {
      const at = position - this.blockStart;
      const bytes = Buffer.from(this.block.subarray(at, at + want));
      // Asynchronous like a real read, so callers never see their callback run before they return.
      return void queueMicrotask(() => done(null, bytes));
    }
    const size = Math.max(want, Math.min(BLOCK_BYTES, this.fileSize - position));
    const block = Buffer.allocUnsafe(size);
    readFully(this.fd, block, position, (err, got) => {
      if (err) return done(err);
      const filled = block.subarray(0, got);
      if (size <= BLOCK_BYTES) {
        this.block = filled;
        this.blockStart = position;
      }
      done(null, Buffer.from(filled.subarray(0, Math.min(want, got))));
    });
  }
}

/**
 * [start, end) of the file, read in 256 KiB pieces. Not fs.createReadStream: destroying one of
 * those mid-read closes the descriptor even with autoClose: false, and the file must stay open.
 */
class FileRangeStream extends Readable {
  private position: number;

  constructor(
    private readonly fd: number,
    start: number,
    private readonly end: number,
  ) {
    super({ highWaterMark: STREAM_HIGH_WATER_MARK });
    this.position = start;
  }

  override _read(): void {
    const size = Math.min(STREAM_HIGH_WATER_MARK, this.end - this.position);
    if (size <= 0) return void this.push(null);
    const buffer = Buffer.allocUnsafe(size);
    read(this.fd, buffer, 0, size, this.position, (err, got) => {
      if (this.destroyed) return;
      if (err) return void this.destroy(err);
      if (got === 0) return void this.destroy(new Error('unexpected end of file'));
      this.position += got;
      this.push(got < size ? buffer.subarray(0, got) : buffer);
    });
  }
}

/** fs.read until the buffer is full or the file ends. */
function readFully(fd: number, buffer: Buffer, position: number, done: (err: Error | null, got: number) => void, got = 0): void {
  read(fd, buffer, got, buffer.length - got, position + got, (err, n) => {
    if (err) return done(err, got);
    if (n === 0 || got + n === buffer.length) return done(null, got + n);
    readFully(fd, buffer, position, done, got + n);
  });
}

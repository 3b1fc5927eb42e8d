/**
 * Writes a file so that readers see either the old file or the whole new one, never a part:
 * a temporary file in the same directory, fsync, rename, then fsync of the directory. `check`,
 * when given, reads the temporary file before the rename; if it throws, nothing is written.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function writeFileAtomic(path: string, bytes: Uint8Array, opts: { mode?: number; check?: (tempPath: string) => Promise<void> } = {}): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const file = await open(temp, 'wx', opts.mode ?? 0o644);
  try {
    await file.writeFile(bytes);
    await file.sync();
    await file.close();
    await opts.check?.(temp);
    await rename(temp, path);
  } catch (e) {
    await file.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw e;
  }
  await syncDirectory(dir);
}

/** Makes the rename itself durable. Some platforms (Windows) cannot open a directory: skip there. */
export async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // best effort
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

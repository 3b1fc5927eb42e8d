/**
 * The decrypted ZIP of a backup opened with yauzl: its entries by name (each named once), and an
 * entry's bytes as a stream. yauzl reads the central directory (ZIP64 too) and checks each entry's
 * size against it; the hashes are the restore check's own (restore-check.ts).
 */
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

export interface BackupZip {
  entries: Map<string, yauzl.Entry>;
  stream(entry: yauzl.Entry): Promise<Readable>;
  close(): void;
}

/** A name given twice, or a ZIP yauzl cannot read: the message says which. */
export class BackupZipError extends Error {}

export function openBackupZip(path: string): Promise<BackupZip> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true, decodeStrings: true }, (error, zip) => {
      if (error || !zip) return reject(new BackupZipError(`its ZIP cannot be read (${error?.message ?? 'no ZIP'})`));
      const entries = new Map<string, yauzl.Entry>();
      const fail = (e: Error) => {
        zip.close();
        reject(e);
      };
      zip.on('error', (e: Error) => fail(new BackupZipError(`its ZIP cannot be read (${e.message})`)));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entries.has(entry.fileName)) return fail(new BackupZipError(`its ZIP holds ${entry.fileName} twice`));
        entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.on('end', () =>
        resolve({
          entries,
          stream: (entry) =>
            new Promise<Readable>((ok, no) =>
              zip.openReadStream(entry, (e, stream) => (e || !stream ? no(new BackupZipError(`${entry.fileName} cannot be read (${e?.message ?? 'no stream'})`)) : ok(stream))),
            ),
          close: () => zip.close(),
        }),
      );
      zip.readEntry();
    });
  });
}

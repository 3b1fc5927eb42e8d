/**
 * Everything in the database as plain data (Blobs as their type and bytes), to compare before and
 * after; but the witness's durable mark, bookkeeping of when the disk was last flushed, not data.
 */
import { DURABLE_MARK_KEY } from '../../../renderer/db/audit-witness';
import type { CouncilDb } from '../../../renderer/db/schema';

export async function dbSnapshot(db: CouncilDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    const rows = ((await table.toArray()) as Record<string, unknown>[]).filter((row) => !(table.name === 'settings' && row.key === DURABLE_MARK_KEY));
    out[table.name] = await Promise.all(
      rows.map(async (row) => {
        const blob = row.blob;
        return blob instanceof Blob ? { ...row, blob: { type: blob.type, bytes: [...new Uint8Array(await blob.arrayBuffer())] } } : row;
      }),
    );
  }
  return out;
}

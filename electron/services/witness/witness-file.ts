/**
 * The audit log's witness file, `<userData>/audit-witness.ndjson` (shared/audit-witness.ts):
 * append-only. Each append is written through O_APPEND, fsync'd before it is answered, and the
 * folder fsync'd too when the append made the file. Nothing in it is ever rewritten or removed: an
 * entry already witnessed is ignored when sent again with the same hash and refused with another
 * (WITNESS_CONFLICT). After a torn last line (a crash mid-append) the next append starts on a
 * line of its own, so the torn bytes stay as they are and the reader skips them.
 *
 * Only the last witnessed entry is kept in memory; an entry sent again below it is looked up by
 * reading the file through (rare: a call answered too late, a restored profile catching up).
 *
 * The one exception to "never rewritten": a restore main checked begins the witness again with the
 * backup's chain (restart, witness-restart.ts), the file before kept beside it under a name of its
 * own. A restart a crash cut short is finished, or its partial file removed, before the first read
 * or append of the next run.
 */
import { mkdir, open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AuditWitness, WitnessEntry, WitnessHead, WitnessRestart } from '../../../shared/audit-witness';
import { CouncilError } from '../../../shared/result';
import { syncDirectory } from '../atomic-write';
import { oneAtATime } from '../notary/one-at-a-time';
import { scanWitness } from './witness-lines';
import { readRestart, recoverRestart, restartWitness, type RestartInput } from './witness-restart';

export const WITNESS_FILE_NAME = 'audit-witness.ndjson';

export function witnessFilePath(userDataDir: string): string {
  return join(userDataDir, WITNESS_FILE_NAME);
}

/** A line as the file holds it: these keys in this order, then a newline. */
export function witnessLine({ sequence, hash, at }: WitnessEntry): string {
  return `${JSON.stringify({ sequence, hash, at })}\n`;
}

interface Known {
  last: WitnessEntry | null;
  endsWithNewline: boolean;
}

const headOf = (entry: WitnessEntry | null): WitnessHead | null => (entry === null ? null : { sequence: entry.sequence, hash: entry.hash });

export class WitnessFile {
  /** Reads and appends, one at a time: a read never meets half an append. */
  private readonly lane = oneAtATime();
  /** What the file ends with, once read; null: read it (first use, or after a failed append). */
  private known: Known | null = null;
  /** Whether a restart a crash cut short was looked for (once a run, before anything else). */
  private recovered = false;

  constructor(
    readonly path: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Runs `work` in the lane, after a cut-short restart was finished. */
  private inLane<T>(work: () => Promise<T>): Promise<T> {
    return this.lane(async () => {
      if (!this.recovered) {
        await recoverRestart(this.path).catch((e: Error) => {
          throw new CouncilError('WITNESS_UNREADABLE', `The audit log's witness ${this.path} could not be made whole after a restore cut short (${e.message}); nothing was changed in it.`);
        });
        this.recovered = true;
      }
      return work();
    });
  }

  /** Every witnessed entry, oldest first, and the restore that began the witness, if one did. */
  read(): Promise<AuditWitness> {
    return this.inLane(async () => {
      const entries: WitnessEntry[] = [];
      const scan = await scanWitness(this.path, (entry) => entries.push(entry));
      this.known = { last: scan.last, endsWithNewline: scan.endsWithNewline };
      const restart = await readRestart(this.path);
      return { entries, tornTail: scan.tornTail, skippedLines: scan.skippedLines, ...(restart ? { restart } : {}) };
    });
  }

  /**
   * Begins the witness again with a checked backup's chain (only the restore session calls this:
   * backup/restore-session.ts); the file before is kept beside it. Answers the record of it.
   */
  restart(input: RestartInput): Promise<WitnessRestart> {
    return this.inLane(async () => {
      this.known = null;
      return restartWitness(this.path, input, this.now());
    });
  }

  /** Witnesses `entries` (rising sequences) above the last witnessed one; answers the last witnessed entry. */
  witness(entries: readonly WitnessHead[]): Promise<WitnessHead | null> {
    return this.inLane(async () => {
      const known = this.known ?? (await this.scan());
      const lastSequence = known.last?.sequence ?? 0;
      await this.refuseConflicts(
        entries.filter((e) => e.sequence <= lastSequence),
        known.last,
      );
      const fresh = entries.filter((e) => e.sequence > lastSequence);
      if (fresh.length === 0) return headOf(known.last);
      const at = this.now().toISOString();
      const lines = fresh.map((e) => witnessLine({ sequence: e.sequence, hash: e.hash, at }));
      await this.append((known.endsWithNewline ? '' : '\n') + lines.join(''), fresh[0]!.sequence);
      const last = { ...fresh.at(-1)!, at };
      this.known = { last, endsWithNewline: true };
      return headOf(last);
    });
  }

  private async scan(): Promise<Known> {
    const scan = await scanWitness(this.path);
    return (this.known = { last: scan.last, endsWithNewline: scan.endsWithNewline });
  }

  /** Throws WITNESS_CONFLICT for the lowest of `repeats` whose hash is not the witnessed one. */
  private async refuseConflicts(repeats: readonly WitnessHead[], last: WitnessEntry | null): Promise<void> {
    if (repeats.length === 0) return;
    const sent = new Map(repeats.map((e) => [e.sequence, e.hash]));
    let conflict: { witnessed: WitnessEntry; hash: string } | null = null;
    const compare = (witnessed: WitnessEntry) => {
      const hash = sent.get(witnessed.sequence);
      if (conflict === null && hash !== undefined && hash !== witnessed.hash) conflict = { witnessed, hash };
    };
    // The last one is in memory; the file is read through only for earlier ones.
    if (repeats.length === 1 && last !== null && repeats[0]!.sequence === last.sequence) compare(last);
    else await scanWitness(this.path, compare);
    if (conflict === null) return;
    const { witnessed, hash } = conflict as { witnessed: WitnessEntry; hash: string };
    throw new CouncilError(
      'WITNESS_CONFLICT',
      `Audit entry ${witnessed.sequence} was witnessed at ${witnessed.at} with hash ${witnessed.hash}, and is now sent with hash ${hash}: the audit log was rewritten. Nothing was written to ${this.path}.`,
    );
  }

  private async append(text: string, first: number): Promise<void> {
    try {
      const dir = dirname(this.path);
      await mkdir(dir, { recursive: true });
      let created = true;
      let file;
      try {
        file = await open(this.path, 'ax', 0o644);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        created = false;
        file = await open(this.path, 'a');
      }
      try {
        await file.writeFile(text, 'utf8');
        await file.sync();
      } finally {
        await file.close();
      }
      if (created) await syncDirectory(dir);
    } catch (e) {
      this.known = null; // what reached the disk is read again next time
      throw new CouncilError('WITNESS_WRITE_FAILED', `The audit log's witness ${this.path} could not be written (${(e as Error).message}): audit entries from ${first} on were not witnessed.`);
    }
  }
}

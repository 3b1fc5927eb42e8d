/**
 * Sends the audit chain's hashes to the main process's witness file (shared/audit-witness.ts),
 * from one place: a hook on the audit table notes each entry created, and once its transaction
 * has committed (never inside it) decides whether this is a witness point: an entry of a vote, a
 * decision, an export or the minutes, or WITNESS_EVERY entries since the last witnessed one. Then
 * every entry after the last sequence main answered is sent, read back from the database as
 * committed. A call that fails fails no one's change: the entries wait for the next witness point
 * (or the next start), which sends them all again from the last witnessed one. Before each send
 * the database is flushed (flushDurably): the witness never holds a hash the disk does not.
 */
import Dexie, { type Transaction } from 'dexie';
import type { AuditWitness, WitnessHead } from '../../shared/audit-witness';
import type { AuditEntity } from './rows';
import type { CouncilDb } from './schema';

/** What the witness needs of the API (council-api.ts's client has both). */
export interface WitnessPort {
  witnessAudit(arg: { entries: WitnessHead[] }): Promise<WitnessHead | null>;
  getWitness(): Promise<AuditWitness>;
}

/** Entries witnessed as soon as they commit: what a decision file or the minutes stand on. */
export const WITNESS_ENTITIES: ReadonlySet<AuditEntity> = new Set<AuditEntity>(['vote', 'decision', 'export', 'minutes']);

/** Other entries are witnessed at the latest once this many wait. */
export const WITNESS_EVERY = 50;

/** Entries read and sent at a time (a bulk vote's 50,000 in 25 calls). */
const SEND_CHUNK = 2000;

export class AuditWitnessSender {
  /** The last sequence main witnessed, as it last answered; null until asked. */
  private witnessed: number | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  /** Why the last send failed; null once one succeeds. */
  lastError: unknown = null;
  /** Called when main refuses a hash for an entry it witnessed otherwise (WITNESS_CONFLICT): the chain was rewritten. */
  onConflict: (() => void) | null = null;
  /** Holds taken (a restore writing a log not yet checked): nothing is sent while one is. */
  private holds = 0;

  constructor(
    readonly db: CouncilDb,
    public port: WitnessPort,
    private readonly every = WITNESS_EVERY,
  ) {}

  /** Entries up to `highest` committed; `due`: one of them is witnessed at once. */
  committed(highest: number, due: boolean): void {
    if (this.holds > 0) return;
    if (due || highest - (this.witnessed ?? 0) >= this.every) void this.send();
  }

  /**
   * Sends nothing until the answered release is called: a restore writes a log that is the
   * backup's only once it is whole and checked, and sends it then (send()).
   */
  hold(): () => void {
    this.holds += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds -= 1;
    };
  }

  /** Main's last witnessed sequence, as read at start-up. */
  learned(sequence: number): void {
    this.witnessed = sequence;
  }

  /** Main began the witness again (a restore's restoreFinish): its last entry is asked for before the next send. */
  restarted(): void {
    this.witnessed = null;
  }

  /** Sends every entry after the last witnessed one; resolves once sent or failed, never rejects. */
  send(): Promise<void> {
    if (this.holds > 0) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = Dexie.ignoreTransaction(async () => {
      do {
        this.again = false;
        if (!(await this.sendOnce())) break;
      } while (this.again);
    });
    this.running = run.finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async sendOnce(): Promise<boolean> {
    try {
      this.witnessed ??= (await this.port.witnessAudit({ entries: [] }))?.sequence ?? 0;
      for (;;) {
        const after = this.witnessed;
        const rows = await this.db.audit.where(':id').above(after).limit(SEND_CHUNK).toArray();
        if (rows.length === 0) break;
        await flushDurably(this.db, rows.at(-1)!.sequence);
        const answer = await this.port.witnessAudit({ entries: rows.map((r) => ({ sequence: r.sequence, hash: r.hash })) });
        this.witnessed = answer?.sequence ?? 0;
        // Fewer than asked for: the end of the log. Main answering less than was sent: stop, not loop.
        if (rows.length < SEND_CHUNK || this.witnessed < rows.at(-1)!.sequence) break;
      }
      this.lastError = null;
      return true;
    } catch (err) {
      this.lastError = err;
      if ((err as { code?: unknown } | null)?.code === 'WITNESS_CONFLICT') this.onConflict?.();
      return false;
    }
  }
}

/** The settings key of the small write that makes the commits before it durable (readSettings ignores unknown keys). */
export const DURABLE_MARK_KEY = 'auditDurableThrough';

/**
 * Makes every transaction committed so far durable before its hashes go to the witness. Chromium
 * commits IndexedDB transactions "relaxed" by default: written to the operating system, not
 * flushed to the disk. The witness file is fsync'd, so after a power cut it could hold hashes the
 * database lost, and call an intact log rewritten; and a vote shown as recorded could be gone. One
 * small write with durability "strict" flushes the database's log, and with it every commit
 * before it (the log is one sequence of writes). It is made with IndexedDB itself, not Dexie:
 * nothing observes it, so no screen reads anything again for it.
 */
export function flushDurably(db: CouncilDb, sequence: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.backendDB().transaction('settings', 'readwrite', { durability: 'strict' });
    tx.objectStore('settings').put({ key: DURABLE_MARK_KEY, value: sequence });
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('The durable mark was not written.'));
    tx.onerror = () => reject(tx.error ?? new Error('The durable mark was not written.'));
  });
}

const senders = new WeakMap<CouncilDb, AuditWitnessSender>();

/** The outermost transaction: a nested one ends before the database commits. */
function rootOf(trans: Transaction): Transaction {
  let root = trans;
  while (root.parent) root = root.parent;
  return root;
}

/**
 * Witnesses `db`'s audit log from now on (once per database: a second call only swaps the port),
 * answering its sender, which the start-up check uses to catch up.
 */
export function witnessAuditLog(db: CouncilDb, port: WitnessPort): AuditWitnessSender {
  const known = senders.get(db);
  if (known) {
    known.port = port;
    return known;
  }
  const sender = new AuditWitnessSender(db, port);
  senders.set(db, sender);
  const batches = new WeakMap<Transaction, { highest: number; due: boolean }>();
  db.audit.hook('creating', function (_key, row, trans) {
    const root = rootOf(trans);
    let batch = batches.get(root);
    if (!batch) {
      const created = (batch = { highest: 0, due: false });
      batches.set(root, created);
      root.on('complete', () => {
        if (created.highest > 0) Dexie.ignoreTransaction(() => sender.committed(created.highest, created.due));
      });
    }
    const into = batch;
    this.onsuccess = (sequence: number) => {
      into.highest = Math.max(into.highest, sequence);
      if (WITNESS_ENTITIES.has(row.entity)) into.due = true;
    };
  });
  return sender;
}

/** The sender witnessing `db`, if witnessAuditLog was called for it. */
export function auditWitnessOf(db: CouncilDb): AuditWitnessSender | undefined {
  return senders.get(db);
}

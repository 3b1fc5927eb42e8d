/**
 * The notary's ledger (DESIGN.md, "The main process is the notary"): what main signed, per meeting,
 * each file's sequence, name, payload hash, audit head, signer and time, and whether it is in the
 * outbox yet ('written') or waits for the sync folder ('queued'); and the highest revision of each
 * case it signed for the meeting. `<userData>/notary/ledger.json`, written atomically before a
 * signed file is released to the outbox, so a crash never lets one sequence be signed twice with
 * different content. A ledger that cannot be read is never reset: nothing is signed until it is
 * repaired (LEDGER_UNREADABLE).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { DecisionLedger } from '../../../shared/api';
import { decisionFileName, MEETING_ID_PATTERN } from '../../../shared/decisions/decision-file-name';
import { formatJsonPath } from '../../../shared/json-path';
import { CouncilError } from '../../../shared/result';
import { isoDateTime } from '../../../shared/schemas/amounts';
import { CASE_ID_PATTERN } from '../../../shared/schemas/case-record';
import { writeFileAtomic } from '../atomic-write';

export const LEDGER_FORMAT = 'council-desk/notary-ledger';

/** `<userData>/notary/`: the ledger and the signed files waiting for the sync folder. */
export function notaryDir(userDataDir: string): string {
  return join(userDataDir, 'notary');
}

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

const ledgerFileSchema = z.strictObject({
  sequence: z.number().int().min(1).max(9999),
  fileName: z.string(),
  payloadSha256: sha256Hex,
  auditHead: sha256Hex,
  keyid: sha256Hex,
  signedAt: isoDateTime,
  state: z.enum(['written', 'queued']),
});

// Arrays, not records: a meeting or case id may be any name, "__proto__" too.
const ledgerSchema = z.strictObject({
  format: z.literal(LEDGER_FORMAT),
  version: z.literal(1),
  meetings: z.array(
    z.strictObject({
      meetingId: z.string().regex(MEETING_ID_PATTERN),
      files: z.array(ledgerFileSchema),
      /** [caseId, the highest revision signed for the meeting]. */
      revisions: z.array(z.tuple([z.string().regex(CASE_ID_PATTERN), z.number().int().min(1)])),
    }),
  ),
  /** The public keys that signed the files: a queued file is verified with its signer's key when it is written. */
  keys: z.array(z.strictObject({ keyid: sha256Hex, publicKeyPem: z.string().min(1) })),
});

export type LedgerFile = z.infer<typeof ledgerFileSchema>;

interface MeetingRecord {
  files: LedgerFile[];
  revisions: Map<string, number>;
}

/** A queued file and its meeting. */
export interface QueuedFile extends LedgerFile {
  meetingId: string;
}

/** Why the stored ledger is not one: its meetings' files must run 1, 2, 3 … under their own names. */
function inconsistency(data: z.infer<typeof ledgerSchema>): string | null {
  const keyids = new Set(data.keys.map((k) => k.keyid));
  const meetings = new Set<string>();
  for (const [m, meeting] of data.meetings.entries()) {
    if (meetings.has(meeting.meetingId)) return `meetings[${m}]: meeting ${meeting.meetingId} is listed twice`;
    meetings.add(meeting.meetingId);
    for (const [i, f] of meeting.files.entries()) {
      const at = `meetings[${m}].files[${i}]`;
      if (f.sequence !== i + 1) return `${at}.sequence: is ${f.sequence}, expected ${i + 1}`;
      if (f.fileName !== decisionFileName(meeting.meetingId, f.sequence)) return `${at}.fileName: is not the name of sequence ${f.sequence}`;
      if (!keyids.has(f.keyid)) return `${at}.keyid: names a key the ledger does not hold`;
    }
  }
  return null;
}

export class NotaryLedger {
  /** The last write asked for: each write waits for the one before it. */
  private saving: Promise<void> = Promise.resolve();

  private constructor(
    readonly path: string,
    private meetings: Map<string, MeetingRecord>,
    private keys: Map<string, string>,
  ) {}

  /** Reads the ledger; a missing one is empty (nothing signed yet), any other trouble is LEDGER_UNREADABLE. */
  static async open(userDataDir: string): Promise<NotaryLedger> {
    const path = join(notaryDir(userDataDir), 'ledger.json');
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new NotaryLedger(path, new Map(), new Map());
      throw unreadable(path, (e as Error).message);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw unreadable(path, `it is not JSON (${(e as Error).message})`);
    }
    const parsed = ledgerSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw unreadable(path, `${formatJsonPath(issue.path) || 'the file'}: ${issue.message}`);
    }
    const wrong = inconsistency(parsed.data);
    if (wrong !== null) throw unreadable(path, wrong);
    const meetings = new Map(parsed.data.meetings.map((m) => [m.meetingId, { files: m.files, revisions: new Map(m.revisions) }]));
    return new NotaryLedger(path, meetings, new Map(parsed.data.keys.map((k) => [k.keyid, k.publicKeyPem])));
  }

  /** What the ledger says of one meeting, as the API answers it. */
  view(meetingId: string): DecisionLedger {
    const files = this.meetings.get(meetingId)?.files ?? [];
    const last = files.at(-1);
    return {
      meetingId,
      lastSequence: last?.sequence ?? 0,
      lastPayloadSha256: last?.payloadSha256 ?? null,
      files: files.map(({ sequence, fileName, payloadSha256, state }) => ({ sequence, fileName, payloadSha256, state })),
    };
  }

  fileAt(meetingId: string, sequence: number): LedgerFile | undefined {
    return this.meetings.get(meetingId)?.files[sequence - 1];
  }

  /** The highest revision of the case signed for the meeting; 0 when none. */
  revisionOf(meetingId: string, caseId: string): number {
    return this.meetings.get(meetingId)?.revisions.get(caseId) ?? 0;
  }

  /** Every file signed but not yet in the outbox, oldest meeting first. */
  queued(): QueuedFile[] {
    return [...this.meetings].flatMap(([meetingId, m]) => m.files.filter((f) => f.state === 'queued').map((f) => ({ ...f, meetingId })));
  }

  publicKeyPem(keyid: string): string | undefined {
    return this.keys.get(keyid);
  }

  /** Records a newly signed file (the next sequence of its meeting) and its decisions' revisions; resolves once it is on disk. */
  async record(meetingId: string, file: LedgerFile, revisions: Iterable<readonly [string, number]>, publicKeyPem: string): Promise<void> {
    const before = this.meetings.get(meetingId) ?? { files: [], revisions: new Map<string, number>() };
    if (file.sequence !== before.files.length + 1) throw new CouncilError('INTERNAL', `the ledger's next sequence for meeting ${meetingId} is ${before.files.length + 1}, not ${file.sequence}`);
    const next: MeetingRecord = { files: [...before.files, file], revisions: new Map(before.revisions) };
    for (const [caseId, revision] of revisions) if (revision > (next.revisions.get(caseId) ?? 0)) next.revisions.set(caseId, revision);
    const keys = this.keys.has(file.keyid) ? this.keys : new Map([...this.keys, [file.keyid, publicKeyPem]]);
    await this.save(new Map([...this.meetings, [meetingId, next]]), keys, 'so no decision file was released');
    // only now, on disk, does the ledger answer with it
    this.meetings = new Map([...this.meetings, [meetingId, next]]);
    this.keys = keys;
  }

  /**
   * A queued file is now in the outbox, read back and verified: the ledger says so at once, and
   * the promise settles once that is on disk too (until then the disk says queued, and a restart
   * finds the very same file in the outbox and records it again).
   */
  markWritten(meetingId: string, sequence: number): Promise<void> {
    const before = this.meetings.get(meetingId);
    const file = before?.files[sequence - 1];
    if (before === undefined || file === undefined || file.state === 'written') return this.saving;
    const files = before.files.map((f) => (f.sequence === sequence ? { ...f, state: 'written' as const } : f));
    this.meetings = new Map([...this.meetings, [meetingId, { ...before, files }]]);
    return this.save(this.meetings, this.keys, `so it still says ${file.fileName} waits for the sync folder`);
  }

  /** Writes a state atomically, after every write asked for before it: the disk never goes back to an older state. */
  private save(meetings: Map<string, MeetingRecord>, keys: Map<string, string>, otherwise: string): Promise<void> {
    const data: z.infer<typeof ledgerSchema> = {
      format: LEDGER_FORMAT,
      version: 1,
      meetings: [...meetings].map(([meetingId, m]) => ({ meetingId, files: m.files, revisions: [...m.revisions] })),
      keys: [...keys].map(([keyid, publicKeyPem]) => ({ keyid, publicKeyPem })),
    };
    const bytes = new TextEncoder().encode(`${JSON.stringify(data)}\n`);
    const run = this.saving.then(() =>
      writeFileAtomic(this.path, bytes, { mode: 0o600 }).catch((e: unknown) => {
        throw new CouncilError('DECISION_WRITE_FAILED', `The notary's ledger ${this.path} could not be written (${(e as Error).message}), ${otherwise}.`);
      }),
    );
    this.saving = run.catch(() => undefined);
    return run;
  }
}

function unreadable(path: string, why: string): CouncilError {
  return new CouncilError(
    'LEDGER_UNREADABLE',
    `The notary's ledger ${path} cannot be read: ${why}. Nothing is signed until it is restored from a backup or repaired; it is never reset, since it is what keeps one sequence from being signed twice.`,
  );
}

/** The ledger, read at first use and kept; a read that failed is tried again at the next call. */
export function ledgerLoader(userDataDir: string): () => Promise<NotaryLedger> {
  let loaded: Promise<NotaryLedger> | null = null;
  return () => {
    loaded ??= NotaryLedger.open(userDataDir).catch((e: unknown) => {
      loaded = null;
      throw e;
    });
    return loaded;
  };
}

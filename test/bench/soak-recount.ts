/**
 * The soak's independent recount: the decision files of <sync>/outbox/ read as a receiver would,
 * with nothing of the app's code (node:crypto and node:fs only): each DSSE signature verified
 * against the chair's public key (its keyid recomputed from the key), the files' chain (sequence,
 * `previous`, each reopened decision's `previousRevision`), every vote recounted by FORMATS.md's
 * counting rules from the payload alone, the totals summed again; then for each case its highest
 * revision, held to the database's standing decisions (outcome, award, tier, revision), to the
 * totals by suggested tier, and to the number of votes the script cast. Every disagreement is
 * listed; none may be left.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SoakFinal } from './page/soak-bench';
import { recountVote, type FileMeeting, type FileVote, type FileTally } from './soak-counting';

const PAYLOAD_TYPE = 'application/vnd.council-desk.decisions+json; version=1';

interface FileDecision {
  caseId: string;
  revision: number;
  outcome: string;
  tier: string | null;
  award: number | null;
  suggested: { tier: string | null };
  proposal: { no: number; closedAt: string };
  votes: FileVote[];
  tally: FileTally;
  earlierProposals: { no: number; closedAt: string; votes: FileVote[]; tally: FileTally }[];
  reopened?: { previousRevision: { file: string; payloadSha256: string } | null };
}

interface FilePayload {
  format: string;
  version: number;
  meeting: FileMeeting & { meetingId: string };
  sequence: number;
  previous: string | null;
  decisions: FileDecision[];
  totals: TierTotals;
  signer: { keyid: string; role: string };
}

export interface TierTotals {
  decisions: number;
  awarded: number;
  rejected: number;
  deferred: number;
  amount: number;
}

export interface Recount {
  ok: boolean;
  files: number;
  /** Decision entries over all files (every revision). */
  entries: number;
  /** Cases at their highest revision. */
  cases: number;
  revised: number;
  /** approve, reject and abstain votes listed over all files. */
  votesCast: number;
  proposalsRecounted: number;
  byTier: Record<string, TierTotals>;
  mismatches: string[];
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Standard or URL-safe base64, padded or not (FORMATS.md: verifiers accept both). */
function base64(text: string, what: string): Buffer {
  if (typeof text !== 'string' || !/^[A-Za-z0-9+/_-]*={0,2}$/.test(text)) throw new Error(`${what} is not base64`);
  return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

/** DSSE's pre-authentication encoding: "DSSEv1" SP len(T) SP T SP len(BODY) SP BODY. */
function pae(type: string, body: Buffer): Buffer {
  const t = Buffer.from(type, 'utf8');
  return Buffer.concat([Buffer.from(`DSSEv1 ${t.length} `), t, Buffer.from(` ${body.length} `), body]);
}

const noTotals = (): TierTotals => ({ decisions: 0, awarded: 0, rejected: 0, deferred: 0, amount: 0 });

function addTo(totals: TierTotals, outcome: string, award: number | null): void {
  totals.decisions += 1;
  if (outcome === 'award') {
    totals.awarded += 1;
    totals.amount += award ?? 0;
  } else if (outcome === 'reject') totals.rejected += 1;
  else totals.deferred += 1;
}

/** JSON with every object's keys sorted: the files' keys come in RFC 8785's order, not ours. */
function sorted(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sorted).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${sorted((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

const same = (a: unknown, b: unknown) => sorted(a) === sorted(b);

export interface RecountInput {
  sync: string;
  chair: { keyid: string; publicKeyPem: string };
  db: SoakFinal;
  files: number;
  votes: number;
}

export function recountSoak(input: RecountInput): Recount {
  const problems: string[] = [];
  const key = createPublicKey(input.chair.publicKeyPem);
  const keyid = sha256(key.export({ type: 'spki', format: 'der' }));
  if (keyid !== input.chair.keyid) problems.push(`the chair key's SPKI hashes to ${keyid}, not the keyid ${input.chair.keyid} the device names`);

  const outbox = path.join(input.sync, 'outbox');
  const names = readdirSync(outbox).filter((f) => f.endsWith('.dsse.json')).sort();
  if (names.length !== input.files) problems.push(`${outbox} holds ${names.length} decision files, not the ${input.files} exported`);
  const files: { name: string; sha: string; payload: FilePayload }[] = [];
  for (const name of names) {
    const envelope = JSON.parse(readFileSync(path.join(outbox, name), 'utf8')) as { payloadType: string; payload: string; signatures: { keyid: string; sig: string }[] };
    if (envelope.payloadType !== PAYLOAD_TYPE) problems.push(`${name}: payloadType ${envelope.payloadType}`);
    const body = base64(envelope.payload, `${name}: payload`);
    const signed = (envelope.signatures ?? []).some((s) => s.keyid === keyid && verify(null, pae(envelope.payloadType, body), key, base64(s.sig, `${name}: sig`)));
    if (!signed) {
      problems.push(`${name}: no signature verifies with the chair key ${keyid}`);
      continue;
    }
    files.push({ name, sha: sha256(body), payload: JSON.parse(body.toString('utf8')) as FilePayload });
  }
  files.sort((a, b) => a.payload.sequence - b.payload.sequence);

  const shaOf = new Map(files.map((f) => [f.name, f.sha]));
  const latest = new Map<string, FileDecision>();
  const seen = new Set<string>();
  const byTier: Record<string, TierTotals> = {};
  let entries = 0;
  let votesCast = 0;
  let proposals = 0;
  files.forEach((f, i) => {
    const p = f.payload;
    const at = (what: string) => `${f.name}: ${what}`;
    if (p.format !== 'council-desk/decisions' || p.version !== 1) problems.push(at(`format ${p.format} version ${p.version}`));
    if (p.signer.keyid !== keyid || p.signer.role !== 'chair') problems.push(at(`signer ${p.signer.keyid} (${p.signer.role}), not the chair key`));
    if (p.sequence !== i + 1) problems.push(at(`sequence ${p.sequence} where ${i + 1} was due`));
    const previous = i === 0 ? null : files[i - 1]!.sha;
    if (p.previous !== previous) problems.push(at(`previous ${p.previous}, but the file before it hashes to ${previous}`));
    if (f.name !== `decisions-${p.meeting.meetingId}-${String(p.sequence).padStart(4, '0')}.dsse.json`) problems.push(at('the name does not follow its meeting and sequence'));
    const totals = noTotals();
    for (const d of p.decisions) {
      const where = (what: string) => at(`${d.caseId} revision ${d.revision}: ${what}`);
      entries += 1;
      addTo(totals, d.outcome, d.award);
      if ((d.outcome === 'award') !== (d.award !== null)) problems.push(where(`outcome ${d.outcome} with award ${d.award}`));
      const keyOf = `${d.caseId}@${d.revision}`;
      if (seen.has(keyOf)) problems.push(where('signed a second time'));
      seen.add(keyOf);
      const lists = [{ what: 'the passed proposal', votes: d.votes, tally: d.tally, closedAt: d.proposal.closedAt, passes: true }, ...d.earlierProposals.map((e) => ({ what: `earlier proposal ${e.no}`, votes: e.votes, tally: e.tally, closedAt: e.closedAt, passes: false }))];
      for (const l of lists) {
        proposals += 1;
        const recount = recountVote(p.meeting, l.votes, l.closedAt);
        votesCast += recount.cast;
        if (recount.unlisted.length > 0) problems.push(where(`${l.what} does not list ${recount.unlisted.join(', ')}, present at its close`));
        if (!same(recount.tally, l.tally)) problems.push(where(`${l.what}: the file's tally ${JSON.stringify(l.tally)}, recounted ${JSON.stringify(recount.tally)}`));
        if (recount.tally.passed !== l.passes) problems.push(where(`${l.what} recounts as ${recount.tally.passed ? 'passed' : 'failed'}`));
      }
      if (d.revision > 1) {
        const prev = d.reopened?.previousRevision;
        if (!prev || shaOf.get(prev.file) !== prev.payloadSha256) problems.push(where(`reopened names ${JSON.stringify(prev)}, which is not a signed file of the outbox`));
      }
      if ((latest.get(d.caseId)?.revision ?? 0) < d.revision) latest.set(d.caseId, d);
    }
    if (!same(totals, p.totals)) problems.push(at(`totals ${JSON.stringify(p.totals)}, summed again ${JSON.stringify(totals)}`));
  });
  for (const d of latest.values()) addTo((byTier[d.suggested.tier ?? 'none'] ??= noTotals()), d.outcome, d.award);

  // the database's standing decisions, case by case and by tier
  const dbTier: Record<string, TierTotals> = {};
  const dbLatest = new Map(input.db.decisions.map((d) => [d.caseId, d]));
  for (const d of input.db.decisions) addTo((dbTier[d.suggestedTier ?? 'none'] ??= noTotals()), d.outcome, d.award);
  if (dbLatest.size !== latest.size) problems.push(`the files decide ${latest.size} cases, the database ${dbLatest.size}`);
  for (const caseId of new Set([...latest.keys(), ...dbLatest.keys()])) {
    const f = latest.get(caseId);
    const d = dbLatest.get(caseId);
    const fromFile = f && { revision: f.revision, outcome: f.outcome, tier: f.tier, award: f.award };
    const fromDb = d && { revision: d.revision, outcome: d.outcome, tier: d.tier, award: d.award };
    if (!same(fromFile, fromDb)) problems.push(`${caseId}: the files say ${JSON.stringify(fromFile ?? null)}, the database ${JSON.stringify(fromDb ?? null)}`);
  }
  for (const tier of new Set([...Object.keys(byTier), ...Object.keys(dbTier)])) {
    if (!same(byTier[tier], dbTier[tier])) problems.push(`tier ${tier}: the files total ${JSON.stringify(byTier[tier] ?? null)}, the database ${JSON.stringify(dbTier[tier] ?? null)}`);
  }
  // and what the script meant
  for (const want of input.db.planned) {
    const d = dbLatest.get(want.caseId);
    if (!d || d.revision !== want.revision || d.outcome !== want.outcome || d.award !== want.award) problems.push(`${want.caseId}: the script meant ${JSON.stringify(want)}, the database holds ${JSON.stringify(d ?? null)}`);
  }
  if (votesCast !== input.votes) problems.push(`the files list ${votesCast} votes cast, the script cast ${input.votes}`);
  if (input.db.rows.votes !== input.votes) problems.push(`the database holds ${input.db.rows.votes} votes, the script cast ${input.votes}`);
  if (entries !== input.db.rows.decisions) problems.push(`the files hold ${entries} decisions, the database ${input.db.rows.decisions} (every revision)`);

  const revised = [...latest.values()].filter((d) => d.revision > 1).length;
  return { ok: problems.length === 0, files: files.length, entries, cases: latest.size, revised, votesCast, proposalsRecounted: proposals, byTier, mismatches: problems };
}

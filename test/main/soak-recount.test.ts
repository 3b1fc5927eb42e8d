/**
 * The soak's independent recount (test/bench/soak-recount.ts), on decision files the real notary
 * signed: it agrees with a database that holds what the files hold, and it reports each way the
 * two can part (another award in the database, a vote that no longer recounts under a signature
 * that holds, a file changed after signing, a file missing, another signer). Its counting rules,
 * written apart from the app's, count as the app's do.
 */
import { createPrivateKey, sign } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DecisionFilePayload } from '../../shared/decisions/decision-file-schema';
import { rosterOfAttendance, totalsOf } from '../../shared/decisions/payload-check';
import { countVote, presentAt, tallyOf } from '../../shared/meeting/counting';
import type { CountingRules } from '../../shared/meeting/rules';
import { generateKeyPair } from '../../electron/services/keys';
import type { SoakFinal } from '../bench/page/soak-bench';
import { recountVote, type FileMeeting } from '../bench/soak-counting';
import { recountSoak } from '../bench/soak-recount';
import { seeded } from '../bench/seeded';
import { reopenedDecision } from '../support/decision-payloads';
import { disposeNotaryKits, notaryKit, type NotaryKit } from '../support/notary-kit';

afterEach(disposeNotaryKits);

const CAST = new Set(['approve', 'reject', 'abstain']);

/** Two files through the notary: ten decisions, then four more and the first one reopened at revision 2. */
async function signedMeeting(): Promise<{ kit: NotaryKit; payloads: DecisionFilePayload[]; names: string[] }> {
  const kit = notaryKit();
  await kit.service.resumed;
  const first = kit.payload({ decisions: 10 });
  const one = await kit.handlers.exportDecisions({ payload: first });
  const more = kit.payload({ sequence: 2, previous: one.payloadSha256, firstCase: 11, decisions: 4 });
  const decisions = [...more.decisions, reopenedDecision(first.decisions[0]!, one)];
  const second = { ...more, decisions, totals: totalsOf(decisions) };
  const two = await kit.handlers.exportDecisions({ payload: second });
  return { kit, payloads: [first, second], names: [one.fileName, two.fileName] };
}

/** A database that holds just what the files hold. */
function databaseOf(payloads: readonly DecisionFilePayload[]): SoakFinal {
  const latest = new Map<string, DecisionFilePayload['decisions'][number]>();
  const entries = payloads.flatMap((p) => p.decisions);
  for (const d of entries) if ((latest.get(d.caseId)?.revision ?? 0) < d.revision) latest.set(d.caseId, d);
  const standing = [...latest.values()];
  const votes = entries.reduce((sum, d) => sum + d.votes.filter((v) => CAST.has(v.vote)).length, 0);
  return {
    decisions: standing.map((d) => ({ caseId: d.caseId, revision: d.revision, outcome: d.outcome, tier: d.tier, award: d.award, suggestedTier: d.suggested.tier })),
    planned: standing.map((d) => ({ caseId: d.caseId, revision: d.revision, outcome: d.outcome, award: d.award })),
    rows: { votes, proposals: entries.length, decisions: entries.length, recusals: 0, audit: 0, exports: payloads.length },
  };
}

function recount(kit: NotaryKit, db: SoakFinal, chair = kit.pair) {
  return recountSoak({ sync: kit.sync, chair: { keyid: chair.keyid, publicKeyPem: chair.publicKeyPem }, db, files: 2, votes: db.rows.votes });
}

/** Changes a file's payload and signs it again with `privateKeyPem`, so its signature holds. */
function resign(file: string, change: (payload: DecisionFilePayload) => void, privateKeyPem: string): void {
  const envelope = JSON.parse(readFileSync(file, 'utf8')) as { payloadType: string; payload: string; signatures: { keyid: string; sig: string }[] };
  const payload = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as DecisionFilePayload;
  change(payload);
  const body = Buffer.from(JSON.stringify(payload));
  const type = Buffer.from(envelope.payloadType);
  const pae = Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${body.length} `), body]);
  envelope.payload = body.toString('base64');
  envelope.signatures = [{ keyid: envelope.signatures[0]!.keyid, sig: sign(null, pae, createPrivateKey(privateKeyPem)).toString('base64') }];
  writeFileSync(file, JSON.stringify(envelope));
}

describe('the soak recount', () => {
  it('agrees with a database that holds what the signed files hold, each case at its highest revision', async () => {
    const { kit, payloads } = await signedMeeting();
    const result = recount(kit, databaseOf(payloads));
    expect(result.mismatches).toEqual([]);
    expect(result).toMatchObject({ ok: true, files: 2, entries: 15, cases: 14, revised: 1, proposalsRecounted: 15 });
    expect(Object.values(result.byTier).reduce((sum, t) => sum + t.decisions, 0)).toBe(14);
  });

  it("reports a case whose award in the database is not the files', and its tier's totals", async () => {
    const { kit, payloads } = await signedMeeting();
    const db = databaseOf(payloads);
    const awarded = db.decisions.find((d) => d.outcome === 'award' && d.suggestedTier === 'T2')!;
    awarded.award = 40_000;
    const result = recount(kit, db);
    expect(result.ok).toBe(false);
    expect(result.mismatches).toContainEqual(expect.stringMatching(new RegExp(`^${awarded.caseId}: the files say .*"award":50000.*the database .*"award":40000`)));
    expect(result.mismatches).toContainEqual(expect.stringMatching(/^tier T2: the files total/));
  });

  it('reports a vote that does not recount to its tally, though the signature over it holds', async () => {
    const { kit, payloads, names } = await signedMeeting();
    const caseId = payloads[1]!.decisions[0]!.caseId;
    resign(join(kit.outbox, names[1]!), (p) => void (p.decisions[0]!.votes[0]!.vote = 'reject'), kit.pair.privateKeyPem);
    const result = recount(kit, databaseOf(payloads));
    expect(result.mismatches).toContainEqual(expect.stringMatching(new RegExp(`^${names[1]}: ${caseId} revision 1: the passed proposal: the file's tally .* recounted`)));
  });

  it('reports a file changed after it was signed', async () => {
    const { kit, payloads, names } = await signedMeeting();
    const file = join(kit.outbox, names[1]!);
    const envelope = JSON.parse(readFileSync(file, 'utf8')) as { payload: string };
    const body = Buffer.from(envelope.payload, 'base64').toString('utf8').replace('"award":30000', '"award":31000');
    writeFileSync(file, JSON.stringify({ ...envelope, payload: Buffer.from(body).toString('base64') }));
    expect(recount(kit, databaseOf(payloads)).mismatches).toContain(`${names[1]}: no signature verifies with the chair key ${kit.pair.keyid}`);
  });

  it('reports a file missing from the chain, and the reopened decision that names it', async () => {
    const { kit, payloads, names } = await signedMeeting();
    rmSync(join(kit.outbox, names[0]!));
    const { mismatches } = recount(kit, databaseOf(payloads));
    expect(mismatches).toContain(`${kit.outbox} holds 1 decision files, not the 2 exported`);
    expect(mismatches).toContain(`${names[1]}: sequence 2 where 1 was due`);
    expect(mismatches).toContainEqual(expect.stringMatching(new RegExp(`^${names[1]}: previous [0-9a-f]{64}, but the file before it hashes to null`)));
    expect(mismatches).toContainEqual(expect.stringMatching(new RegExp(`^${names[1]}: ${payloads[0]!.decisions[0]!.caseId} revision 2: reopened names .*not a signed file`)));
  });

  it('reports files no signature of the chair key given holds', async () => {
    const { kit, payloads, names } = await signedMeeting();
    const other = generateKeyPair();
    const result = recount(kit, databaseOf(payloads), other);
    expect(result.mismatches).toContain(`${names[0]}: no signature verifies with the chair key ${other.keyid}`);
    expect(result.mismatches).toContain(`${names[1]}: no signature verifies with the chair key ${other.keyid}`);
  });
});

describe("the soak recount's counting rules", () => {
  const CHOICES = ['approve', 'reject', 'abstain', 'recused', 'none', 'missing'] as const;
  const RULES: CountingRules[] = (['majority-of-present', 'majority-of-cast', 'two-thirds-of-present'] as const).flatMap((passing) =>
    [{ type: 'majority' as const }, { type: 'atLeast' as const, count: 2 }, { type: 'atLeast' as const, count: 4 }].flatMap((quorum) =>
      [false, true].flatMap((recusedInBase) => (['fails', 'chair-decides'] as const).map((tie) => ({ quorum, passing, recusedInBase, tie }))),
    ),
  );

  it("count as the app's counting rules do, over random attendance, votes and every rule", () => {
    const random = seeded(606);
    const roles = ['chair', 'member', 'member', 'member', 'member', 'secretary'] as const;
    const closedAt = '2023-03-02T15:00:00+09:00';
    const around = (minutes: number) => new Date(Date.parse(closedAt) + minutes * 60_000).toISOString();
    for (let i = 0; i < 3_000; i += 1) {
      const rules = RULES[i % RULES.length]!;
      const attendance = roles.map((role, k) => {
        const arrived = Math.floor(random() * 90) - 60;
        const left = random() < 0.3 ? arrived + Math.floor(random() * 90) : null;
        return { memberId: `m${k + 1}`, name: `m${k + 1}`, role, present: random() < 0.9, arrivedAt: random() < 0.1 ? null : around(arrived), leftAt: left === null ? null : around(left) };
      });
      const votes = attendance.flatMap((a) => {
        const choice = CHOICES[Math.floor(random() * CHOICES.length)]!;
        return choice === 'missing' ? [] : [{ memberId: a.memberId, vote: choice }];
      });
      const meeting = { rules, attendance } as FileMeeting & DecisionFilePayload['meeting'];
      const app = tallyOf(
        countVote({
          rules,
          roster: rosterOfAttendance({ meeting }),
          present: presentAt(attendance, closedAt),
          recused: new Set(votes.filter((v) => v.vote === 'recused').map((v) => v.memberId)),
          votes: votes.flatMap((v) => (CAST.has(v.vote) ? [{ memberId: v.memberId, vote: v.vote as 'approve' | 'reject' | 'abstain' }] : [])),
        }),
      );
      expect(recountVote(meeting, votes, closedAt).tally, JSON.stringify({ rules, attendance, votes })).toEqual(app);
    }
  });
});

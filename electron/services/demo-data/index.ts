/**
 * A deterministic demo case bundle for the 1015 council: realistic applicants, daily sales with
 * the outage dip, real evidence files (PDF, CSV, PNG, text), and the awkward cases a council
 * meets (see awkward-cases.ts). The same seed and count always give byte-identical content.
 *
 * Async because pdf-lib saves the certificate PDFs asynchronously; cases are still built one after
 * another, in order (a copy needs the case it copies).
 */
import type { CaseRecordInput } from '../../../shared/schemas/case-record';
import type { BundleContent } from '../bundle-content';
import { planAwkwardCases } from './awkward-cases';
import { buildCase, type DemoCase } from './case-builder';
import { buildEvidence, type CaseEvidence } from './documents';
import { demoManifest } from './manifest';
import { Random } from './random';

export { AWKWARD_KINDS, awkwardCounts, planAwkwardCases, type AwkwardKind } from './awkward-cases';
export { assessedLoss, tierOf } from './assessed-loss';

export interface DemoBundleOptions {
  cases: number;
  seed: number;
}

/** The largest demo bundle: case ids have six digits. */
export const MAX_DEMO_CASES = 999_999;

function toRecord(c: DemoCase, evidence: CaseEvidence): CaseRecordInput {
  return {
    caseId: c.caseId,
    receivedAt: c.receivedAt,
    business: {
      name: c.businessName,
      registrationNo: c.writtenRegistrationNo,
      representative: c.representative,
      category: c.category,
      region: c.region,
    },
    services: c.services,
    claimedLoss: c.sales.claimedLoss,
    statement: c.statement,
    bankAccountFingerprint: c.bankAccountFingerprint,
    dailySales: c.sales.dailySales.map((s) => ({ date: s.date, amount: s.amount })),
    documents: evidence.documents,
  };
}

export async function generateDemoBundleContent(options: DemoBundleOptions): Promise<BundleContent> {
  const { cases: count, seed } = options;
  if (!Number.isInteger(count) || count < 0 || count > MAX_DEMO_CASES) {
    throw new RangeError(`cases must be a whole number from 0 to ${MAX_DEMO_CASES}, got ${count}`);
  }
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a whole number, got ${seed}`);
  // Fold the seed into 32 bits the same way for every size of number.
  const seed32 = Number(BigInt.asUintN(32, BigInt(seed)) ^ BigInt.asUintN(32, BigInt(Math.floor(seed / 2 ** 32))));

  const plan = planAwkwardCases(count, seed32);
  const usedRegistrationNos = new Set<string>();
  const built: DemoCase[] = [];
  const evidence: CaseEvidence[] = [];
  const records: CaseRecordInput[] = [];
  const files: BundleContent['files'] = [];

  for (let index = 0; index < count; index++) {
    const role = plan[index] ?? null;
    const partner = role && role.role === 'copy' ? role.partner : undefined;
    const demoCase = buildCase({
      rng: Random.derive(seed32, index, 1),
      index,
      count,
      role,
      original: partner === undefined ? undefined : built[partner],
      usedRegistrationNos,
    });
    const caseEvidence = await buildEvidence(demoCase, Random.derive(seed32, index, 2), partner === undefined ? undefined : evidence[partner]);
    built.push(demoCase);
    evidence.push(caseEvidence);
    records.push(toRecord(demoCase, caseEvidence));
    files.push(...caseEvidence.files);
  }

  return { manifest: demoManifest(seed), cases: records, files };
}

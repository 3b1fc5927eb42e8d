/**
 * "Export decisions" for one meeting: the decisions no earlier file holds, built into the next
 * file's payload (shared/decisions/build-payload.ts) and handed to the notary, which checks,
 * signs and writes it (or queues it while the sync folder is gone); then the export is recorded
 * with its audit entry. The payload's auditHead is the log's last entry before that entry, so it
 * names one that exists. With nothing new, nothing is called and nothing is written.
 */
import type { DecisionExportResult } from '../../../shared/api';
import { buildDecisionPayload, decisionsToExport, type BuildProblem } from '../../../shared/decisions/build-payload';
import { decisionFileName } from '../../../shared/decisions/decision-file-name';
import { canonicalJson } from '../../../shared/canonical-json';
import { sha256Hex } from '../../../shared/sha256';
import type { Language } from '../../../shared/i18n';
import type { CouncilApi } from '../../common/council-api';
import { readAuditHead } from '../../db/audit';
import type { CouncilDb } from '../../db/schema';
import { chairKeyid, type ChairKeyBlock } from './chair-key';
import { readMeetingBuildData } from './export-input';
import { recordSigned, recordSigning } from './export-records';
import { settleSigning } from './outbox';

export type ExportApi = Pick<CouncilApi, 'getDeviceKeys' | 'createDeviceKey' | 'getDecisionLedger' | 'exportDecisions'>;

export type ExportOutcome =
  | { kind: 'nothing' }
  | { kind: 'no-key'; block: ChairKeyBlock }
  | { kind: 'refused'; problems: BuildProblem[] }
  | { kind: 'exported'; result: DecisionExportResult; decisions: string[] };

export interface ExportOptions {
  language?: Language;
  /** The moment of the export (tests pass it). */
  now?: string;
}

export async function exportMeetingDecisions(db: CouncilDb, api: ExportApi, meetingId: string, options: ExportOptions = {}): Promise<ExportOutcome> {
  const now = options.now ?? new Date().toISOString();
  await settleSigning(db, api, meetingId, now);
  const data = await readMeetingBuildData(db, meetingId);
  if (!data || decisionsToExport(meetingId, data.decisions, data.exported).length === 0) return { kind: 'nothing' };

  const key = await chairKeyid(api);
  if ('block' in key) return { kind: 'no-key', block: key.block };
  const ledger = await api.getDecisionLedger({ meetingId });
  const head = await readAuditHead(db);
  if (head.prevHash === null) {
    return { kind: 'refused', problems: [{ caseId: null, revision: null, field: 'auditHead', message: 'the audit log has no entry for the file to name' }] };
  }
  const built = buildDecisionPayload({ ...data, ledger, signerKeyid: key.keyid, auditHead: head.prevHash, createdAt: now });
  if (built.kind !== 'payload') return built;

  const { payload } = built;
  const sequence = payload.sequence;
  await recordSigning(db, {
    meetingId,
    sequence,
    fileName: decisionFileName(meetingId, sequence),
    payloadSha256: sha256Hex(canonicalJson(payload)),
    decisions: built.decisions,
    createdAt: now,
  });
  let result: DecisionExportResult;
  try {
    result = await api.exportDecisions({ payload, language: options.language });
  } catch (err) {
    // Refused, declined, or the answer lost on the way: the ledger says whether it was signed.
    // Unreadable now, the row stays 'signing' and the next export settles it first.
    await settleSigning(db, api, meetingId, now).catch(() => undefined);
    throw err;
  }
  await recordSigned(db, meetingId, sequence, result, now);
  return { kind: 'exported', result, decisions: built.decisions };
}

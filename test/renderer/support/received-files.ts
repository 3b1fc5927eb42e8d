/** Decision files as main answers them after verifying (ReceivedDecisionFile), made from sample payloads. */
import type { ChainStatus, ReceivedDecisionFile, ReceivedProblem } from '../../../shared/api';
import type { DecisionEntry, DecisionFilePayload } from '../../../shared/decisions/decision-file-schema';
import { totalsOf } from '../../../shared/decisions/payload-check';

export const CHAIR_KEYID = 'c0ffee'.repeat(10) + 'c0de';

function nameOf(payload: DecisionFilePayload): string {
  return `decisions-${payload.meeting.meetingId}-${String(payload.sequence).padStart(4, '0')}.dsse.json`;
}

/** A file that verified: its signer, meeting, sequence and chain as main reports them. */
export function verifiedFile(payload: DecisionFilePayload, extra: Partial<ReceivedDecisionFile> & { chain?: ChainStatus } = {}): ReceivedDecisionFile {
  const fileName = extra.fileName ?? nameOf(payload);
  return {
    fileName,
    path: `/sync/inbox/${fileName}`,
    status: 'verified',
    problems: [],
    verifiedBy: { keyid: payload.signer.keyid, name: '위원장 정한결' },
    signer: { ...payload.signer },
    meetingId: payload.meeting.meetingId,
    sequence: payload.sequence,
    payloadSha256: 'e'.repeat(64),
    chain: payload.sequence === 1 ? 'first' : 'follows',
    payload,
    ...extra,
  };
}

/** A file that failed verification: its reasons, and no payload. */
export function failedFile(fileName: string, problems: ReceivedProblem[], extra: Partial<ReceivedDecisionFile> = {}): ReceivedDecisionFile {
  return {
    fileName,
    path: `/sync/inbox/${fileName}`,
    status: 'failed',
    problems,
    verifiedBy: null,
    signer: null,
    meetingId: null,
    sequence: null,
    payloadSha256: null,
    chain: null,
    payload: null,
    ...extra,
  };
}

/** `payload` with the decision on `caseId` replaced by `change` of it (its totals kept right). */
export function withDecision(payload: DecisionFilePayload, caseId: string, change: Partial<DecisionEntry>): DecisionFilePayload {
  const decisions = payload.decisions.map((d) => (d.caseId === caseId ? { ...d, ...change } : d));
  return { ...payload, decisions, totals: totalsOf(decisions) };
}

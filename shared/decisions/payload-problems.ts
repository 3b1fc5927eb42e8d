/**
 * What a decision file's payload can get wrong beyond its schema, by a stable code with its
 * English sentence: the notary refuses with these, `council-desk verify` and the inbox report them.
 */
import { codedMessages } from '../problems/problem';

export const PAYLOAD_TEMPLATES = {
  DECISION_TALLY_MISMATCH: (p: { field: string; recorded: string; recounted: string }) =>
    `the tally says ${p.field} ${p.recorded}, but the votes, the attendance and the counting rules give ${p.recounted}`,
  DECISION_NOT_PASSED: () => 'the proposal a decision rests on must have passed, and its tally says it did not',
  DECISION_EARLIER_PASSED: () => 'an earlier proposal listed as failed has a tally that passed',
  DECISION_VOTE_TWICE: (p: { memberId: string }) => `member ${p.memberId} is listed twice`,
  DECISION_VOTER_UNKNOWN: (p: { memberId: string }) => `member ${p.memberId} is not a voting member in the meeting's attendance`,
  DECISION_VOTER_ABSENT: (p: { memberId: string }) => `member ${p.memberId} votes but was not present when the vote closed`,
  DECISION_VOTER_MISSING: (p: { memberId: string }) => `member ${p.memberId} was present and eligible when the vote closed but is not listed (a member who did not vote is listed with "none")`,
  DECISION_OUTCOME_MISMATCH: (p: { decided: string; proposed: string }) => `the decision is "${p.decided}", but the passed proposal is "${p.proposed}"`,
  DECISION_AWARD_MISMATCH: (p: { award: string; proposed: string }) => `the award is ${p.award}, but the passed proposal's amount is ${p.proposed}`,
  DECISION_AWARD_MISSING: () => 'an award decision needs its amount',
  DECISION_AWARD_NOT_ALLOWED: (p: { outcome: string }) => `a "${p.outcome}" decision carries no award`,
  DECISION_AWARD_ABOVE_CLAIM: (p: { award: number; claimedLoss: number }) => `the award ${p.award.toLocaleString('en-US')} exceeds the claimed loss ${p.claimedLoss.toLocaleString('en-US')}`,
  DECISION_RATIONALE_MISSING: (p: { why: string }) => `a rationale is required (${p.why})`,
  DECISION_MISSING_DOCUMENTS: () => 'a deferral names the documents it waits for',
  DECISION_DUPLICATE: (p: { caseId: string; revision: number }) => `case ${p.caseId} revision ${p.revision} is in the file twice`,
  DECISION_REOPENED_MISSING: (p: { revision: number }) => `revision ${p.revision} follows a reopened decision and needs "reopened" with its reason`,
  DECISION_REOPENED_FIRST: () => 'a first revision was never reopened',
  DECISION_TOTALS_MISMATCH: (p: { field: string; recorded: number; recounted: number }) =>
    `totals.${p.field} is ${p.recorded.toLocaleString('en-US')}, but the file's decisions give ${p.recounted.toLocaleString('en-US')}`,
  DECISION_BUNDLE_UNLISTED: (p: { bundleId: string }) => `bundle ${p.bundleId} is not listed in bundleIds`,
  DECISION_QUORUM_MISMATCH: (p: { detail: string }) => `the meeting's quorum does not add up: ${p.detail}`,
  DECISION_SIGNER_NOT_CHAIR: (p: { memberId: string }) => `the signer ${p.memberId} is not the chair in the meeting's attendance`,
  DECISION_CHAIN_GAP: (p: { sequence: number; expected: number }) => `is sequence ${p.sequence}, but the meeting's next file is sequence ${p.expected}: a file is missing`,
  DECISION_CHAIN_PREVIOUS: (p: { expected: string }) => `does not name the previous file's payload (${p.expected === '' ? 'none, for sequence 1' : p.expected}): the files were reordered or one was replaced`,
  DECISION_CHAIN_FORK: (p: { sequence: number }) => `another file with different content has the same meeting and sequence ${p.sequence}`,
} as const;

export type PayloadCode = keyof typeof PAYLOAD_TEMPLATES;

export const payloadProblem = codedMessages(PAYLOAD_TEMPLATES);

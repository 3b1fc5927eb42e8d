/**
 * The minutes of a meeting as data (issue 13, item 1): what the secretary hands the council to sign
 * and what the PDF, DOCX and payment list render. Built by `buildMinutes` from the meeting, its
 * agenda and the signed decision files of the meeting; every decision, vote, recusal, award and
 * total comes from those files, so the minutes describe exactly what the files say. The model is
 * language-free: words (rules, outcomes, votes, the suggestion's basis) come at render time from
 * shared/i18n/minutes-words.ts, in Korean or English.
 *
 * Choices (written here for the renderers):
 * - A case decided more than once in the meeting's files appears once, at its HIGHEST revision;
 *   its earlier revisions are listed in `history`.
 * - The suggestion's basis travels as the assessment's structured reasons (`Reason[]`,
 *   shared/assessment/types.ts), not as words: `basisLine(suggestion, lang)` in minutes-words
 *   gives the one line in either language.
 * - Totals by tier count each decided case under the tier it was awarded in; a rejected or
 *   deferred case has no tier and counts under `tier: null` ("none").
 * - Names of voters come from the meeting's attendance (the input's, then each file's).
 */
import type { Reason } from '../assessment/types';
import type { MemberRole } from '../council';
import type { AttendanceLine, DecisionFilePayload } from '../decisions/decision-file-schema';
import type { CountingRules } from '../meeting/rules';
import type { ListedVote, Outcome, Tally } from '../meeting/types';

// ---------------------------------------------------------------- input

/** The case's suggestion as the agenda shows it: the engine's figures, flags and reasons. */
export interface SuggestionInput {
  /** The suggested tier id ("T2"); null below the first tier ("reject: no loss shown"). */
  tier: string | null;
  /** The tier's award; null for a tier decided case by case, and for no tier. */
  award: number | null;
  claimedLoss: number;
  assessedLoss: number | null;
  /** Flag codes (FORMATS.md), in the order the case shows them. */
  flags: readonly string[];
  /** The assessment's reasons; `basisLine` picks the one line of the minutes from them. */
  reasons: readonly Reason[];
}

export interface AgendaItemInput {
  caseId: string;
  suggestion: SuggestionInput;
}

/** What the payment list and the minutes name a case by (from its bundle). */
export interface CaseParticulars {
  businessName: string;
  registrationNo: string;
  representative: string;
  bankAccountFingerprint: string;
  bundleId: string;
}

/** One signed decision file of the meeting: its name in the outbox, its payload's SHA-256 (hex), its payload. */
export interface MinutesDecisionFileInput {
  fileName: string;
  payloadSha256: string;
  payload: DecisionFilePayload;
}

/** The meeting as the minutes head it. */
export interface MinutesMeetingHeader {
  meetingId: string;
  /** ISO date. */
  date: string;
  place: string;
  /** When the meeting opened and closed (ISO date-times with offset); null when not recorded. */
  startedAt: string | null;
  closedAt: string | null;
  /** Data; `rulesText` (shared/meeting/count-words.ts) or `minutesText(lang).rules` words them. */
  rules: CountingRules;
}

export interface MinutesMeetingInput extends MinutesMeetingHeader {
  /** Every member of the meeting with name, role, arrival and departure (a decision file's meeting.attendance will do). */
  attendance: readonly AttendanceLine[];
}

export interface MinutesInput {
  council: string;
  meeting: MinutesMeetingInput;
  /** The agenda in its order. */
  agenda: readonly AgendaItemInput[];
  /** The meeting's decision files, in sequence order (1, 2, …, without gaps). */
  decisionFiles: readonly MinutesDecisionFileInput[];
  /** Each case of the agenda and of the files, by caseId. */
  cases: Readonly<Record<string, CaseParticulars>>;
  signers: { chairName: string; secretaryName: string };
}

// ---------------------------------------------------------------- output

export interface MinutesAttendee {
  memberId: string;
  name: string;
  role: MemberRole;
  present: boolean;
  arrivedAt: string | null;
  leftAt: string | null;
}

/** The meeting's quorum: voting members needed, voting members present, met. */
export interface MinutesQuorum {
  required: number;
  present: number;
  met: boolean;
}

/** A suggestion as the minutes show it (figures, flags, reasons for the basis line). */
export type MinutesSuggestion = SuggestionInput;

/** Where an agenda case stands at the end of the meeting (its highest revision in the files). */
export type AgendaStatus = 'awarded' | 'rejected' | 'deferred' | 'not-decided';

export interface MinutesAgendaItem {
  /** 1-based position on the agenda. */
  no: number;
  caseId: string;
  businessName: string;
  suggestion: MinutesSuggestion;
  status: AgendaStatus;
}

/** A decision file as the minutes list it (and the attestation binds). */
export interface MinutesFileRef {
  fileName: string;
  payloadSha256: string;
  sequence: number;
}

/** One member's vote on a proposal, by name. `reason` is the recusal's reason, null otherwise. */
export interface MinutesVote {
  memberId: string;
  name: string;
  role: MemberRole;
  vote: ListedVote;
  reason: string | null;
}

/** A proposal put to the vote: the earlier failed ones (passed false) and the passed one, by `no`. */
export interface MinutesProposal {
  no: number;
  outcome: Outcome;
  amount: number | null;
  closedAt: string;
  passed: boolean;
  votes: MinutesVote[];
  tally: Tally;
}

export interface MinutesRecusal {
  memberId: string;
  name: string;
  reason: string;
}

/** An earlier revision of a case in the meeting's files, superseded by a later one. */
export interface MinutesRevisionNote {
  revision: number;
  outcome: Outcome;
  award: number | null;
  decidedAt: string;
  file: MinutesFileRef;
}

/** A decided case at its highest revision. */
export interface MinutesCase {
  caseId: string;
  bundleId: string;
  businessName: string;
  registrationNo: string;
  representative: string;
  bankAccountFingerprint: string;
  /** The file's `suggested` figures, with the agenda's flags and reasons (empty when not on the agenda). */
  suggestion: MinutesSuggestion;
  /** Earlier failed proposals, then the passed one, by `no`. */
  proposals: MinutesProposal[];
  /** Members recused on the case in any of its proposals, once each, in attendance order. */
  recusals: MinutesRecusal[];
  outcome: Outcome;
  tier: string | null;
  award: number | null;
  rationale: string;
  /** Document kinds awaited (a deferral). */
  missingDocuments: string[];
  decidedAt: string;
  revision: number;
  file: MinutesFileRef;
  /** Why it was decided again (revision > 1), as the file says. */
  reopened: { reason: string; previousRevision: { file: string; payloadSha256: string } | null } | null;
  /** Earlier revisions of the case in this meeting's files, oldest first. */
  history: MinutesRevisionNote[];
}

export interface MinutesDeferral {
  caseId: string;
  businessName: string;
  missingDocuments: string[];
  decidedAt: string;
}

/** A count of cases and the sum of their awards (integer KRW). */
export interface CountAndAmount {
  count: number;
  amount: number;
}

export interface MinutesTotals {
  /** As a decision file's `totals`, over the cases at their highest revision (the attestation's `totals`). */
  decisions: number;
  awarded: number;
  rejected: number;
  deferred: number;
  amount: number;
  byOutcome: Record<Outcome, CountAndAmount>;
  /** By awarded tier, tier ids in order, `tier: null` (rejected, deferred) last. */
  byTier: ({ tier: string | null } & CountAndAmount)[];
  /** Agenda cases no file decides. */
  notDecided: number;
}

export interface MinutesSignOff {
  role: 'chair' | 'secretary';
  name: string;
}

export interface Minutes extends MinutesMeetingHeader {
  council: string;
  attendance: MinutesAttendee[];
  quorum: MinutesQuorum;
  agenda: MinutesAgendaItem[];
  /** Decided cases at their highest revision: agenda order, then cases off the agenda in file order. */
  cases: MinutesCase[];
  deferred: MinutesDeferral[];
  /** Agenda cases no decision file decides. */
  notDecided: { caseId: string; businessName: string }[];
  totals: MinutesTotals;
  /** Chair, then secretary. */
  signOff: [MinutesSignOff, MinutesSignOff];
  /** Every decision file of the meeting, in sequence order. */
  decisionFiles: MinutesFileRef[];
}

/** The minutes of a meeting from its decision files. Throws CouncilError('MINUTES_INVALID') naming what does not fit. */
export { buildMinutes } from './build-minutes';

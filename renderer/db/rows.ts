/**
 * The rows of the "council-desk" IndexedDB database, one type per table (see schema.ts for keys
 * and indexes). Money is integer KRW; times are ISO 8601 strings with an offset.
 */
import type { SignatureStatus } from '../../shared/bundle-types';
import type { Member } from '../../shared/council';
import type { BundleManifest } from '../../shared/schemas/bundle-manifest';
import type { DuplicateFlag } from '../../shared/duplicate-flags';
import type { CaseRecord, EvidenceMediaType } from '../../shared/schemas/case-record';
import type { CountingRules } from '../../shared/meeting/rules';
import type { AttendanceEntry, Outcome, Tally, VoteChoice } from '../../shared/meeting/types';

export type BundleStatus = 'importing' | 'ready';

export interface BundleRow {
  bundleId: string;
  /** 'importing' while its chunks are written; a bundle found 'importing' at start-up is rolled back. */
  status: BundleStatus;
  importedAt: string;
  /** The bundle file's name as the user chose it; null for the demo council's bundle. */
  fileName: string | null;
  manifest: BundleManifest;
  manifestSha256: string;
  signature: SignatureStatus;
  /** What the bundle's directory announced when the import began. */
  planned: { cases: number; evidence: number; bytes: number };
  /** What was stored; `revised` counts cases that came back from an earlier bundle. */
  counts: { cases: number; documents: number; evidenceBytes: number; revised: number };
}

export type CaseStatus = 'undecided' | 'voted' | 'decided' | 'deferred';

/**
 * The tier engine's result for one case (shared/assessment), computed at import from the case and
 * its bundle's incident and policy. The reasons are not stored: the screen recomputes them with the
 * same pure engine, so they always match these figures and the command line's `suggest`.
 */
export interface CaseSuggestion {
  /** The policy tier's id; null: below the first tier ("reject: no loss shown"). */
  tier: string | null;
  /** The tier's award; null both for a tier decided case by case and for no tier. */
  award: number | null;
  /** min(claimedLoss, assessedLoss) where an assessed loss exists, else claimedLoss. */
  amount: number;
  basis: 'assessed' | 'claimed';
}

export interface CaseRow {
  caseId: string;
  bundleId: string;
  status: CaseStatus;
  /** 1 when first imported; a re-issued case gets the next revision, the old one goes to caseHistory. */
  revision: number;
  /** Indexed copies of record fields, for lookups and duplicate checks. */
  registrationNo: string;
  bankAccountFingerprint: string;
  claimedLoss: number;
  businessName: string;
  /** Computed at import by the tier engine; assessedLoss null when no baseline week counts. */
  assessedLoss: number | null;
  suggestedTier: string | null;
  /** Rows stored before the engine ran are assessed by the schema upgrade (case-assessment-upgrade.ts). */
  suggestion: CaseSuggestion;
  /** Flag codes (engine flags and duplicate flags), in shared/duplicate-flags FLAG_ORDER. */
  flags: string[];
  /** The duplicate flags with the other cases they name; recomputed when a later bundle brings a duplicate. */
  duplicates: DuplicateFlag[];
  record: CaseRecord;
  importedAt: string;
  /** The bundle of the revision this one replaced; null for a first revision. */
  previousBundleId: string | null;
}

/**
 * What the Cases list needs of a case, small enough to hold 100,000 in memory: kept in step with
 * the `cases` table (same key, written with every write of a case row; see case-summary-sync.ts).
 */
export interface CaseSummaryRow {
  caseId: string;
  bundleId: string;
  status: CaseStatus;
  revision: number;
  businessName: string;
  /** Digits only. */
  registrationNo: string;
  claimedLoss: number;
  assessedLoss: number | null;
  suggestedTier: string | null;
  award: number | null;
  flags: string[];
}

/**
 * An earlier revision of a case, kept when a later bundle re-issues it: the case row exactly as it
 * was, plus when and by which bundle it was superseded (so rolling that bundle back restores it).
 */
export type CaseHistoryRow = CaseRow & { supersededAt: string; supersededBy: string };

/** One evidence file of one bundle (key [bundleId+file]): revisions of a case never collide. */
export interface DocumentRow {
  bundleId: string;
  /** The path inside the bundle, e.g. evidence/1015-000123/pos.csv. */
  file: string;
  caseId: string;
  sha256: string;
  blob: Blob;
  mediaType: EvidenceMediaType;
  kind: string;
  title: string;
  size: number;
}

export type MemberRow = Member;

export type MeetingStatus = 'planned' | 'open' | 'closed';

/**
 * A meeting (DESIGN.md, domain model). The agenda is the case ids in the order the chair calls
 * them; attendance has one entry per voting member of the roster when the meeting opens. A closed
 * meeting is read-only.
 */
export interface MeetingRow {
  meetingId: string;
  /** YYYY-MM-DD. */
  date: string;
  place: string;
  /** HH:MM, local time of the council. */
  startTime: string;
  rules: CountingRules;
  agenda: string[];
  attendance: AttendanceEntry[];
  status: MeetingStatus;
  createdAt: string;
  openedAt: string | null;
  closedAt: string | null;
}

/**
 * A member's recusal on one case of one meeting (key [meetingId+caseId+memberId]): confirmed
 * ('recused': out of that case's count as the rules say) or, for one suggested by a declared
 * conflict, dismissed by the operator with a reason; a confirmed one may be withdrawn with a
 * reason ('withdrawn': counted as no recusal, the member counts on the case again).
 */
export interface RecusalRow {
  meetingId: string;
  caseId: string;
  memberId: string;
  status: 'recused' | 'dismissed' | 'withdrawn';
  /** Why the member is recused (or, dismissed, why not); kept when the recusal is withdrawn. */
  reason: string;
  /** The declared conflict that suggested it; null for one declared on the spot. */
  conflictId: string | null;
  /** The operator who confirmed (or dismissed) it. */
  confirmedBy: string | null;
  at: string;
  /** Set when status is 'withdrawn' (null otherwise): why, by which operator, when. */
  withdrawal: RecusalWithdrawal | null;
}

export interface RecusalWithdrawal {
  reason: string;
  by: string | null;
  at: string;
}

export type ProposalStatus = 'open' | 'passed' | 'failed';

/** What is put to the vote on a case (key [meetingId+caseId+no]; no = 1, 2, ... per case and meeting). */
export interface ProposalRow {
  meetingId: string;
  caseId: string;
  no: number;
  outcome: Outcome;
  /** The tier proposed for an award (the suggestion's, or the one the chair names); null otherwise. */
  tier: string | null;
  /** The award proposed, integer KRW; null for reject and defer. */
  amount: number | null;
  /** True when the proposal is the case's suggestion as it stands (tier and award). */
  fromSuggestion: boolean;
  /** For a deferral: the required document kinds awaited. */
  missingDocuments: string[];
  status: ProposalStatus;
  openedAt: string;
  closedAt: string | null;
  /** The count when it was closed (the rules applied to votes, recusals and attendance then). */
  tally: Tally | null;
}

/** One member's vote on one proposal (key [meetingId+caseId+proposalNo+memberId]); it may change while the proposal is open. */
export interface VoteRow {
  meetingId: string;
  caseId: string;
  proposalNo: number;
  memberId: string;
  vote: VoteChoice;
  /** The operator who recorded it. */
  recordedBy: string | null;
  recordedAt: string;
}

export type DecisionOutcome = Outcome;

/**
 * A decision on a case (key [caseId+revision]: 1 for the first; a reopened case's next decision is
 * the next revision). Never deleted; a reopened decision stays, marked with the reason.
 */
export interface DecisionRow {
  caseId: string;
  revision: number;
  meetingId: string;
  bundleId: string;
  /** The case's own revision (CaseRow.revision) the decision was made on. */
  caseRevision: number;
  outcome: DecisionOutcome;
  tier: string | null;
  award: number | null;
  rationale: string;
  missingDocuments: string[];
  proposalNo: number;
  tally: Tally;
  decidedAt: string;
  decidedBy: string | null;
  /** Set when the decision was reopened: why, and when; the case is then open for its next revision. */
  reopened: { reason: string; at: string } | null;
}

export type AuditEntity = 'bundle' | 'case' | 'document' | 'member' | 'meeting' | 'agenda' | 'attendance' | 'recusal' | 'proposal' | 'vote' | 'decision' | 'export' | 'minutes' | 'settings' | 'backup';

export interface AuditRow {
  /** 1, 2, 3, ...: the next after the last entry's (audit.ts, audit-batch.ts). */
  sequence: number;
  at: string;
  entity: AuditEntity;
  entityId: string;
  action: string;
  /** The operator (the member at this keyboard) when the change was made: audit.ts fills it in; null while none is chosen. */
  actor: string | null;
  detail: Record<string, unknown>;
  /** SHA-256 (hex) of the previous entry; null for the first entry. */
  prevHash: string | null;
  /** SHA-256 (hex) of this entry's RFC 8785 JSON without `hash` (and without `sequence`). */
  hash: string;
}

/**
 * 'signing': handed to the notary, its answer not recorded yet (after a crash in between, settled
 * against the notary's ledger); 'queued': signed, waiting for the sync folder; 'written': in
 * `<sync>/outbox/`.
 */
export type ExportState = 'signing' | 'queued' | 'written';

/** A decision file of a meeting (key [meetingId+sequence]): what it holds and where it stands. */
export interface ExportRow {
  meetingId: string;
  sequence: number;
  fileName: string;
  /** SHA-256 (hex) of the payload bytes: what the meeting's next file names as `previous`. */
  payloadSha256: string;
  /** The decisions the file holds, as `<caseId>@<revision>` (shared/decisions/build-payload.ts decisionKey). */
  decisions: string[];
  state: ExportState;
  /** Where the file was written; null while signing or queued (and for rows stored before version 7). */
  path: string | null;
  /** When it was handed to the notary. */
  createdAt: string;
  /** When it was written into the sync folder; null while not. */
  writtenAt: string | null;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

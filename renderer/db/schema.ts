/**
 * The "council-desk" IndexedDB database: its schema as a list of version steps, applied in order.
 * A later version appends a step; a step that changes stored rows carries an upgrade function,
 * which brings the rows earlier versions stored to the shape rows.ts declares (the rest of the
 * code reads that one shape only). Every write of a case row writes its summary row too
 * (case-summary-sync.ts, installed here).
 */
import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import { assessStoredCases } from './case-assessment-upgrade';
import { restoreMember } from '../../shared/council';
import { caseSummarySync } from './case-summary-sync';
import type {
  AuditRow,
  BundleRow,
  CaseHistoryRow,
  CaseRow,
  CaseSummaryRow,
  DecisionRow,
  DocumentRow,
  ExportRow,
  MeetingRow,
  MemberRow,
  ProposalRow,
  RecusalRow,
  SettingRow,
  VoteRow,
} from './rows';

export const COUNCIL_DB_NAME = 'council-desk';

export interface SchemaStep {
  version: number;
  /** Dexie store specs: primary key first, then indexes; null deletes a table. */
  stores: Record<string, string | null>;
  /**
   * Run inside the version change transaction when a database stored by an earlier version is
   * opened (not when the database is created): it may read and write every table through `tx`.
   */
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const schemaVersions: readonly SchemaStep[] = [
  {
    version: 1,
    stores: {
      bundles: '&bundleId, status, importedAt',
      cases: '&caseId, bundleId, status, revision, suggestedTier, *flags, registrationNo, bankAccountFingerprint, claimedLoss, assessedLoss, businessName',
      caseHistory: '[caseId+revision], caseId, bundleId, supersededBy',
      documents: '[bundleId+file], caseId, [caseId+bundleId], sha256',
      members: '&memberId, role',
      meetings: '&meetingId, date, status',
      votes: '[meetingId+caseId+memberId], [meetingId+caseId], caseId, memberId',
      decisions: '&caseId, meetingId, outcome',
      audit: '++sequence, at, entity',
      exports: '[meetingId+sequence], meetingId',
      settings: '&key',
    },
  },
  {
    // The Cases list's small rows, written with the case rows (case-summary-sync.ts).
    version: 2,
    stores: {
      caseSummaries: '&caseId, bundleId',
    },
  },
  {
    // No new tables: case rows stored before the import assessed them (and current ones without
    // a summary row) are assessed, their duplicates found, and their summaries written.
    version: 3,
    stores: {},
    upgrade: assessStoredCases,
  },
  {
    // The meeting. Votes and decisions get new keys (a vote belongs to a proposal; a decision has
    // revisions): Dexie cannot change a primary key, so the two empty tables are dropped here and
    // made again in version 5. Members stored before gain `active` and `conflicts`.
    version: 4,
    stores: {
      votes: null,
      decisions: null,
      recusals: '[meetingId+caseId+memberId], [meetingId+caseId], meetingId, memberId',
      proposals: '[meetingId+caseId+no], [meetingId+caseId], meetingId, status',
    },
    upgrade: async (tx) => {
      await tx.table('members').toCollection().modify((m: Record<string, unknown>) => Object.assign(m, restoreMember(m)));
    },
  },
  {
    version: 5,
    stores: {
      votes: '[meetingId+caseId+proposalNo+memberId], [meetingId+caseId+proposalNo], [meetingId+caseId], meetingId',
      decisions: '[caseId+revision], caseId, meetingId, outcome',
    },
  },
  {
    // No new tables: a confirmed recusal can be withdrawn; recusal rows stored before gain
    // `withdrawal: null` (none was withdrawn).
    version: 6,
    stores: {},
    upgrade: async (tx) => {
      await tx
        .table('recusals')
        .toCollection()
        .modify((r: Record<string, unknown>) => {
          if (r.withdrawal === undefined) r.withdrawal = null;
        });
    },
  },
  {
    // Decision files: an export row says which decisions its file holds and where it stands
    // (signing, queued, written), indexed by state. Rows stored before were written files whose
    // decisions went unrecorded: they gain `decisions: []`, 'written', no path, createdAt = writtenAt.
    version: 7,
    stores: {
      exports: '[meetingId+sequence], meetingId, state',
    },
    upgrade: async (tx) => {
      await tx
        .table('exports')
        .toCollection()
        .modify((r: Record<string, unknown>) => {
          if (!Array.isArray(r.decisions)) r.decisions = [];
          if (r.state === undefined) r.state = 'written';
          if (r.path === undefined) r.path = null;
          if (r.createdAt === undefined) r.createdAt = r.writtenAt ?? null;
          if (r.writtenAt === undefined) r.writtenAt = null;
        });
    },
  },
];

export type CouncilDb = Dexie & {
  bundles: EntityTable<BundleRow, 'bundleId'>;
  cases: EntityTable<CaseRow, 'caseId'>;
  caseHistory: Table<CaseHistoryRow, [string, number]>;
  /** The Cases list's small copy of each case (same key as cases; written only with them, case-summary-sync.ts). */
  caseSummaries: EntityTable<CaseSummaryRow, 'caseId'>;
  /** Key [bundleId, file]. */
  documents: Table<DocumentRow, [string, string]>;
  members: EntityTable<MemberRow, 'memberId'>;
  meetings: EntityTable<MeetingRow, 'meetingId'>;
  /** Key [meetingId, caseId, memberId]. */
  recusals: Table<RecusalRow, [string, string, string]>;
  /** Key [meetingId, caseId, no]. */
  proposals: Table<ProposalRow, [string, string, number]>;
  /** Key [meetingId, caseId, proposalNo, memberId]. */
  votes: Table<VoteRow, [string, string, number, string]>;
  /** Key [caseId, revision]. */
  decisions: Table<DecisionRow, [string, number]>;
  audit: EntityTable<AuditRow, 'sequence'>;
  exports: Table<ExportRow, [string, number]>;
  settings: EntityTable<SettingRow, 'key'>;
};

/** Throws unless the steps have strictly increasing whole version numbers. */
export function checkSchemaSteps(steps: readonly SchemaStep[]): void {
  if (steps.length === 0) throw new Error('the database schema needs at least one version');
  steps.forEach((step, i) => {
    const prev = steps[i - 1];
    if (!Number.isInteger(step.version) || step.version < 1) throw new Error(`schema version ${step.version} is not a whole number >= 1`);
    if (prev && step.version <= prev.version) throw new Error(`schema version ${step.version} must come after version ${prev.version}`);
  });
}

/** The database, with every step declared; Dexie opens it (and upgrades it) on first use. */
export function openCouncilDb(name: string = COUNCIL_DB_NAME, steps: readonly SchemaStep[] = schemaVersions): CouncilDb {
  checkSchemaSteps(steps);
  const db = new Dexie(name) as CouncilDb;
  for (const step of steps) {
    const version = db.version(step.version).stores(step.stores);
    if (step.upgrade) version.upgrade(step.upgrade);
  }
  db.use(caseSummarySync);
  return db;
}

/**
 * The browser half of the soak (issue 14, part 6): a whole meeting of a bundle's cases, driven
 * through the renderer's own modules against real IndexedDB and the real main-process handlers
 * (over browser mode's bridge): the bundle imported with importBundle, the council stored, a meeting
 * made, given every case as its agenda and opened; then round by round the plan's steps
 * (soak-steps.ts) and, ending each round, "Export decisions" (exportMeetingDecisions: the payload
 * built and handed to the notary, which signs it and writes it into <sync>/outbox/). Backups at the
 * points Node asks for, and the last one restored into a second database (soak-backup-page.ts). At
 * the end, what the database holds, for the recount made from the files in Node
 * (test/bench/soak-recount.ts), and both databases read for comparing (soak-profile-page.ts).
 */
import { DEMO_COUNCIL_NAME, DEMO_MEMBERS } from '../../../shared/council';
import { storeDemoMembers } from '../../../renderer/bundles/demo-import';
import { importBundle } from '../../../renderer/bundles/import/import-bundle';
import { createCouncilApi } from '../../../renderer/common/council-api';
import { exportMeetingDecisions } from '../../../renderer/decisions/export/export-decisions';
import type { BackupKind } from '../../../shared/contract/backup';
import type { DecisionRow } from '../../../renderer/db/rows';
import { openCouncilDb, type CouncilDb } from '../../../renderer/db/schema';
import { addToAgenda, createMeeting, openMeeting } from '../../../renderer/meeting/meetings-db';
import { makeSoakPlan, type SoakPlan } from '../soak-plan';
import { makeBackup, restoreInto, setPassphrase } from './soak-backup-page';
import { readSoakProfile } from './soak-profile-page';
import { drop } from './meeting-bench';
import { noTimes, runStep, soakClock, type StepTimes } from './soak-steps';

const DB_NAME = 'bench-soak';
/** The fresh database the last backup is restored into. */
const RESTORED_DB_NAME = 'bench-soak-restored';
const api = createCouncilApi();

export interface SoakSize {
  rounds: number;
  votes: number;
  reopenings: number;
}

export interface SoakSetUp {
  meetingId: string;
  cases: number;
  importMs: number;
  plan: Omit<SoakPlan, 'rounds'> & { steps: number; decisions: number };
  chair: { keyid: string; publicKeyPem: string };
}

export interface SoakExport {
  ms: number;
  fileName: string;
  sequence: number;
  decisions: number;
  state: string;
}

export interface SoakRound {
  ms: number;
  times: StepTimes;
  export: SoakExport;
}

/** A case's standing decision as the database holds it (its highest revision), with the case's suggested tier. */
export interface DbDecision {
  caseId: string;
  revision: number;
  outcome: string;
  tier: string | null;
  award: number | null;
  suggestedTier: string | null;
}

export interface SoakFinal {
  decisions: DbDecision[];
  /** What the plan meant each case to come to (its last decision). */
  planned: { caseId: string; revision: number; outcome: string; award: number | null }[];
  rows: { votes: number; proposals: number; decisions: number; recusals: number; audit: number; exports: number };
}

let state: { db: CouncilDb; plan: SoakPlan; meetingId: string; now: () => string } | null = null;
let restored: CouncilDb | null = null;

function current() {
  if (!state) throw new Error('the soak is not set up');
  return state;
}

/** The council, the bundle imported through main's import session, the sync folder set, the meeting open with every case on its agenda. */
async function setUp(bundlePath: string, syncFolder: string, size: SoakSize): Promise<SoakSetUp> {
  await drop(DB_NAME);
  const db = openCouncilDb(DB_NAME);
  await db.open();
  await storeDemoMembers(db, { councilName: DEMO_COUNCIL_NAME, members: DEMO_MEMBERS.map((m) => ({ ...m, conflicts: m.conflicts.map((c) => ({ ...c })) })) });
  await api.setSecuritySettings({ change: { syncFolder } });
  const importStarted = performance.now();
  const outcome = await importBundle(db, api, { path: bundlePath });
  const importMs = performance.now() - importStarted;
  if (outcome.kind !== 'imported') throw new Error(`the soak's bundle was not imported: ${JSON.stringify(outcome).slice(0, 300)}`);
  const bundle = await db.bundles.get(outcome.bundleId);
  const rows = (await db.cases.where('bundleId').equals(outcome.bundleId).toArray()).sort((a, b) => a.caseId.localeCompare(b.caseId));
  const cases = rows.map((r) => ({ caseId: r.caseId, tier: r.suggestion.tier, award: r.suggestion.award, claimedLoss: r.claimedLoss, assessedLoss: r.assessedLoss }));
  const plan = makeSoakPlan(cases, { ...size, requiredDocuments: bundle?.manifest.policy.requiredDocuments ?? [] });

  // the soak's clock starts now, on the second; the meeting's date is its day in Seoul
  const startMs = Math.ceil(Date.now() / 1000) * 1000;
  const now = soakClock(startMs);
  const seoul = new Date(startMs + 9 * 3600_000).toISOString();
  const meetingId = `soak-${seoul.slice(0, 10)}`;
  await createMeeting(db, { meetingId, date: seoul.slice(0, 10), place: '협의체 회의실 (소크 시험)', startTime: seoul.slice(11, 16) }, now());
  const added = await addToAgenda(db, meetingId, cases.map((c) => c.caseId), now());
  if (added.agenda.length !== cases.length) throw new Error(`the agenda holds ${added.agenda.length} cases, not ${cases.length}`);
  await openMeeting(db, meetingId, now());
  state = { db, plan, meetingId, now };

  const keys = await api.getDeviceKeys();
  const made = keys.chair ?? (await api.createDeviceKey({ role: 'chair' })).chair;
  if (!made) throw new Error('this device has no chair key and cannot make one (passphrase protection?)');
  const steps = plan.rounds.flat();
  const { rounds: _rounds, ...summary } = plan;
  return {
    meetingId,
    cases: cases.length,
    importMs,
    plan: { ...summary, steps: steps.length, decisions: steps.filter((s) => s.kind === 'decide').length },
    chair: { keyid: made.keyid, publicKeyPem: made.publicKeyPem },
  };
}

/** Round k's steps, then the export that ends it (timed apart). */
async function round(k: number): Promise<SoakRound> {
  const { db, plan, meetingId, now } = current();
  const steps = plan.rounds[k];
  if (!steps) throw new Error(`the plan has no round ${k + 1}`);
  const times = noTimes();
  const started = performance.now();
  for (const step of steps) await runStep(db, meetingId, step, now, times);
  const ms = performance.now() - started;
  const exportStarted = performance.now();
  const outcome = await exportMeetingDecisions(db, api, meetingId, { language: 'ko', now: now() });
  const exportMs = performance.now() - exportStarted;
  if (outcome.kind !== 'exported') throw new Error(`round ${k + 1}'s export came to ${outcome.kind}: ${JSON.stringify(outcome).slice(0, 600)}`);
  const { fileName, sequence, state: written } = outcome.result;
  return { ms, times, export: { ms: exportMs, fileName, sequence, decisions: outcome.decisions.length, state: written } };
}

function latestOf(rows: readonly DecisionRow[]): Map<string, DecisionRow> {
  const latest = new Map<string, DecisionRow>();
  for (const d of rows) if ((latest.get(d.caseId)?.revision ?? 0) < d.revision) latest.set(d.caseId, d);
  return latest;
}

/** What the database holds once the meeting is through, and what the plan meant. */
async function final(): Promise<SoakFinal> {
  const { db, plan } = current();
  const all = await db.decisions.toArray();
  const latest = latestOf(all);
  const cases = await db.cases.bulkGet([...latest.keys()]);
  const decisions = [...latest.values()].map((d, i) => ({
    caseId: d.caseId, revision: d.revision, outcome: d.outcome, tier: d.tier, award: d.award, suggestedTier: cases[i]?.suggestion.tier ?? null,
  }));
  const planned = new Map<string, SoakFinal['planned'][number]>();
  for (const step of plan.rounds.flat()) {
    if (step.kind === 'decide') planned.set(step.decision.caseId, { caseId: step.decision.caseId, revision: step.decision.revision, outcome: step.decision.outcome, award: step.decision.award });
  }
  const rows = {
    votes: await db.votes.count(),
    proposals: await db.proposals.count(),
    decisions: all.length,
    recusals: await db.recusals.count(),
    audit: await db.audit.count(),
    exports: await db.exports.count(),
  };
  return { decisions, planned: [...planned.values()], rows };
}

/** The soak's backups and restore, through the app's own runners (soak-backup-page.ts). */
async function setBackupPassphrase(passphrase: string) {
  return setPassphrase(api, passphrase);
}

async function backup(kind: BackupKind) {
  return makeBackup(current().db, api, kind);
}

async function restore(path: string, passphrase: string) {
  restored?.close();
  const made = await restoreInto(RESTORED_DB_NAME, api, path, passphrase);
  restored = made.db;
  return made.restore;
}

/** The live database, or the restored one, as the comparison reads it (soak-profile-page.ts). */
async function profile(which: 'live' | 'restored', auditUpTo: number) {
  const db = which === 'live' ? current().db : restored;
  if (!db) throw new Error('nothing has been restored');
  return readSoakProfile(db, auditUpTo);
}

async function tearDown(): Promise<void> {
  state?.db.close();
  state = null;
  restored?.close();
  restored = null;
  await drop(DB_NAME);
  await drop(RESTORED_DB_NAME);
}

Object.assign(window, { councilSoakBench: { setUp, round, final, setBackupPassphrase, backup, restore, profile, tearDown } });

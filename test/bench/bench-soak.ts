/**
 * The soak (issue 14, part 6), in `npm run bench` (BENCH_ONLY=soak alone): one scripted meeting
 * of 2,000 cases in one run, in real Chromium against the real main-process handlers (launchApp:
 * browser mode's bridge, a temp user-data folder, the memory keychain, dialogs that confirm):
 * attendance changes, 5,000 votes, 50 reopened cases decided again, 10 exports of decision files
 * (chained by the notary into a temp sync folder), 3 backups through the app's own backup (a
 * passphrase set, the page's backup runner, main's encrypted file in <sync>/backup/: soak-backup.ts).
 * At the end, the independent recount of the signed files (soak-recount.ts) against the database,
 * and the last backup restored by the app's restore runner into a fresh database of the same
 * browser and compared with the live one (soak-restore-check.ts): any disagreement of either fails
 * the run. Printed: the total time, votes/s, each export's time, each backup's and the restore's
 * time and size, the peak heap of the page and of the Node process (main's handlers run in it).
 * BENCH_SOAK_CASES=N runs a smaller meeting of the same shape (votes 2.5 a case, a reopening per 40).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchApp, type RunningApp } from '../e2e/app-harness';
import { BENCH_PAGE_DIR, median } from './bench-browser';
import { writeCasesOnlyBundle } from './bench-bundles';
import type { Figure } from './bench-node';
import type { SoakRound, SoakSetUp, SoakSize } from './page/soak-bench';
import { restoreAndCompare, runBackupStep, setSoakPassphrase, type BackupStep, type RestoreStep } from './soak-backup';
import { recountSoak, type Recount } from './soak-recount';

const ROUNDS = 10;
/** Backups after these rounds (0-based): a third of the way, two thirds, and at the end. */
const BACKUP_AFTER = [2, 5, 9];
const SIGNING_TITLES = ['의결 파일 서명', 'Sign a decision file'];

function sizes(): { cases: number } & SoakSize {
  const cases = Number(process.env.BENCH_SOAK_CASES ?? 2_000);
  if (!Number.isInteger(cases) || cases < 100) throw new Error(`BENCH_SOAK_CASES: a whole number of at least 100, not ${process.env.BENCH_SOAK_CASES}`);
  return { cases, rounds: ROUNDS, votes: Math.round(cases * 2.5), reopenings: Math.round(cases / 40) };
}

/** The page's and this process's JS heap, sampled every half second; the peaks kept. */
async function heapSampler(app: RunningApp): Promise<{ stop(): Promise<{ pageMb: number; nodeMb: number }> }> {
  const cdp = await app.context.newCDPSession(app.page);
  const peak = { page: 0, node: 0 };
  const sample = async () => {
    peak.node = Math.max(peak.node, process.memoryUsage().heapUsed);
    const usage = (await cdp.send('Runtime.getHeapUsage').catch(() => null)) as { usedSize: number } | null;
    if (usage) peak.page = Math.max(peak.page, usage.usedSize);
  };
  await sample();
  const timer = setInterval(() => void sample(), 500);
  return {
    stop: async () => {
      clearInterval(timer);
      await sample();
      await cdp.detach().catch(() => undefined);
      return { pageMb: Math.round(peak.page / 1048576), nodeMb: Math.round(peak.node / 1048576) };
    },
  };
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const n = (v: number) => v.toLocaleString('en');

function printRecount(recount: Recount, kept: string): void {
  const tiers = Object.entries(recount.byTier).sort(([a], [b]) => a.localeCompare(b));
  console.log(`soak recount: ${recount.files} files, ${n(recount.entries)} decisions (${n(recount.cases)} cases, ${recount.revised} at revision 2), ${n(recount.proposalsRecounted)} proposals recounted, ${n(recount.votesCast)} votes cast`);
  for (const [tier, t] of tiers) console.log(`  ${tier.padEnd(4)} ${n(t.decisions).padStart(6)} decided: ${n(t.awarded)} awarded, ${n(t.rejected)} rejected, ${n(t.deferred)} deferred, ${n(t.amount)} KRW`);
  if (recount.ok) return;
  console.error(`\n!!! SOAK RECOUNT FAILED: ${recount.mismatches.length} disagreement(s) between the signed files and the database !!!`);
  for (const m of recount.mismatches.slice(0, 40)) console.error(`  - ${m}`);
  if (recount.mismatches.length > 40) console.error(`  ... and ${recount.mismatches.length - 40} more`);
  console.error(`the sync folder and backups are kept in ${kept}\n`);
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const phases = (times: Partial<Record<string, number>>) => Object.entries(times).map(([p, ms]) => `${p} ${s(ms ?? 0)}`).join(', ');

function describeBackup(b: BackupStep): string {
  return `${b.result.name} (${b.kind}), ${mb(b.result.bytes)} (rows.json ${mb(b.rowsBytes)}, ${b.evidence} evidence files) in ${s(b.ms)}: ${phases(b.phases)}; its audit entry ${Math.round(b.recordMs)} ms`;
}

function describeRestore(r: RestoreStep): string {
  const rows = Object.values(r.backup.tables).reduce((a, b) => a + b, 0);
  return `${r.backup.result.name}, ${mb(r.backup.result.bytes)}, ${n(rows)} rows, into a fresh database in ${s(r.restore.ms)}: ${phases(r.restore.phases)}`;
}

function printRestore(r: RestoreStep, kept: string): void {
  console.log(`soak restore: ${describeRestore(r)}`);
  if (r.live && r.restored) console.log(`  compared: ${Object.keys(r.live.counts).length} tables (rows and digests), ${n(Object.keys(r.live.decisions).length)} decision rows, the audit log up to its head #${r.backup.auditHead?.sequence ?? 0} and after it (read in ${s(r.live.ms + r.restored.ms)})`);
  if (r.ok) return;
  console.error(`\n!!! SOAK RESTORE FAILED: ${r.mismatches.length} difference(s) between the restored backup and the live database !!!`);
  for (const m of r.mismatches.slice(0, 40)) console.error(`  - ${m}`);
  if (r.mismatches.length > 40) console.error(`  ... and ${r.mismatches.length - 40} more`);
  console.error(`the sync folder and backups are kept in ${kept}\n`);
}

export async function soakFigures(dir: string, privateKeyPem: string): Promise<Figure[]> {
  const size = sizes();
  const bundle = path.join(dir, `soak-cases-${size.cases}.cdbundle`);
  if (!existsSync(bundle)) await writeCasesOnlyBundle(bundle, size.cases, privateKeyPem);
  const work = mkdtempSync(path.join(tmpdir(), 'cd-bench-soak-'));
  const sync = path.join(work, 'sync');
  mkdirSync(sync);
  const app = await launchApp({ pageDir: BENCH_PAGE_DIR });
  // the native confirmations (signing each file, the sync folder) are all confirmed, and kept for the count
  app.dialogs.confirm = async (request) => {
    app.dialogs.asked.push(request);
    return true;
  };
  let keep = false;
  try {
    await app.page.waitForFunction(() => 'councilSoakBench' in window);
    const heap = await heapSampler(app);
    const setUp = (await app.page.evaluate(async ([b, f, z]) => (window as any).councilSoakBench.setUp(b, f, z), [bundle, sync, size] as const)) as SoakSetUp;
    console.log(
      `soak: ${n(setUp.cases)} cases imported in ${s(setUp.importMs)}; the script: ${n(setUp.plan.steps)} steps, ${n(setUp.plan.decisions)} decisions, ${n(setUp.plan.votes)} votes, ` +
        `${setUp.plan.attendanceChanges} attendance changes, ${setUp.plan.reopenings} reopenings, ${setUp.plan.recusals} recusals, ${setUp.plan.failedProposals} failed proposals`,
    );
    const passphrase = await setSoakPassphrase(app, sync);
    console.log(`soak: backup passphrase set (setBackupPassphrase, scrypt in main) in ${Math.round(passphrase.ms)} ms`);
    const started = performance.now();
    const rounds: SoakRound[] = [];
    const backups: BackupStep[] = [];
    for (let k = 0; k < ROUNDS; k += 1) {
      const r = (await app.page.evaluate(async (i) => (window as any).councilSoakBench.round(i), k)) as SoakRound;
      rounds.push(r);
      console.log(`soak round ${k + 1}/${ROUNDS}: ${s(r.ms)}, ${r.times.votes.n} votes; ${r.export.fileName} (${r.export.decisions} decisions, ${r.export.state}) in ${Math.round(r.export.ms)} ms`);
      if (BACKUP_AFTER.includes(k)) {
        const b = await runBackupStep(app, sync, backups.length + 1);
        backups.push(b);
        console.log(`soak backup ${b.n}: ${describeBackup(b)}`);
      }
    }
    const totalMs = performance.now() - started;
    const final = await app.page.evaluate(async () => (window as any).councilSoakBench.final());
    const peak = await heap.stop();
    // the last backup restored beside the live database and compared with it (its own heap peak)
    const restoreHeap = await heapSampler(app);
    const restored = await restoreAndCompare(app, backups[backups.length - 1]!);
    const restorePeak = await restoreHeap.stop();
    const recount = recountSoak({ sync, chair: setUp.chair, db: final, files: ROUNDS, votes: size.votes });
    const signings = app.dialogs.asked.filter((a) => SIGNING_TITLES.some((t) => a.title.includes(t))).length;
    if (signings !== ROUNDS) recount.mismatches.push(`the signer was asked ${signings} times to confirm a decision file, not ${ROUNDS}`);
    recount.ok = recount.mismatches.length === 0;
    keep = !recount.ok || !restored.ok;
    printRecount(recount, work);
    printRestore(restored, work);
    if (app.problems.length > 0) console.warn(`the benchmark page reported: ${app.problems.join('; ')}`);

    const sum = (pick: (r: SoakRound) => { n: number; ms: number }) => rounds.reduce((acc, r) => ({ n: acc.n + pick(r).n, ms: acc.ms + pick(r).ms }), { n: 0, ms: 0 });
    const votes = sum((r) => r.times.votes);
    const [proposals, decisions, attendance] = [sum((r) => r.times.proposals), sum((r) => r.times.decisions), sum((r) => r.times.attendance)];
    const exports = rounds.map((r) => r.export);
    const label = `${n(size.cases)} cases, ${n(size.votes)} votes, ${size.reopenings} reopenings, ${ROUNDS} exports, ${BACKUP_AFTER.length} backups`;
    return [
      {
        name: `soak: one scripted meeting (${label}), recounted from its signed decision files`,
        value: recount.mismatches.length,
        unit: 'disagreements',
        target: '0: the recount from the files agrees with the database',
        baseline:
          `total ${s(totalMs)} (set-up apart: import ${s(setUp.importMs)}); ${recount.files} files signed by the chair key and chained, ${n(recount.entries)} decisions ` +
          `(${n(recount.cases)} cases at their highest revision, ${recount.revised} at revision 2), ${n(recount.proposalsRecounted)} proposals recounted, ${n(recount.votesCast)} votes cast; ` +
          `database: ${n(final.rows.votes)} vote rows, ${n(final.rows.decisions)} decisions, ${n(final.rows.audit)} audit entries`,
        pass: recount.ok,
      },
      {
        name: `soak: ${n(votes.n)} votes recorded one by one (recordVote, at a ${n(size.cases)}-case agenda)`,
        value: Math.round(votes.n / (votes.ms / 1000)),
        unit: 'votes/s',
        target: 'none set (reported)',
        baseline:
          `${s(votes.ms)} in recordVote (${(votes.ms / votes.n).toFixed(1)} ms a vote); over the whole meeting ${Math.round(votes.n / (totalMs / 1000))} votes/s of wall time; ` +
          `${n(proposals.n)} proposal opens and closes ${s(proposals.ms)}, ${n(decisions.n)} decisions ${s(decisions.ms)}, ${attendance.n} attendance changes ${s(attendance.ms)}`,
        pass: true,
      },
      {
        name: `soak: ${ROUNDS} decision exports through the notary (build, sign, write, read back), median`,
        value: Math.round(median(exports.map((e) => e.ms))),
        unit: 'ms',
        target: 'none set (reported)',
        baseline: `each (decisions: ms): ${exports.map((e) => `${e.decisions}: ${Math.round(e.ms)}`).join(', ')}; the longest ${Math.round(Math.max(...exports.map((e) => e.ms)))} ms`,
        pass: true,
      },
      {
        name: 'soak: peak JS heap of the page (sampled every 0.5 s)',
        value: peak.pageMb,
        unit: 'MB',
        target: 'none set (reported)',
        baseline: `the Node process (the main-process handlers and the harness): ${peak.nodeMb} MB`,
        pass: true,
      },
      {
        name: `soak: ${backups.length} backups through the app's backup (the page's runner, main's encrypted file in <sync>/backup/)`,
        value: Math.round(Math.max(...backups.map((b) => b.ms))),
        unit: 'ms (longest)',
        target: 'none set (reported)',
        baseline: `passphrase set in ${Math.round(passphrase.ms)} ms; ${backups.map((b) => `#${b.n} ${describeBackup(b)}`).join('; ')}`,
        pass: true,
      },
      {
        name: 'soak: the last backup restored by the app\'s restore runner into a fresh database, compared with the live one',
        value: restored.mismatches.length,
        unit: 'differences',
        target: '0: rows per table, every table\'s rows, decisions and the audit head agree',
        baseline: `${describeRestore(restored)}; peak JS heap of the page during it and the comparison ${restorePeak.pageMb} MB`,
        pass: restored.ok,
      },
    ];
  } catch (error) {
    keep = true;
    console.error(`soak: stopped; the sync folder and backups are kept in ${work}`);
    throw error;
  } finally {
    await app.page.evaluate(async () => (window as any).councilSoakBench?.tearDown()).catch(() => undefined);
    await app.close();
    if (!keep) rmSync(work, { recursive: true, force: true });
  }
}

/**
 * `npm run bench`: makes its bundles, measures, and prints each figure next to its target and
 * the baseline it is compared with, then writes test-results/bench/bench.json. Exit 1 when a
 * target is missed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importVersusBulkPut } from './bench-browser';
import { casesListFigures } from './bench-cases';
import { bulkVoteFigures } from './bench-meeting';
import { singleVoteFigures } from './bench-single-vote';
import { pdfFirstPage } from './bench-pdf';
import { writeCasesOnlyBundle, writeEvidenceBundle, writeLargeEntryBundle } from './bench-bundles';
import { decisionFileFigures } from './bench-decision-file';
import { minutesOfficeFigures } from './bench-minutes-office';
import { minutesPdfFigures } from './bench-minutes-pdf';
import { evidenceFigures } from './bench-evidence';
import { validateAgainstFloor } from './bench-evidence-validate';
import { realisticBatch, writeRealisticBundle } from './bench-evidence-bundle';
import { hostileChild, hostileFigures } from './bench-hostile';
import { soakFigures } from './bench-soak';
import { engineThroughput, peakMemoryChild, strictJsonCost, validatePeakMemory, validateThroughput, type Figure } from './bench-node';

const root = path.resolve(__dirname, '../..');
const trustPath = path.join(root, 'build/demo/demo-trust.json');

function printTable(figures: Figure[]): void {
  const rows = figures.map((f) => [f.pass ? 'ok  ' : 'MISS', f.name, `${f.value.toLocaleString('en')} ${f.unit}`, f.target, f.baseline ?? '']);
  const widths = [4, 0, 0, 0, 0].map((w, i) => Math.max(w, ...rows.map((r) => r[i]!.length)));
  for (const r of [['', 'figure', 'value', 'target', 'baseline / detail'], ...rows]) {
    console.log(r.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === '--peak-memory-child') {
    await peakMemoryChild(process.argv[3]!, process.argv[4]!);
    return;
  }
  if (process.argv[2] === '--hostile-child') {
    await hostileChild(process.argv[3]!);
    return;
  }
  const only = process.env.BENCH_ONLY ?? 'all';
  const dir = path.join(tmpdir(), 'council-desk-bench');
  mkdirSync(dir, { recursive: true });
  const key = readFileSync(path.join(root, 'build/demo/demo-issuer.key.pem'), 'utf8');
  const bundles = {
    cases: path.join(dir, 'cases-20000.cdbundle'),
    evidence: path.join(dir, 'evidence-2000x3.cdbundle'),
    large: path.join(dir, 'large-entry-200mb.cdbundle'),
    // about 1 GB: made once (some 30 s) and kept; the name changes when its content does
    batch: path.join(dir, 'realistic-451x4-v1.cdbundle'),
  };
  // deterministic content: a bundle left by an earlier run is the same file (BENCH_ONLY=hostile
  // and =soak make their own; BENCH_ONLY=meeting, =decisions and =minutes need none)
  if (!['hostile', 'meeting', 'decisions', 'minutes', 'soak'].includes(only)) {
    console.log(`making benchmark bundles in ${dir} …`);
    if (!existsSync(bundles.cases)) await writeCasesOnlyBundle(bundles.cases, 20_000, key);
    // BENCH_ONLY=json and =validate need only the cases bundle, =validate-evidence only it and the batch
    const casesOnly = only === 'json' || only === 'validate' || only === 'validate-evidence';
    if (!casesOnly && !existsSync(bundles.evidence)) await writeEvidenceBundle(bundles.evidence, 2_000, 3, 10_000, key);
    if (!casesOnly && !existsSync(bundles.large)) await writeLargeEntryBundle(bundles.large, 200 * 1024 * 1024);
    if ((only === 'all' || only === 'evidence' || only === 'validate-evidence') && !existsSync(bundles.batch)) await writeRealisticBundle(bundles.batch, key);
  }

  const figures: Figure[] = [];
  if (only === 'all' || only === 'node') {
    // BENCH_CASE_WORKERS=0 checks the case lines on the reading thread (the reader's default: worker threads)
    const caseWorkers = process.env.BENCH_CASE_WORKERS === undefined ? undefined : Number(process.env.BENCH_CASE_WORKERS);
    figures.push(await validateThroughput(bundles.cases, trustPath, 5, caseWorkers));
    figures.push(strictJsonCost(bundles.cases));
    figures.push(engineThroughput());
    const self = __filename;
    const small = validatePeakMemory(self, bundles.evidence, trustPath, '6,000 evidence files');
    const large = validatePeakMemory(self, bundles.large, trustPath, 'one 200 MB evidence entry');
    figures.push(small, large);
    const growth = large.value - small.value;
    figures.push({
      name: 'peak memory growth from the largest entry (200 MB entry vs 10 KB files)',
      value: growth,
      unit: 'MB',
      target: '<= 32 MB (independent of entry size)',
      baseline: `${large.value} MB vs ${small.value} MB`,
      pass: growth <= 32,
    });
  }
  if (only === 'json') figures.push(strictJsonCost(bundles.cases));
  // validate's throughput alone, against its floor (for comparing two builds quickly, turn by turn)
  if (only === 'validate') figures.push(await validateThroughput(bundles.cases, trustPath, 5, process.env.BENCH_CASE_WORKERS === undefined ? undefined : Number(process.env.BENCH_CASE_WORKERS)));
  // validate of the realistic batch alone, against its floor (the first figure of BENCH_ONLY=evidence, without the browser)
  if (only === 'validate-evidence') figures.push(await validateAgainstFloor(bundles.batch, trustPath, Number(process.env.BENCH_RUNS ?? 3)));
  if (only === 'all' || only === 'node' || only === 'hostile') figures.push(...(await hostileFigures(__filename, dir)));
  if (only === 'all' || only === 'browser') {
    figures.push(...(await importVersusBulkPut([{ label: '20,000 cases, no evidence', path: bundles.cases, fair: false }], Number(process.env.BENCH_RUNS ?? 3))));
  }
  // the 6,000-file bundle against the fair baseline, and the realistic 1 GB batch (BENCH_RUNS runs of it, 2 unless told)
  if (only === 'all' || only === 'evidence') {
    const evidence = { sixThousand: bundles.evidence, batch: bundles.batch, batchBundleId: realisticBatch().bundleId, trust: trustPath };
    figures.push(...(await evidenceFigures(evidence, Number(process.env.BENCH_RUNS ?? 3), Number(process.env.BENCH_RUNS ?? 2))));
  }
  // the 6,000-file bundle's import alone, against the fair baseline (for comparing two builds quickly)
  if (only === 'import-evidence') figures.push(...(await importVersusBulkPut([{ label: '2,000 cases with 6,000 evidence files (60 MB)', path: bundles.evidence, fair: true }], Number(process.env.BENCH_RUNS ?? 3))));
  if (only === 'all' || only === 'pdf') figures.push(...(await pdfFirstPage(Number(process.env.BENCH_RUNS ?? 5))));
  if (only === 'all' || only === 'browser' || only === 'cases') figures.push(...(await casesListFigures(Number(process.env.BENCH_RUNS ?? 7))));
  if (only === 'all' || only === 'meeting') {
    figures.push(...(await bulkVoteFigures(Number(process.env.BENCH_RUNS ?? 5))));
    figures.push(...(await singleVoteFigures(Number(process.env.BENCH_RUNS ?? 5) * 3)));
  }
  // one signed decision file of 10,000 decisions through the notary, against its floor
  if (only === 'all' || only === 'node' || only === 'decisions') figures.push(...(await decisionFileFigures(Number(process.env.BENCH_RUNS ?? 7))));
  // the minutes of a 500-case meeting as PDF, against page.pdf() of a static page of the same text; then the DOCX and the XLSX, printed
  if (only === 'all' || only === 'minutes') figures.push(...(await minutesPdfFigures(Number(process.env.BENCH_RUNS ?? 5))), ...(await minutesOfficeFigures(Number(process.env.BENCH_RUNS ?? 5))));
  // the soak: one scripted meeting of 2,000 cases, its signed decision files recounted independently
  if (only === 'all' || only === 'soak') figures.push(...(await soakFigures(dir, key)));
  console.log('');
  printTable(figures);
  const out = path.join(root, 'test-results/bench/bench.json');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ at: new Date().toISOString(), node: process.version, figures }, null, 2)}\n`);
  console.log(`\nwritten: ${path.relative(root, out)}`);
  if (figures.some((f) => !f.pass)) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});

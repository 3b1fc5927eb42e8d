/**
 * Node half of `npm run bench`: the bundle reader's validation throughput and its peak memory,
 * each printed next to its target. Peak memory is measured in a child process of its own
 * (VmHWM, the kernel's high-water mark of resident memory), so earlier work does not count.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { assessCase } from '../../shared/assessment';
import { kakao1015IncidentAndPolicy } from '../../shared/kakao-1015';
import { benchCase } from './bench-bundles';
import { readBundle, type CaseLineChecking, type CaseLineOptions } from '../../electron/services/bundle-reader';
import { loadTrustFile } from '../../electron/services/trust-file';
import { parseStrictJson } from '../../shared/json/strict-json';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  target: string;
  baseline?: string;
  pass: boolean;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** How the reader checked the case lines, for the figure's name: on worker threads, or on the reading thread (and why). */
function checkingLabel(how: CaseLineChecking | null): string {
  if (how === null) return 'case lines: not told';
  if (how.workers > 0) return `case lines on ${how.workers} worker thread${how.workers === 1 ? '' : 's'} and the reading thread (${how.linesInWorkers.toLocaleString('en')} / ${how.linesInThread.toLocaleString('en')} lines)`;
  return `case lines on the reading thread${how.fallback ? `: ${how.fallback}` : ''}`;
}

/** `workers`: the reader's default (undefined) or a number of case-line worker threads (0: none), e.g. from BENCH_CASE_WORKERS. */
export async function validateThroughput(bundlePath: string, trustPath: string, runs = 5, workers?: number): Promise<Figure> {
  const trust = loadTrustFile(trustPath).keys;
  const times: number[] = [];
  let cases = 0;
  let how: CaseLineChecking | null = null;
  const caseLines: CaseLineOptions = { onChecked: (h) => (how = h), ...(workers === undefined ? {} : { workers }) };
  for (let run = 0; run < runs; run += 1) {
    const started = process.hrtime.bigint();
    const report = await readBundle(bundlePath, { trust, requireSignature: true, caseLines });
    times.push(Number(process.hrtime.bigint() - started) / 1e9);
    if (!report.valid) throw new Error(`benchmark bundle does not validate: ${report.errors[0]?.message}`);
    cases = report.caseCount ?? 0;
  }
  const perSecond = Math.round(cases / median(times));
  const floor = parseFloor(bundlePath, runs);
  const floorS = floor.inflateS + floor.shaS + floor.parseS;
  const ratio = Math.round((floorS / median(times)) * 100) / 100;
  const ms = (s: number) => `${Math.round(s * 1000)} ms`;
  return {
    name: `validate ${cases.toLocaleString('en')} cases (Node, ${checkingLabel(how)}, median of ${runs}; the workers of one read are kept warm for the next)`,
    value: ratio,
    unit: 'x floor',
    target: '>= 1.0x the one-core floor (moonshot 1.5x)',
    baseline:
      `${ms(median(times))} per read (${perSecond.toLocaleString('en')} cases/s; the first, starting its workers: ${ms(times[0]!)}). This machine's floor for the same cases.ndjson, one core: inflate ${ms(floor.inflateS)} + SHA-256 ${ms(floor.shaS)} + ` +
      `JSON.parse of the ${floor.lines.toLocaleString('en')} lines alone ${ms(floor.parseS)} = ${ms(floorS)}, i.e. ${Math.round(floor.lines / floorS).toLocaleString('en')} cases/s before any check`,
    pass: ratio >= 1.0,
  };
}

/**
 * The floor: what the same cases.ndjson costs this machine in its three unavoidable steps alone,
 * each timed apart (median of `runs`): inflating it, SHA-256 over it, and JSON.parse of each line
 * already split and decoded. Their sum, on one core, bounds what any validator could reach here.
 */
function parseFloor(bundlePath: string, runs: number): { inflateS: number; shaS: number; parseS: number; lines: number } {
  const zipped = new Uint8Array(readFileSync(bundlePath));
  const timed = (work: () => void) => {
    const times: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const started = process.hrtime.bigint();
      work();
      times.push(Number(process.hrtime.bigint() - started) / 1e9);
    }
    return median(times);
  };
  const text = unzipSync(zipped, { filter: (f) => f.name === 'cases.ndjson' })['cases.ndjson']!;
  // node's zlib, as the reader uses, on the same bytes deflated the way the bundle writer does
  const deflated = deflateRawSync(text, { level: 6 });
  const inflateS = timed(() => void inflateRawSync(deflated));
  const shaS = timed(() => void createHash('sha256').update(text).digest('hex'));
  const lines = new TextDecoder().decode(text).split('\n').filter((line) => line !== '');
  const parseS = timed(() => {
    for (const line of lines) JSON.parse(line);
  });
  return { inflateS, shaS, parseS, lines: lines.length };
}

/**
 * What refusing duplicate keys costs on the hot path (issue 9): each case line of the benchmark's
 * cases.ndjson through JSON.parse alone and through parseStrictJson (JSON.parse plus the
 * duplicate-key detector), alternating in the same run, median of `runs` passes of each.
 */
export function strictJsonCost(bundlePath: string, runs = 9): Figure {
  const text = unzipSync(new Uint8Array(readFileSync(bundlePath)), { filter: (f) => f.name === 'cases.ndjson' })['cases.ndjson']!;
  const lines = new TextDecoder().decode(text).split('\n').filter((line) => line !== '');
  const perLine = (work: (line: string) => unknown) => {
    const started = process.hrtime.bigint();
    for (const line of lines) work(line);
    return Number(process.hrtime.bigint() - started) / 1e3 / lines.length;
  };
  const strict = (line: string) => {
    if (!parseStrictJson(line).ok) throw new Error('benchmark case line refused by parseStrictJson');
  };
  perLine(JSON.parse);
  perLine(strict);
  const plain: number[] = [];
  const checked: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    plain.push(perLine(JSON.parse));
    checked.push(perLine(strict));
  }
  const [p, c] = [median(plain), median(checked)];
  const ratio = c / p;
  const bytes = Math.round(text.length / lines.length);
  return {
    name: `strict JSON per case line (duplicate keys refused), ${lines.length.toLocaleString('en')} lines of ~${bytes.toLocaleString('en')} bytes, median of ${runs}`,
    value: Math.round(c * 100) / 100,
    unit: 'µs/line',
    target: '<= 1.5 x JSON.parse alone',
    baseline: `JSON.parse alone ${p.toFixed(2)} µs/line in the same run: the detector adds ${(c - p).toFixed(2)} µs (${Math.round((ratio - 1) * 100)}%)`,
    pass: ratio <= 1.5,
  };
}

/** In a child process of its own: validate once, then print the peak resident memory (VmHWM). */
export async function peakMemoryChild(bundlePath: string, trustPath: string): Promise<void> {
  const trust = loadTrustFile(trustPath).keys;
  const report = await readBundle(bundlePath, { trust, requireSignature: false });
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  process.stdout.write(JSON.stringify({ valid: report.valid, error: report.errors[0]?.message ?? null, peakKb: Number(hwm?.[1] ?? 0) }));
}

/** Runs peakMemoryChild in a fresh Node process (this same script) and reads its figure. */
export function validatePeakMemory(selfScript: string, bundlePath: string, trustPath: string, label: string): Figure {
  const out = execFileSync(process.execPath, [selfScript, '--peak-memory-child', bundlePath, trustPath], { encoding: 'utf8' });
  const result = JSON.parse(out) as { valid: boolean; error: string | null; peakKb: number };
  if (!result.valid) throw new Error(`benchmark bundle ${bundlePath} does not validate: ${result.error}`);
  const mb = Math.round(result.peakKb / 1024);
  const size = Math.round(statSync(bundlePath).size / 1024 / 1024);
  return { name: `validate peak memory (whole process), ${label}, ${size} MB bundle`, value: mb, unit: 'MB', target: '<= 300 MB', pass: mb <= 300 };
}

/** The tier engine over 100,000 cases (issue 4): one warm-up pass, then the median of three. */
export function engineThroughput(): Figure {
  const random = (() => {
    let a = 4;
    return () => ((a = (a * 1103515245 + 12345) % 2147483648) / 2147483648);
  })();
  const { incident, policy } = kakao1015IncidentAndPolicy();
  const cases = Array.from({ length: 100_000 }, (_, i) => {
    const record = benchCase(i + 1, random);
    return { ...record, dailySales: record.dailySales.filter(() => random() > 0.02) };
  });
  const pass = () => {
    const started = process.hrtime.bigint();
    let flagged = 0;
    for (const record of cases) flagged += assessCase(record, incident, policy).flags.length;
    return { seconds: Number(process.hrtime.bigint() - started) / 1e9, flagged };
  };
  pass();
  const runs = [pass(), pass(), pass()].map((r) => r.seconds);
  const perSecond = Math.round(cases.length / median(runs));
  return {
    name: 'tier engine over 100,000 cases (Node, after one warm-up pass, median of 3)',
    value: perSecond,
    unit: 'cases/s',
    target: '>= 100,000 cases/s',
    baseline: `${median(runs).toFixed(3)} s per pass`,
    pass: perSecond >= 100_000,
  };
}

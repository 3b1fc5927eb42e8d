/**
 * Hostile bundles (issue 9, FORMATS.md "work and memory are bounded by the bytes read"): a 1.4 MB
 * bundle of 254 MiB of "{}" lines and one of 250 MiB of blank lines, each validated in a child
 * process of its own (wall time and peak resident memory), next to the baseline of the same run:
 * inflating the same cases.ndjson entry and nothing else (node's zlib, 256 KiB chunks, streaming).
 * Then 50,000 one-byte listed files (a 7 MB bundle), unreferenced and pointed to by 500 cases, next
 * to unzipping the whole file in memory with fflate (every entry inflated, nothing checked).
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, readFileSync, rmSync } from 'node:fs';
import { createInflateRaw } from 'node:zlib';
import { unzipSync } from 'fflate';
import { readBundle } from '../../electron/services/bundle-reader';
import { writeBlankLinesBundle, writeBraceLinesBundle, type HostileBundle } from '../main/fixtures/hostile-bundles';
import { writeTinyEntriesBundle } from '../main/fixtures/tiny-entries';
import type { Figure } from './bench-node';

/** In a child process of its own: validate once, print the seconds and the peak memory (VmHWM). */
export async function hostileChild(bundlePath: string): Promise<void> {
  const started = process.hrtime.bigint();
  const report = await readBundle(bundlePath, { trust: [], requireSignature: false });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  process.stdout.write(JSON.stringify({ seconds, peakKb: Number(hwm?.[1] ?? 0), valid: report.valid, errorCount: report.errorCount, warnings: report.warnings.length, linesNotChecked: report.linesNotChecked ?? 0 }));
}

/** Inflating the bundle's cases.ndjson alone, streaming: what any reader must spend on it. */
async function inflateOnly(bundle: HostileBundle): Promise<number> {
  const started = process.hrtime.bigint();
  const source = createReadStream(bundle.path, { start: bundle.dataOffset, end: bundle.dataOffset + bundle.compressedSize - 1, highWaterMark: 256 * 1024 });
  let bytes = 0;
  for await (const chunk of source.pipe(createInflateRaw({ chunkSize: 256 * 1024 }))) bytes += (chunk as Buffer).length;
  if (bytes !== bundle.inflatedBytes) throw new Error(`inflated ${bytes} bytes, expected ${bundle.inflatedBytes}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

export async function hostileFigures(selfScript: string, dir: string): Promise<Figure[]> {
  const figures: Figure[] = [];
  const bundles: [string, HostileBundle][] = [
    ['254 MiB of "{}" lines', writeBraceLinesBundle(`${dir}/hostile-braces.cdbundle`)],
    ['250 MiB of blank lines', writeBlankLinesBundle(`${dir}/hostile-blank.cdbundle`)],
  ];
  for (const [label, bundle] of bundles) {
    const r = validateInChild(selfScript, bundle.path);
    const inflateRuns = [await inflateOnly(bundle), await inflateOnly(bundle), await inflateOnly(bundle)].sort((a, b) => a - b);
    const inflateS = inflateRuns[1]!;
    const mb = Math.round(r.peakKb / 1024);
    const size = (bundle.bytes / 1e6).toFixed(1);
    const lines = bundle.lines.toLocaleString('en');
    const verdict = r.valid ? `valid, ${r.warnings} warnings` : `refused, ${r.errorCount.toLocaleString('en')} errors, ${r.linesNotChecked.toLocaleString('en')} lines not checked`;
    figures.push({
      name: `validate a hostile ${size} MB bundle: ${label} (${lines} lines)`,
      value: Number(r.seconds.toFixed(2)),
      unit: 's',
      target: '<= 10 s',
      baseline: `inflating the same entry alone (median of 3): ${inflateS.toFixed(2)} s; ${verdict}`,
      pass: r.seconds <= 10,
    });
    figures.push({ name: `validate peak memory (whole process), ${label}`, value: mb, unit: 'MB', target: '<= 300 MB', pass: mb <= 300 });
    rmSync(bundle.path, { force: true });
  }
  for (const referenced of [false, true]) {
    const bundle = writeTinyEntriesBundle(`${dir}/hostile-tiny-${referenced ? 'referenced' : 'unreferenced'}.cdbundle`, 50_000, referenced);
    const r = validateInChild(selfScript, bundle.path);
    const unzipRuns = [unzipOnly(bundle.path), unzipOnly(bundle.path), unzipOnly(bundle.path)].sort((a, b) => a - b);
    const label = `50,000 one-byte listed files${referenced ? ` that ${bundle.cases} cases point to` : ', unreferenced'}`;
    const verdict = r.valid ? `valid, ${r.warnings} warnings kept` : `refused, ${r.errorCount.toLocaleString('en')} errors`;
    figures.push({
      name: `validate a hostile ${(bundle.bytes / 1e6).toFixed(1)} MB bundle: ${label}`,
      value: Number(r.seconds.toFixed(2)),
      unit: 's',
      target: '<= 10 s',
      baseline: `unzipping the whole file in memory with fflate (median of 3): ${unzipRuns[1]!.toFixed(2)} s; ${verdict}`,
      pass: r.seconds <= 10,
    });
    const mb = Math.round(r.peakKb / 1024);
    figures.push({ name: `validate peak memory (whole process), ${label}`, value: mb, unit: 'MB', target: '<= 300 MB', pass: mb <= 300 });
    rmSync(bundle.path, { force: true });
  }
  return figures;
}

interface ChildFigures {
  seconds: number;
  peakKb: number;
  valid: boolean;
  errorCount: number;
  warnings: number;
  linesNotChecked: number;
}

function validateInChild(selfScript: string, bundlePath: string): ChildFigures {
  return JSON.parse(execFileSync(process.execPath, [selfScript, '--hostile-child', bundlePath], { encoding: 'utf8' })) as ChildFigures;
}

/** Every entry inflated, the whole file in memory, nothing checked: a floor for 50,000 entries. */
function unzipOnly(path: string): number {
  const started = process.hrtime.bigint();
  const entries = unzipSync(readFileSync(path));
  if (Object.keys(entries).length < 50_000) throw new Error('the tiny-entries bundle lost entries');
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/**
 * Hostile bundles (issue 9, FORMATS.md "work and memory are bounded by the bytes read"): a 1.4 MB
 * bundle of 254 MiB of "{}" lines and one of 250 MiB of blank lines, each validated in a child
 * process of its own (wall time and peak resident memory), next to the baseline of the same run:
 * inflating the same cases.ndjson entry and nothing else (node's zlib, 256 KiB chunks, streaming).
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, readFileSync, rmSync } from 'node:fs';
import { createInflateRaw } from 'node:zlib';
import { readBundle } from '../../electron/services/bundle-reader';
import { writeBlankLinesBundle, writeBraceLinesBundle, type HostileBundle } from '../main/fixtures/hostile-bundles';
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
    const out = execFileSync(process.execPath, [selfScript, '--hostile-child', bundle.path], { encoding: 'utf8' });
    const r = JSON.parse(out) as { seconds: number; peakKb: number; valid: boolean; errorCount: number; warnings: number; linesNotChecked: number };
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
  return figures;
}

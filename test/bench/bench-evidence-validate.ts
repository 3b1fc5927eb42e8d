/**
 * validate of the realistic batch (Node, electron/services/bundle-reader, as bench-node.ts's
 * validateThroughput runs it) against its floor measured in the same run: inflating every entry
 * and hashing what comes out, on one core, nothing checked, nothing handed on.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { readBundle } from '../../electron/services/bundle-reader';
import { loadTrustFile } from '../../electron/services/trust-file';
import { median } from './bench-browser';
import type { Figure } from './bench-node';

const MiB = 1024 * 1024;
const mb = (bytes: number) => Math.round(bytes / MiB);
const round2 = (value: number) => Math.round(value * 100) / 100;

interface ZipEntry {
  name: string;
  method: number;
  packed: number;
  size: number;
  /** Where its data starts. */
  data: number;
}

/** The entries of a ZIP without a comment or ZIP64 records (the benchmark's own). */
function zipEntries(fd: number): ZipEntry[] {
  const size = fstatSync(fd).size;
  const end = Buffer.alloc(22);
  readSync(fd, end, 0, 22, size - 22);
  if (end.readUInt32LE(0) !== 0x06054b50) throw new Error('the benchmark ZIP has a comment or is not a ZIP');
  const directory = Buffer.alloc(end.readUInt32LE(12));
  readSync(fd, directory, 0, directory.length, end.readUInt32LE(16));
  const entries: ZipEntry[] = [];
  const local = Buffer.alloc(30);
  for (let at = 0; at < directory.length; ) {
    const nameLength = directory.readUInt16LE(at + 28);
    const offset = directory.readUInt32LE(at + 42);
    readSync(fd, local, 0, 30, offset);
    entries.push({
      name: directory.toString('utf8', at + 46, at + 46 + nameLength),
      method: directory.readUInt16LE(at + 10),
      packed: directory.readUInt32LE(at + 20),
      size: directory.readUInt32LE(at + 24),
      data: offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28),
    });
    at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
  }
  return entries;
}

/**
 * The floor: inflating every entry and hashing what comes out, on one core, each entry's packed
 * bytes read beforehand (not timed). Nothing is checked, nothing handed on.
 */
function inflateShaFloor(bundlePath: string): { seconds: number; cpuSeconds: number; bytes: number; evidence: number } {
  const fd = openSync(bundlePath, 'r');
  let seconds = 0;
  let cpuSeconds = 0;
  let bytes = 0;
  let evidence = 0;
  try {
    for (const entry of zipEntries(fd)) {
      if (entry.name.startsWith('evidence/')) evidence += 1;
      const packed = Buffer.allocUnsafe(entry.packed);
      readSync(fd, packed, 0, entry.packed, entry.data);
      const started = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      const data = entry.method === 8 ? inflateRawSync(packed) : packed;
      createHash('sha256').update(data).digest('hex');
      seconds += Number(process.hrtime.bigint() - started) / 1e9;
      cpuSeconds += cpuOf(process.cpuUsage(cpu));
      bytes += data.length;
    }
  } finally {
    closeSync(fd);
  }
  return { seconds, cpuSeconds, bytes, evidence };
}

/** CPU seconds of a process.cpuUsage() difference (every thread of the process). */
const cpuOf = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1e6;

export async function validateAgainstFloor(bundlePath: string, trustPath: string, runs: number): Promise<Figure> {
  const trust = loadTrustFile(trustPath).keys;
  const times: number[] = [];
  const floors: number[] = [];
  const cpus: number[] = [];
  const floorCpus: number[] = [];
  let bytes = 0;
  let files = 0;
  for (let run = 0; run < runs; run += 1) {
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const report = await readBundle(bundlePath, { trust, requireSignature: true });
    times.push(Number(process.hrtime.bigint() - started) / 1e9);
    cpus.push(cpuOf(process.cpuUsage(cpu)));
    if (!report.valid) throw new Error(`the realistic bundle does not validate: ${report.errors[0]?.message}`);
    const floor = inflateShaFloor(bundlePath);
    files = floor.evidence;
    floors.push(floor.seconds);
    floorCpus.push(floor.cpuSeconds);
    bytes = floor.bytes;
  }
  const [s, floorS] = [median(times), median(floors)];
  const ratio = floorS / s;
  return {
    name: `validate the realistic batch (${files.toLocaleString('en')} evidence files, ${mb(bytes).toLocaleString('en')} MiB inflated; Node, median of ${runs})`,
    value: round2(ratio),
    unit: 'x floor',
    target: '>= 0.8x the floor (inflate + SHA-256 of the same entries, one core)',
    baseline:
      `validate ${s.toFixed(2)} s (${Math.round(mb(bytes) / s)} MiB/s; runs ${times.map((t) => t.toFixed(2)).join(', ')}); floor ${floorS.toFixed(2)} s (${Math.round(mb(bytes) / floorS)} MiB/s; ${floors.map((t) => t.toFixed(2)).join(', ')}), the packed bytes read beforehand; ` +
      `CPU (every thread) validate ${median(cpus).toFixed(2)} s, floor ${median(floorCpus).toFixed(2)} s`,
    pass: ratio >= 0.8,
  };
}

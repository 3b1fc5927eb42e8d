/** Bundle files for the end-to-end tests, made on the fly in a temporary folder. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { generateDemoBundleContent } from '../../electron/services/demo-data';
import { writeBundleFile } from '../../electron/services/bundle-zip-writer';
import { writeEvidenceBundle } from '../bench/bench-bundles';

const root = path.resolve(__dirname, '../..');
export const DEMO_KEY = readFileSync(path.join(root, 'build/demo/demo-issuer.key.pem'), 'utf8');

export function tempFolder(): string {
  return mkdtempSync(path.join(tmpdir(), 'council-desk-e2e-'));
}

/** Cases B-000001… (no clash with the demo bundle's 1015-… ids), with PDF evidence. */
export async function benchStyleBundle(file: string, cases: number, filesPerCase = 2, fileSize = 4096): Promise<string> {
  mkdirSync(path.dirname(file), { recursive: true });
  await writeEvidenceBundle(file, cases, filesPerCase, fileSize, DEMO_KEY);
  return file;
}

/** A demo bundle of another batch: its case ids 1015-000001… come back as revisions. */
export async function demoBatch(file: string, cases: number, seed: number, signed = true): Promise<string> {
  const content = await generateDemoBundleContent({ cases, seed });
  await writeBundleFile(file, content, signed ? { privateKeyPem: DEMO_KEY } : {});
  return file;
}

/**
 * A copy of a bundle with two faults: line 2 of cases.ndjson gets an impossible registration
 * number (so its hash differs too), and one evidence file is dropped.
 */
export function brokenCopy(source: string, file: string): string {
  const entries = unzipSync(new Uint8Array(readFileSync(source)));
  const lines = new TextDecoder().decode(entries['cases.ndjson']).split('\n');
  const second = JSON.parse(lines[1]!);
  second.business.registrationNo = '12-34';
  lines[1] = JSON.stringify(second);
  entries['cases.ndjson'] = new TextEncoder().encode(lines.join('\n'));
  const dropped = Object.keys(entries).find((name) => name.startsWith('evidence/'))!;
  delete entries[dropped];
  writeFileSync(file, zipSync(entries));
  return file;
}

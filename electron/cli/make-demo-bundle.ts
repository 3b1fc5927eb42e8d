/**
 * council-desk make-demo-bundle --out FILE [--cases N] [--seed S] [--sign-key PEM]:
 * the demo data generator's content, written as a deterministic .cdbundle.
 */
import type { BundleContent } from '../services/bundle-content';
import { writeBundleFile } from '../services/bundle-zip-writer';
import { readPrivateKey } from '../services/keys';
import { integerFlag, optionalString, parseCommandArgs, requiredString, UsageError, type CliIo, type ParsedArgs } from './args';

export const DEFAULT_DEMO_CASES = 60;
export const DEFAULT_DEMO_SEED = 1015;
/** Each case carries about 13 KB of evidence, all held in memory until the bundle is written. */
export const MAX_DEMO_CASES = 20_000;

export type DemoContentGenerator = (opts: { cases: number; seed: number }) => Promise<BundleContent>;

/** --cases, with its own message when the number is simply too large. */
function casesFlag(args: ParsedArgs): number {
  const text = optionalString(args, 'cases');
  if (text !== undefined && /^\d+$/.test(text) && Number(text) > MAX_DEMO_CASES) {
    throw new UsageError(
      `--cases must be at most ${MAX_DEMO_CASES.toLocaleString('en-US')} (each case holds about 13 KB of evidence in memory until the bundle is written), not ${text}`,
    );
  }
  return integerFlag(args, 'cases', 1, MAX_DEMO_CASES, DEFAULT_DEMO_CASES);
}

/** The demo data generator, loaded only when this command runs (keygen does not need it). */
async function defaultGenerator(): Promise<DemoContentGenerator> {
  return (await import('../services/demo-data')).generateDemoBundleContent;
}

export async function runMakeDemoBundle(argv: readonly string[], io: CliIo, generator?: DemoContentGenerator): Promise<number> {
  const args = parseCommandArgs(argv, {
    out: { type: 'string' },
    cases: { type: 'string' },
    seed: { type: 'string' },
    'sign-key': { type: 'string' },
  });
  const out = requiredString(args, 'out');
  const cases = casesFlag(args);
  const seed = integerFlag(args, 'seed', 0, 0xffff_ffff, DEFAULT_DEMO_SEED);
  const keyPath = optionalString(args, 'sign-key');
  const privateKeyPem = keyPath === undefined ? undefined : readPrivateKey(keyPath);

  const generate = generator ?? (await defaultGenerator());
  const content = await generate({ cases, seed });
  const written = await writeBundleFile(out, content, privateKeyPem === undefined ? {} : { privateKeyPem });
  const signed = written.signedBy === null ? 'unsigned' : `signed by ${written.signedBy}`;
  io.stdout(`wrote ${written.path}: ${written.caseCount} cases, ${written.fileCount} files, ${written.bytes} bytes, ${signed}\n`);
  return 0;
}

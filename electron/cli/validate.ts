/**
 * council-desk validate BUNDLE [--trust FILE] [--require-signature] [--json]: every check of the
 * bundle reader, without importing. Exit 0 valid, 1 invalid, 2 wrong usage. --json prints the
 * shape of FORMATS.md ({valid, bundleId, caseCount, signedBy, errors, warnings} plus extras).
 */
import type { BundleReport } from '../../shared/bundle-report';
import type { Problem } from '../../shared/problems/problem';
import type { TrustedKey } from '../../shared/schemas/trust-file';
import { readBundle, reportText } from '../services/bundle-reader';
import { loadTrustFile, TrustFileInvalidError } from '../services/trust-file';
import { optionalString, parseCommandArgs, type CliIo } from './args';

/** validate --json: FORMATS.md's fields first, then the extras. */
export function validateJson(report: BundleReport): string {
  const problem = (p: Problem) => ({ file: p.file, line: p.line, path: p.path, message: p.message, kind: p.kind });
  return `${JSON.stringify({
    valid: report.valid,
    bundleId: report.bundleId,
    caseCount: report.caseCount,
    signedBy: report.signedBy,
    errors: report.errors.map(problem),
    warnings: report.warnings.map(problem),
    fileName: report.fileName,
    signature: report.signature,
    errorCount: report.errorCount,
    linesNotChecked: report.linesNotChecked ?? 0,
    filesNotChecked: report.filesNotChecked ?? 0,
  })}\n`;
}

/** A report for a bundle that was never read because the trust file is unusable: its problems, of kind signature. */
export function trustFileReport(fileName: string, problems: readonly Problem[]): BundleReport {
  return {
    valid: false,
    fileName,
    bundleId: null,
    caseCount: null,
    signedBy: null,
    signature: null,
    errors: problems.map((p) => ({ ...p, kind: 'signature' as const })),
    warnings: [],
    errorCount: problems.length,
  };
}

/** Reads --trust: the keys, or the problems that make the file unusable. */
export function trustKeys(trustPath: string | undefined): { keys: TrustedKey[] } | { problems: readonly Problem[] } {
  if (trustPath === undefined) return { keys: [] };
  try {
    return { keys: loadTrustFile(trustPath).keys };
  } catch (e) {
    if (e instanceof TrustFileInvalidError) return { problems: e.problems };
    throw e;
  }
}

export async function runValidate(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(argv, { trust: { type: 'string' }, 'require-signature': { type: 'boolean' }, json: { type: 'boolean' } }, { min: 1, max: 1, name: 'BUNDLE' });
  const bundlePath = args.positionals[0]!;
  const trustPath = optionalString(args, 'trust');
  const json = args.values.json === true;
  const requireSignature = args.values['require-signature'] === true;

  const trust = trustKeys(trustPath);
  const report =
    'problems' in trust
      ? trustFileReport(bundlePath, trust.problems)
      : await readBundle(bundlePath, { fileName: bundlePath, trust: trust.keys, requireSignature });
  if (requireSignature && trustPath === undefined && !json) {
    io.stderr('council-desk validate: --require-signature without --trust: no key is trusted, so no bundle can pass\n');
  }
  io.stdout(json ? validateJson(report) : reportText(report));
  return report.valid ? 0 : 1;
}

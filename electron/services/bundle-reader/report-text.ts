/**
 * A bundle report as text for people: a short summary, then the problems grouped by kind, each
 * one line of the shared formatter ("cases.ndjson line 12, business.registrationNo: must be ...").
 * Used by `council-desk validate`.
 */
import type { BundleReport } from '../../../shared/bundle-report';
import { PROBLEM_KINDS, type Problem, type ProblemKind } from '../../../shared/problems/problem';
import { formatProblem } from '../../../shared/problems/problem-format';

export const KIND_TITLES: Record<ProblemKind, string> = {
  zip: 'Unreadable or damaged ZIP',
  limits: 'Size limits (zip bomb protection)',
  'entry-name': 'Unsafe file names',
  manifest: 'Manifest',
  policy: 'Policy tier table',
  signature: 'Signature',
  files: 'Files listed in the manifest',
  hash: 'Changed files (SHA-256 differs)',
  case: 'Cases',
  evidence: 'Evidence',
};

function plural(n: number, one: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : `${one}s`}`;
}

export function signatureText(report: Pick<BundleReport, 'signature'>): string {
  const s = report.signature;
  if (s === null) return 'unknown (the manifest could not be read)';
  if (s.state === 'trusted') return `signed by ${s.name} (key ${s.keyid})`;
  if (s.state === 'untrusted') return `signed by key ${s.keyid}, which the trust file does not trust as a bundle issuer`;
  return 'not signed';
}

function grouped(problems: readonly Problem[]): string[] {
  const lines: string[] = [];
  for (const kind of PROBLEM_KINDS) {
    const group = problems.filter((p) => p.kind === kind);
    if (group.length === 0) continue;
    lines.push(`  ${KIND_TITLES[kind]} (${group.length})`);
    for (const p of group) lines.push(`    ${formatProblem(p)}`);
  }
  return lines;
}

export function reportText(report: BundleReport): string {
  const verdict = report.valid ? 'VALID' : 'NOT VALID';
  const counts = [plural(report.errorCount, 'error'), plural(report.warnings.length, 'warning')].join(', ');
  const lines = [`${report.fileName}: ${verdict} (${counts})`];
  if (report.bundleId !== null) {
    lines.push(`  bundle ${report.bundleId}${report.caseCount !== null ? `, ${plural(report.caseCount, 'case')}` : ''}`);
  }
  lines.push(`  signature: ${signatureText(report)}`);
  if (report.errors.length > 0) {
    lines.push('', 'Errors:', ...grouped(report.errors));
    const hidden = report.errorCount - report.errors.length;
    if (hidden > 0) lines.push(`  (and ${plural(hidden, 'more error')} not listed)`);
  }
  if (report.warnings.length > 0) lines.push('', 'Warnings:', ...grouped(report.warnings));
  return `${lines.join('\n')}\n`;
}

/**
 * What `council-desk verify` found, and how it prints: --json in FORMATS.md's shape
 * ({valid, payloadType, keyid, signer, summary, errors} plus extras; each error with its stable
 * code besides FORMATS.md's file, line, path and message), or a few lines for people.
 */
import type { Problem } from '../../shared/problems/problem';
import { formatProblem } from '../../shared/problems/problem-format';

export interface VerifyResult {
  valid: boolean;
  /** What the file is: a decision file, a minutes attestation or a case bundle. */
  kind: 'decisions' | 'minutes' | 'bundle';
  file: string;
  payloadType: string | null;
  /** The key the signature verified with; else the key the signature names (a hint), or null. */
  keyid: string | null;
  /** Decisions and minutes: the signer written inside the payload. Bundles: the trusted key that signed it. */
  signer: Record<string, unknown> | null;
  /** The trusted key that verified the signature (name from the trust file or the --key file name). */
  verifiedBy: { keyid: string; name: string } | null;
  summary: Record<string, unknown>;
  /** The problems found; only a bundle's have a `kind`. A minutes attestation warns of a listed decision file not found. */
  errors: Problem[];
  warnings: Problem[];
}

export function verifyJson(r: VerifyResult): string {
  const problem = (p: Problem) => ({ file: p.file, line: p.line, path: p.path, message: p.message, code: p.code, ...(p.kind ? { kind: p.kind } : {}) });
  return `${JSON.stringify({
    valid: r.valid,
    payloadType: r.payloadType,
    keyid: r.keyid,
    signer: r.signer,
    summary: r.summary,
    errors: r.errors.map(problem),
    kind: r.kind,
    file: r.file,
    verifiedBy: r.verifiedBy,
    warnings: r.warnings.map(problem),
  })}\n`;
}

const text = (v: unknown): string => (v === null || v === undefined ? '?' : typeof v === 'number' ? v.toLocaleString('en-US') : String(v));

function summaryLines(r: VerifyResult): string[] {
  const s = r.summary;
  if (r.kind === 'bundle') {
    return [`  bundle ${text(s.bundleId)} "${text(s.title)}": ${text(s.caseCount)} cases, issued by ${text(s.issuer)}`];
  }
  const totals = (s.totals ?? null) as Record<string, unknown> | null;
  const lines = r.kind === 'minutes' ? minutesLines(s) : [`  decision file: meeting ${text(s.meetingId)}, sequence ${text(s.sequence)}, ${text(s.decisions)} decisions`];
  if (totals) {
    lines.push(`  totals: ${text(totals.awarded)} awarded, ${text(totals.rejected)} rejected, ${text(totals.deferred)} deferred; ${text(totals.amount)} won in all`);
  }
  const signer = r.signer;
  if (signer) lines.push(`  signed, it says, by ${text(signer.name)} (${text(signer.memberId)}) as ${text(signer.role)}`);
  return lines;
}

/** Each listed file and decision file with what was found of it. */
function minutesLines(s: Record<string, unknown>): string[] {
  const listed = (key: string) => (Array.isArray(s[key]) ? (s[key] as { name?: unknown; status?: unknown }[]) : []);
  const files = listed('files');
  const decisionFiles = listed('decisionFiles');
  return [
    `  minutes attestation: meeting ${text(s.meetingId)}, ${files.length} files, ${decisionFiles.length} decision files${s.totalsRecounted === true ? ' (totals recounted from them)' : ''}`,
    ...files.map((f) => `    ${text(f.name)}: ${text(f.status)}`),
    ...decisionFiles.map((f) => `    ${text(f.name)}: ${text(f.status)}`),
  ];
}

export function verifyText(r: VerifyResult): string {
  const lines = [`${r.file}: ${r.valid ? 'VERIFIED' : 'DOES NOT VERIFY'}`];
  if (r.verifiedBy) lines.push(`  signature: good, by ${r.verifiedBy.name} (key ${r.verifiedBy.keyid})`);
  else if (r.keyid) lines.push(`  signature: not verified (it names key ${r.keyid})`);
  lines.push(...summaryLines(r));
  if (r.errors.length > 0) lines.push('', 'Errors:', ...r.errors.map((p) => `  ${formatProblem(p)}`));
  if (r.warnings.length > 0) lines.push('', 'Warnings:', ...r.warnings.map((p) => `  ${formatProblem(p)}`));
  return `${lines.join('\n')}\n`;
}

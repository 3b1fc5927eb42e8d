/**
 * council-desk suggest BUNDLE... [--trust FILE] [--json] [--lang en|ko]: per case the claimed and
 * assessed loss, the suggested tier and award, the flags and the reasons (FORMATS.md). Duplicates
 * are looked for across all the bundles named. Any bundle that does not validate: its errors go to
 * stderr and nothing is suggested (exit 1). Unsigned or untrusted bundles are allowed (nothing is
 * imported), with a note on stderr.
 */
import { assessCase, reasonsText } from '../../shared/assessment';
import { duplicateFlagText, findDuplicates, sortFlags, type DuplicateCaseSummary, type DuplicateFlag } from '../../shared/duplicate-flags';
import { formatAmount, isLanguage, type Language } from '../../shared/i18n';
import { isValidRegistrationNo } from '../../shared/registration-number';
import type { BundleManifest } from '../../shared/schemas/bundle-manifest';
import type { CaseRecord } from '../../shared/schemas/case-record';
import { formatProblem } from '../../shared/problems/problem-format';
import { readBundleWithManifest } from '../services/bundle-reader';
import { signatureText } from '../services/bundle-reader/report-text';
import { optionalString, parseCommandArgs, UsageError, type CliIo } from './args';
import { trustKeys } from './validate';

/** One case's suggestion: FORMATS.md's fields first, then the extras. */
export interface Suggestion {
  caseId: string;
  claimedLoss: number;
  assessedLoss: number | null;
  tier: string | null;
  award: number | null;
  flags: string[];
  reasons: string[];
  bundleId: string;
  suggestionAmount: number;
  duplicates: DuplicateFlag[];
}

interface ReadBundle {
  path: string;
  manifest: BundleManifest;
  cases: CaseRecord[];
}

export function suggestionsFor(bundles: readonly ReadBundle[], lang: Language): Suggestion[] {
  const summaries: DuplicateCaseSummary[] = [];
  for (const b of bundles) {
    for (const c of b.cases) {
      summaries.push({
        caseId: c.caseId,
        bundleId: b.manifest.bundleId,
        registrationNo: c.business.registrationNo,
        bankAccountFingerprint: c.bankAccountFingerprint,
        documentHashes: c.documents.map((d) => b.manifest.files[d.file]).filter((h): h is string => h !== undefined),
      });
    }
  }
  const duplicates = findDuplicates(summaries);
  const out: Suggestion[] = [];
  for (const b of bundles) {
    for (const c of b.cases) {
      const a = assessCase(c, b.manifest.incident, b.manifest.policy);
      const dups = duplicates.get(c.caseId) ?? [];
      const flags: string[] = [...a.flags, ...dups.map((d) => d.code)];
      const reasons = reasonsText(a, lang);
      if (!flags.includes('REGISTRATION_NO_INVALID') && !isValidRegistrationNo(c.business.registrationNo)) {
        flags.push('REGISTRATION_NO_INVALID');
        reasons.push(lang === 'ko' ? `사업자등록번호 ${c.business.registrationNo}의 검증 숫자가 맞지 않습니다.` : `The registration number ${c.business.registrationNo} fails its check digit.`);
      }
      reasons.push(...dups.map((d) => duplicateFlagText(d, lang)));
      out.push({
        caseId: c.caseId,
        claimedLoss: c.claimedLoss,
        assessedLoss: a.assessedLoss,
        tier: a.tier?.id ?? null,
        award: a.tier === null ? null : a.award,
        flags: sortFlags(flags),
        reasons,
        bundleId: b.manifest.bundleId,
        suggestionAmount: a.suggestionAmount,
        duplicates: dups,
      });
    }
  }
  return out;
}

function pad(text: string, width: number, right = false): string {
  const n = [...text].length;
  if (n >= width) return text;
  return right ? ' '.repeat(width - n) + text : text + ' '.repeat(width - n);
}

/** The table for people, then a count per tier and per flag. */
export function suggestionTable(suggestions: readonly Suggestion[]): string {
  const header = ['case', 'claimed', 'assessed', 'tier', 'award', 'flags'];
  const rows = suggestions.map((s) => [
    s.caseId,
    formatAmount(s.claimedLoss),
    s.assessedLoss === null ? '-' : formatAmount(s.assessedLoss),
    s.tier ?? 'reject',
    s.tier === null ? '-' : s.award === null ? 'council' : formatAmount(s.award),
    s.flags.join(' '),
  ]);
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...r[i]!].length)));
  const right = [false, true, true, false, true, false];
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]!, right[i])))
      .join('  ')
      .trimEnd();
  const lines = [line(header), ...rows.map(line)];

  const tierCounts = new Map<string, number>();
  for (const s of suggestions) tierCounts.set(s.tier ?? 'reject (no loss shown)', (tierCounts.get(s.tier ?? 'reject (no loss shown)') ?? 0) + 1);
  const tierNames = [...tierCounts.keys()].sort((a, b) => (a.startsWith('reject') ? 1 : b.startsWith('reject') ? -1 : a < b ? -1 : a > b ? 1 : 0));
  lines.push('', `${suggestions.length.toLocaleString('en-US')} case${suggestions.length === 1 ? '' : 's'}`, 'Per tier:');
  for (const t of tierNames) lines.push(`  ${t}: ${tierCounts.get(t)}`);
  const flagCounts = new Map<string, number>();
  for (const s of suggestions) for (const f of s.flags) flagCounts.set(f, (flagCounts.get(f) ?? 0) + 1);
  lines.push('Per flag:');
  if (flagCounts.size === 0) lines.push('  (none)');
  for (const f of sortFlags(flagCounts.keys())) lines.push(`  ${f}: ${flagCounts.get(f)}`);
  return `${lines.join('\n')}\n`;
}

/** --json: one line per case, FORMATS.md's seven fields first. */
export function suggestionJson(s: Suggestion): string {
  return `${JSON.stringify({
    caseId: s.caseId,
    claimedLoss: s.claimedLoss,
    assessedLoss: s.assessedLoss,
    tier: s.tier,
    award: s.award,
    flags: s.flags,
    reasons: s.reasons,
    bundleId: s.bundleId,
    suggestionAmount: s.suggestionAmount,
    duplicates: s.duplicates,
  })}\n`;
}

export async function runSuggest(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(argv, { trust: { type: 'string' }, json: { type: 'boolean' }, lang: { type: 'string' } }, { min: 1, max: Number.MAX_SAFE_INTEGER, name: 'BUNDLE' });
  const trustPath = optionalString(args, 'trust');
  const json = args.values.json === true;
  const lang = optionalString(args, 'lang') ?? 'en';
  if (!isLanguage(lang)) throw new UsageError(`--lang must be en or ko, not "${lang}"`);

  const trust = trustKeys(trustPath);
  if ('problems' in trust) {
    io.stderr(`council-desk suggest: ${trustPath} cannot be used as a trust file:\n${trust.problems.map((p) => `  ${formatProblem(p)}\n`).join('')}`);
    return 1;
  }

  const bundles: ReadBundle[] = [];
  let failed = false;
  for (const path of args.positionals) {
    const cases: CaseRecord[] = [];
    const { report, manifest } = await readBundleWithManifest(path, {
      fileName: path,
      trust: trust.keys,
      requireSignature: false,
      onCase: (record) => void cases.push(record),
    });
    if (!report.valid || manifest === null) {
      failed = true;
      io.stderr(`council-desk suggest: ${path} is not valid (${report.errorCount} error${report.errorCount === 1 ? '' : 's'}):\n`);
      for (const p of report.errors) io.stderr(`  ${path}: ${formatProblem(p)}\n`);
      const hidden = report.errorCount - report.errors.length;
      if (hidden > 0) io.stderr(`  (and ${hidden} more not listed)\n`);
      continue;
    }
    if (report.signature?.state !== 'trusted') {
      const state =
        report.signature?.state === 'untrusted' && trustPath === undefined
          ? `signed by key ${report.signature.keyid}, not checked (no --trust file given)`
          : signatureText(report);
      io.stderr(`council-desk suggest: ${path}: ${state}; suggesting anyway (nothing is imported)\n`);
    }
    bundles.push({ path, manifest, cases });
  }
  if (failed) return 1;

  const suggestions = suggestionsFor(bundles, lang);
  if (json) for (const s of suggestions) io.stdout(suggestionJson(s));
  else io.stdout(suggestionTable(suggestions));
  return 0;
}

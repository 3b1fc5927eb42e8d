/**
 * A validation report as plain text, in the UI language: what "Save report…" writes. Every error
 * and warning the report holds is in it, grouped by kind, one problem a line.
 */
import type { TFunction } from 'i18next';
import type { BundleReport } from '../../../shared/bundle-report';
import type { Problem } from '../../../shared/problems/problem';
import { formatProblem } from '../../../shared/problems/problem-format';
import { signatureWords } from '../../common/signature-words';
import type { Language } from '../../../shared/i18n';
import { formatCount } from '../../common/format/numbers';
import { currentLanguage } from '../../common/i18n';
import { groupProblems } from './problem-groups';
import { problemMessage } from './problem-message';

/**
 * "cases.ndjson 3행, business.registrationNo: sentence" (line and path only when there are), the
 * one problem format of shared/problems/problem-format.ts with the UI's word for the line: the
 * sentence in the UI language when the problem's code is known, else the reader's message.
 */
export function problemLine(t: TFunction, p: Problem, language: Language = currentLanguage()): string {
  const line = (n: number) => t('report.line', { line: formatCount(n, language) });
  return formatProblem({ file: p.file, line: p.line, path: p.path, message: problemMessage(t, p, language) }, { line });
}

export function reportSignatureWords(t: TFunction, report: Pick<BundleReport, 'signature'>): string {
  return report.signature ? signatureWords(t, report.signature) : t('report.notChecked');
}

/** "batch 7.cdbundle" -> "batch 7-report.txt", without characters a file name may not hold. */
export function reportFileName(bundleFileName: string): string {
  const base = bundleFileName.replace(/\.cdbundle$/i, '').replace(/[/\\:*?"<>|\0]/g, '_').slice(0, 180);
  return `${base || 'bundle'}-report.txt`;
}

/** The report in the UI language `language` (the one `t` speaks). */
export function reportText(t: TFunction, report: BundleReport, language: Language = currentLanguage()): string {
  const n = (count: number) => formatCount(count, language);
  const lines = [
    t('report.textTitle'),
    '',
    `${t('report.file')}: ${report.fileName}`,
    `${t('report.bundleId')}: ${report.bundleId ?? t('report.unknown')}`,
    `${t('report.signature')}: ${reportSignatureWords(t, report)}`,
    report.valid ? t('report.textResultValid') : t('report.textResultInvalid'),
    `${t('report.errors')}: ${t('report.errorCount', { count: n(report.errorCount) })}`,
  ];
  for (const group of groupProblems(report.errors)) {
    lines.push('', t('report.kindHeading', { kind: t(`report.kinds.${group.kind}`), count: n(group.count) }));
    for (const p of group.problems) lines.push(`- ${problemLine(t, p, language)}`);
  }
  if (report.errorCount > report.errors.length) {
    lines.push('', t('report.textNotListed', { count: n(report.errorCount - report.errors.length) }));
  }
  lines.push('', t('report.warnings', { count: n(report.warnings.length) }));
  if (report.warnings.length === 0) lines.push(`- ${t('report.textNone')}`);
  for (const p of report.warnings) lines.push(`- ${problemLine(t, p, language)}`);
  return `${lines.join('\n')}\n`;
}

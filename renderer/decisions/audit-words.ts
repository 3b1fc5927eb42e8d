/** What the audit check found, in the UI's words: the headline, what differs, and its values; and how the log stands against its witness. */
import type { TFunction } from 'i18next';
import type { AuditCheck } from '../db/audit-check';
import type { WitnessCheck } from '../db/audit-witness-check';
import { formatCount } from '../common/format/numbers';
import { formatDateTime, type Language } from '../../shared/i18n';

export function auditHeadline(t: TFunction, check: AuditCheck, language: Language): string {
  const count = formatCount(check.entries, language);
  return check.intact ? t('audit.intact', { count }) : t('audit.broken', { sequence: check.brokenAt, count });
}

/** One sentence saying how the chain breaks; null for an intact one. */
export function auditBreakSentence(t: TFunction, check: AuditCheck): string | null {
  if (check.intact) return null;
  const sequence = check.brokenAt;
  switch (check.what) {
    case 'hash':
      return t('audit.what.hash', { sequence });
    case 'link':
      return check.expected === null ? t('audit.what.linkFirst', { sequence }) : t('audit.what.link', { sequence, previous: sequence - 1 });
    case 'sequence-gap':
      return check.next - sequence === 1 ? t('audit.what.gap', { sequence, next: check.next }) : t('audit.what.gapMany', { sequence, last: check.next - 1 });
    case 'order':
      return t('audit.what.order', { sequence, follows: check.follows });
    case 'sequence-order':
      return t('audit.what.sequenceOrder', { sequence, previous: check.previous });
    case 'malformed':
      return t('audit.what.malformed', { sequence, path: check.path || check.message });
  }
}

/** The values that differ, named, for a definition list: hashes in full, as an auditor compares them. */
export function auditBreakValues(t: TFunction, check: AuditCheck): { label: string; value: string }[] {
  if (check.intact) return [];
  const hash = (value: string | null) => value ?? t('audit.noHash');
  switch (check.what) {
    case 'hash':
      return [
        { label: t('audit.stored'), value: check.stored },
        { label: t('audit.recomputed'), value: check.recomputed },
      ];
    case 'link':
    case 'order':
      return [
        { label: t('audit.prevHash'), value: hash(check.prevHash) },
        { label: t('audit.expected', { previous: check.brokenAt - 1 }), value: hash(check.expected) },
      ];
    case 'malformed':
      return [{ label: check.path || '—', value: check.message }];
    default:
      return [];
  }
}

/** How the log stands against its witness, in one sentence: matched, or the first witnessed entry it no longer holds and when it was witnessed. */
export function witnessSentence(t: TFunction, check: WitnessCheck, language: Language): string {
  if (check.holds && check.restart) {
    return t('audit.witness.holdsSinceRestore', { count: formatCount(check.witnessed, language), name: check.restart.backup, date: formatDateTime(check.restart.at, language) });
  }
  if (check.holds) return t('audit.witness.holds', { count: formatCount(check.witnessed, language) });
  const at = formatDateTime(check.at, language);
  return check.found === null ? t('audit.witness.missing', { sequence: check.sequence, at }) : t('audit.witness.rewritten', { sequence: check.sequence, at });
}

/**
 * Duplicate flags (FORMATS.md, "Assessed loss, tier suggestion and flags"), found across every
 * bundle given, not only within one: the same registration number (with or without hyphens), the
 * same bank-account fingerprint, the same evidence bytes (SHA-256) in two cases. Pure.
 *
 * A case is known by its caseId: a case revised in a later bundle is the same case, never a
 * duplicate of itself. When a caseId is given more than once, the last summary given supersedes
 * the earlier ones (pass summaries in bundle order), as a revision replaces what it revises.
 */
import type { Language } from './i18n';

export const DUPLICATE_FLAGS = ['DUPLICATE_REGISTRATION_NO', 'DUPLICATE_BANK_ACCOUNT', 'DUPLICATE_DOCUMENT'] as const;
export type DuplicateFlagCode = (typeof DUPLICATE_FLAGS)[number];

/** Every flag code of FORMATS.md, in the stable order flags are listed and counted in. */
export const FLAG_ORDER = [
  'REGISTRATION_NO_INVALID',
  'DUPLICATE_REGISTRATION_NO',
  'DUPLICATE_BANK_ACCOUNT',
  'DUPLICATE_DOCUMENT',
  'MISSING_DOCUMENTS',
  'NO_SALES_DATA',
  'NO_COMPLETE_BASELINE_WEEK',
  'CLAIM_EXCEEDS_ASSESSED',
] as const;
export type FlagCode = (typeof FLAG_ORDER)[number];

/** Flags without repeats, in FLAG_ORDER (codes it does not know last, alphabetically). */
export function sortFlags(flags: Iterable<string>): string[] {
  const rank = (f: string) => {
    const i = (FLAG_ORDER as readonly string[]).indexOf(f);
    return i === -1 ? FLAG_ORDER.length : i;
  };
  return [...new Set(flags)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** What duplicate finding reads from a case. */
export interface DuplicateCaseSummary {
  caseId: string;
  bundleId: string;
  registrationNo: string;
  bankAccountFingerprint: string;
  /** SHA-256 (hex) of each document's evidence bytes. */
  documentHashes: readonly string[];
}

export interface DuplicateFlag {
  code: DuplicateFlagCode;
  /** The other cases with the same value, sorted. */
  caseIds: string[];
}

/** "123-45-67891" -> "1234567891": digits only. */
export function registrationKey(registrationNo: string): string {
  return registrationNo.replace(/\D/g, '');
}

/**
 * Per caseId, its duplicate flags in DUPLICATE_FLAGS order; a case with none is absent.
 * Empty values (no digits, empty fingerprint or hash) are never duplicates.
 */
export function findDuplicates(cases: Iterable<DuplicateCaseSummary>): Map<string, DuplicateFlag[]> {
  const current = new Map<string, DuplicateCaseSummary>();
  for (const c of cases) {
    current.delete(c.caseId); // keep insertion order of the latest version
    current.set(c.caseId, c);
  }

  const keysOf: Record<DuplicateFlagCode, (c: DuplicateCaseSummary) => string[]> = {
    DUPLICATE_REGISTRATION_NO: (c) => [registrationKey(c.registrationNo)],
    DUPLICATE_BANK_ACCOUNT: (c) => [c.bankAccountFingerprint.trim().toLowerCase()],
    DUPLICATE_DOCUMENT: (c) => c.documentHashes.map((h) => h.trim().toLowerCase()),
  };

  const result = new Map<string, DuplicateFlag[]>();
  for (const code of DUPLICATE_FLAGS) {
    const holders = new Map<string, Set<string>>();
    for (const c of current.values()) {
      for (const key of keysOf[code](c)) {
        if (key === '') continue;
        let set = holders.get(key);
        if (set === undefined) holders.set(key, (set = new Set()));
        set.add(c.caseId);
      }
    }
    const others = new Map<string, Set<string>>();
    for (const set of holders.values()) {
      if (set.size < 2) continue;
      for (const id of set) {
        let o = others.get(id);
        if (o === undefined) others.set(id, (o = new Set()));
        for (const other of set) if (other !== id) o.add(other);
      }
    }
    for (const [id, o] of others) {
      let flags = result.get(id);
      if (flags === undefined) result.set(id, (flags = []));
      flags.push({ code, caseIds: [...o].sort() });
    }
  }
  return result;
}

/** A duplicate flag as a plain sentence naming the other cases. */
export function duplicateFlagText(flag: DuplicateFlag, lang: Language): string {
  const ids = flag.caseIds.join(', ');
  if (lang === 'ko') {
    switch (flag.code) {
      case 'DUPLICATE_REGISTRATION_NO':
        return `사업자등록번호가 다음 사건과 같습니다: ${ids}.`;
      case 'DUPLICATE_BANK_ACCOUNT':
        return `입금 계좌가 다음 사건과 같습니다: ${ids}.`;
      case 'DUPLICATE_DOCUMENT':
        return `제출 서류 파일이 다음 사건의 파일과 똑같습니다: ${ids}.`;
    }
  }
  switch (flag.code) {
    case 'DUPLICATE_REGISTRATION_NO':
      return `Same registration number as ${ids}.`;
    case 'DUPLICATE_BANK_ACCOUNT':
      return `Same bank account as ${ids}.`;
    case 'DUPLICATE_DOCUMENT':
      return `An evidence file has the same bytes as one in ${ids}.`;
  }
}

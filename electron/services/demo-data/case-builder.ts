/** One demo case, its applicant and business, with what its evidence files will show. */
import type { AwkwardRole } from './awkward-cases';
import { addDays, fromEpochDay, koreanDateTime, toEpochDay } from './calendar';
import { pickCategory, pickServices, profileOf, type Category, type Service } from './categories';
import { salesAndClaim, type SalesAndClaim } from './claims';
import { businessName } from './business-names';
import { LODGING_REGIONS, REGIONS, bankAccount, personName, relativeName, type BankAccount } from './names';
import type { Random } from './random';
import { newRegistrationNo, withCorrectCheckDigit, writtenRegistrationNo } from './registration-numbers';
import { statementFor } from './statements';

export const REQUIRED_KINDS = ['small-business-certificate', 'sales-loss-proof', 'service-use-proof', 'bank-account'] as const;
export type RequiredKind = (typeof REQUIRED_KINDS)[number];

export interface DemoCase {
  index: number;
  caseId: string;
  receivedAt: string;
  receivedDate: string;
  category: Category;
  businessName: string;
  representative: string;
  region: string;
  /** Digits only; `writtenRegistrationNo` is how the application spells it. */
  registrationDigits: string;
  writtenRegistrationNo: string;
  /** What the small-business certificate prints: the true number, even when the form has a typo. */
  certificateRegistrationNo: string;
  services: Service[];
  statement: string;
  bankAccountFingerprint: string;
  account: BankAccount;
  sales: SalesAndClaim;
  role: AwkwardRole | null;
  /** Required document kinds the applicant did not hand in. */
  missingKinds: RequiredKind[];
  /** Whether a daily-sales chart is attached as an extra document. */
  chart: boolean;
  /** The phone's clock on the error screenshot, e.g. 15:47. */
  screenshotClock: string;
}

/** Applications came in from November 2022 to February 2023, in case-number order. */
const RECEIVED_FROM = toEpochDay('2022-11-01');
const RECEIVED_DAYS = toEpochDay('2023-02-28') - RECEIVED_FROM + 1;

export function caseIdOf(index: number): string {
  return `1015-${String(index + 1).padStart(6, '0')}`;
}

function screenshotClock(rng: Random): string {
  // The fire cut the services at about 15:30 on Saturday; people photographed the error until late.
  const minute = rng.chance(0.7) ? rng.int(15 * 60 + 30, 23 * 60 + 59) : rng.int(7 * 60, 23 * 60 + 59);
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

function missingKinds(rng: Random): RequiredKind[] {
  const weighted = [['bank-account', 35], ['small-business-certificate', 30], ['service-use-proof', 25], ['sales-loss-proof', 10]] as const;
  const first: RequiredKind = rng.weighted(weighted);
  if (!rng.chance(0.2)) return [first];
  const second: RequiredKind = rng.weighted(weighted.filter(([k]) => k !== first));
  return REQUIRED_KINDS.filter((k) => k === first || k === second);
}

export interface CaseContext {
  rng: Random;
  index: number;
  count: number;
  role: AwkwardRole | null;
  /** The earlier case of a pair, for a copy. */
  original?: DemoCase;
  usedRegistrationNos: Set<string>;
}

export function buildCase({ rng, index, count, role, original, usedRegistrationNos }: CaseContext): DemoCase {
  const copy = role?.role === 'copy' ? original : undefined;
  const sameBusiness = copy && role?.kind === 'duplicate-registration';
  const sameCategory = copy && (role?.kind === 'duplicate-registration' || role?.kind === 'duplicate-evidence');
  const category = sameCategory ? copy.category : pickCategory(rng);
  const profile = profileOf(category);

  let representative = personName(rng);
  if (copy && role?.kind === 'duplicate-bank-account') representative = relativeName(rng, copy.representative);
  if (sameBusiness) representative = copy.representative;
  const name = sameBusiness ? copy.businessName : businessName(rng, category, representative);
  const region = sameBusiness ? copy.region : rng.pick(category === 'lodging' ? LODGING_REGIONS : REGIONS);

  const registrationDigits = sameBusiness
    ? copy.registrationDigits
    : newRegistrationNo(rng, usedRegistrationNos, role?.kind !== 'invalid-registration');
  // A duplicate pair is written once without and once with hyphens; others mostly without.
  const hyphenated = role?.kind === 'duplicate-registration' ? role.role === 'copy' : rng.chance(0.2);

  const sharedAccount = copy && role?.kind === 'duplicate-bank-account';
  const account = sharedAccount ? { ...copy.account } : bankAccount(rng, representative);
  const bankAccountFingerprint = sharedAccount ? copy.bankAccountFingerprint : rng.hex(32);

  const services = pickServices(rng, profile);
  const sales = salesAndClaim(rng, profile, role, copy?.sales);
  let extra: string | undefined;
  if (sameBusiness) extra = '처음 낸 신청이 접수되었는지 확인이 되지 않아 카드 매출 자료로 다시 신청합니다.';
  if (sharedAccount) extra = `지원금은 가족인 ${copy.representative} 명의 통장으로 받겠습니다.`;
  if (role?.kind === 'missing-documents') extra = '나머지 서류는 준비되는 대로 추가로 내겠습니다.';
  const statement = statementFor(rng, { category, services, awkward: role?.kind ?? null, extra, openedLate: sales.openedLate });

  const day = RECEIVED_FROM + Math.floor(((index + rng.next()) * RECEIVED_DAYS) / Math.max(1, count));
  const receivedDate = fromEpochDay(day);
  const receivedAt = koreanDateTime(receivedDate, rng.int(8 * 60, 22 * 60 + 59));

  const pairKind = role?.kind === 'duplicate-evidence';
  return {
    index,
    caseId: caseIdOf(index),
    receivedAt,
    receivedDate,
    category,
    businessName: name,
    representative,
    region,
    registrationDigits,
    writtenRegistrationNo: writtenRegistrationNo(registrationDigits, hyphenated),
    certificateRegistrationNo: withCorrectCheckDigit(registrationDigits),
    services,
    statement,
    bankAccountFingerprint,
    account,
    sales,
    role,
    missingKinds: role?.kind === 'missing-documents' ? missingKinds(rng) : [],
    chart: !pairKind && role?.kind !== 'missing-documents' && sales.dailySales.length > 0 && rng.chance(0.3),
    screenshotClock: screenshotClock(rng),
  };
}

/** A date some days before the case was received (documents are issued before they are filed). */
export function daysBefore(c: DemoCase, rng: Random, min: number, max: number): string {
  const date = addDays(c.receivedDate, -rng.int(min, max));
  return date < '2022-10-24' ? '2022-10-24' : date;
}


/**
 * The 1015 method on hand-worked examples. The calendar (KAKAO_1015_INCIDENT):
 * baseline 2022-09-01 (Thu) .. 2022-10-31 (Mon), outage 2022-10-15 (Sat) .. 2022-10-21 (Fri),
 * weeks Saturday to Friday. Candidate weeks (start Saturday, overlapping the baseline):
 *   08-27..09-02  outside (starts before 09-01)
 *   09-03..09-09, 09-10..09-16, 09-17..09-23, 09-24..09-30, 10-01..10-07, 10-08..10-14  (may count)
 *   10-15..10-21  touches the outage
 *   10-22..10-28  (may count)
 *   10-29..11-04  outside (ends after 10-31)
 * Policy: T1 1..300,000 -> 30,000; T2 300,001..500,000 -> 50,000; T3 500,001.. -> case by case.
 */
import { describe, expect, it } from 'vitest';
import { assessCase, findTier, reasonText, reasonsText, type Reason } from '../../shared/assessment';
import { formatAmount } from '../../shared/i18n';
import { KAKAO_1015_INCIDENT, KAKAO_1015_POLICY, kakao1015IncidentAndPolicy } from '../../shared/kakao-1015';
import type { DailySale, DocumentRef } from '../../shared/schemas/case-record';

const { incident, policy } = kakao1015IncidentAndPolicy();

const ALL_DOCS: DocumentRef[] = KAKAO_1015_POLICY.requiredDocuments.map((kind) => ({
  kind,
  title: kind,
  file: `evidence/${kind}.pdf`,
  mediaType: 'application/pdf',
}));

function isoPlus(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** One sale per day from..to inclusive, amount chosen per date. */
function days(from: string, to: string, amount: (date: string) => number): DailySale[] {
  const out: DailySale[] = [];
  for (let d = from; d <= to; d = isoPlus(d, 1)) out.push({ date: d, amount: amount(d) });
  return out;
}

const inOutage = (d: string) => d >= '2022-10-15' && d <= '2022-10-21';

/**
 * 100,000 a day on every baseline day, so each counted week is 7 x 100,000 = 700,000;
 * the outage week's days are given by `outage` (default 0 each).
 */
function flatSales(outage: (date: string) => number = () => 0): DailySale[] {
  return days('2022-09-01', '2022-10-31', (d) => (inOutage(d) ? outage(d) : 100_000));
}

/** Outage sales totalling 700,000 - loss, all on the first outage day: assessed loss = loss. */
function salesWithLoss(loss: number): DailySale[] {
  return flatSales((d) => (d === '2022-10-15' ? 700_000 - loss : 0));
}

function caseOf(dailySales: DailySale[], claimedLoss: number, documents: DocumentRef[] = ALL_DOCS) {
  return { claimedLoss, dailySales, documents };
}

function codes(reasons: Reason[]): string[] {
  return reasons.map((r) => r.code);
}

describe('assessCase: tier boundaries of the suggestion amount (1015 policy)', () => {
  // Baseline 700,000 (every counted week); outage = 700,000 - L; assessed = 700,000 - (700,000 - L) = L.
  // The claim equals L, so min(claimed, assessed) = L.
  const table = [
    { loss: 0, tier: null, award: null }, // below T1's minLoss 1: reject, no loss shown
    { loss: 1, tier: 'T1', award: 30_000 },
    { loss: 300_000, tier: 'T1', award: 30_000 },
    { loss: 300_001, tier: 'T2', award: 50_000 },
    { loss: 500_000, tier: 'T2', award: 50_000 },
    { loss: 500_001, tier: 'T3', award: null }, // case by case
  ] as const;
  for (const row of table) {
    it(`${formatAmount(row.loss)} won -> ${row.tier ?? 'no tier'}`, () => {
      const a = assessCase(caseOf(salesWithLoss(row.loss), row.loss), incident, policy);
      expect(a.assessedLoss).toBe(row.loss);
      expect(a.suggestionAmount).toBe(row.loss);
      expect(a.basis).toBe('claimed'); // claim == assessed: the claim is not above it
      expect(a.tier?.id ?? null).toBe(row.tier);
      expect(a.award).toBe(row.award);
      expect(a.flags).toEqual([]);
      expect(codes(a.reasons)).toContain(row.tier === null ? 'NO_TIER' : 'TIER');
    });
  }

  it('findTier treats the last tier as open-ended and returns null below the first', () => {
    expect(findTier(policy.tiers, 0)).toBeNull();
    expect(findTier(policy.tiers, 10_000_000_000_000)?.id).toBe('T3');
    const capped = [{ id: 'A', minLoss: 1, maxLoss: 10, award: 1 }, { id: 'B', minLoss: 11, maxLoss: 20, award: 2 }];
    expect(findTier(capped, 10)?.id).toBe('A');
    expect(findTier(capped, 11)?.id).toBe('B');
    expect(findTier(capped, 21)?.id).toBe('B');
  });
});

describe('assessCase: which weeks count', () => {
  it('all data present: weeks crossing the baseline edges and the outage week do not count', () => {
    // 7 counted weeks of 700,000 each (tie: the earliest, 09-03..09-09, is the baseline).
    // Outage: 7 x 0 = 0. Assessed = 700,000 - 0 = 700,000. Claim 600,000 < 700,000 -> 600,000 -> T3.
    const a = assessCase(caseOf(flatSales(), 600_000), incident, policy);
    expect(a.countedWeeks.map((w) => w.weekFrom)).toEqual([
      '2022-09-03', '2022-09-10', '2022-09-17', '2022-09-24', '2022-10-01', '2022-10-08', '2022-10-22',
    ]);
    expect(a.countedWeeks.every((w) => w.total === 700_000)).toBe(true);
    expect(a.rejectedWeeks).toEqual([
      { weekFrom: '2022-08-27', weekTo: '2022-09-02', reason: 'outside-baseline' },
      { weekFrom: '2022-10-15', weekTo: '2022-10-21', reason: 'touches-outage' },
      { weekFrom: '2022-10-29', weekTo: '2022-11-04', reason: 'outside-baseline' },
    ]);
    expect(a.baseline).toEqual({ weekFrom: '2022-09-03', weekTo: '2022-09-09', total: 700_000 });
    expect(a.outage).toEqual({ from: '2022-10-15', to: '2022-10-21', total: 0, missingDays: [] });
    expect(a.assessedLoss).toBe(700_000);
    expect(a.suggestionAmount).toBe(600_000);
    expect(a.basis).toBe('claimed');
    expect(a.tier?.id).toBe('T3');
    expect(a.award).toBeNull();
  });

  it('sales on 09-01 and 09-02 do not make the week 08-27..09-02 count; the first full week is 09-03..09-09', () => {
    // Give 08-27..09-02 every day (even days before the baseline) at 1,000,000: the week would total
    // 7,000,000 but starts before 09-01, so it is outside. Best counted week stays at 700,000.
    const sales = [...days('2022-08-27', '2022-09-02', () => 1_000_000), ...flatSales().filter((s) => s.date > '2022-09-02')];
    const a = assessCase(caseOf(sales, 800_000), incident, policy);
    expect(a.rejectedWeeks[0]).toEqual({ weekFrom: '2022-08-27', weekTo: '2022-09-02', reason: 'outside-baseline' });
    expect(a.countedWeeks[0]).toEqual({ weekFrom: '2022-09-03', weekTo: '2022-09-09', total: 700_000 });
    expect(a.baseline?.total).toBe(700_000);
  });

  it('the week 10-29..11-04 crosses the baseline end and does not count even with high sales', () => {
    // 10-29..11-04 at 2,000,000 a day would be 14,000,000, but 11-01..11-04 lie after 10-31.
    const sales = [...flatSales().filter((s) => s.date < '2022-10-29'), ...days('2022-10-29', '2022-11-04', () => 2_000_000)];
    const a = assessCase(caseOf(sales, 100), incident, policy);
    expect(a.rejectedWeeks.at(-1)).toEqual({ weekFrom: '2022-10-29', weekTo: '2022-11-04', reason: 'outside-baseline' });
    expect(a.baseline?.total).toBe(700_000);
  });

  it('a week with a missing day does not count, and the best remaining week is used', () => {
    // Week 09-10..09-16 at 200,000 a day = 1,400,000 would be best, but 09-13 is missing.
    // Week 09-17..09-23 at 150,000 a day = 1,050,000 is then the best counted week.
    // Outage: 10-15..10-21 at 50,000 = 350,000. Assessed = 1,050,000 - 350,000 = 700,000.
    const sales = days('2022-09-01', '2022-10-31', (d) => {
      if (d >= '2022-09-10' && d <= '2022-09-16') return 200_000;
      if (d >= '2022-09-17' && d <= '2022-09-23') return 150_000;
      return inOutage(d) ? 50_000 : 100_000;
    }).filter((s) => s.date !== '2022-09-13');
    const a = assessCase(caseOf(sales, 700_000), incident, policy);
    expect(a.rejectedWeeks).toContainEqual({ weekFrom: '2022-09-10', weekTo: '2022-09-16', reason: 'missing-days', missingDays: ['2022-09-13'] });
    expect(a.countedWeeks.map((w) => w.weekFrom)).not.toContain('2022-09-10');
    expect(a.baseline).toEqual({ weekFrom: '2022-09-17', weekTo: '2022-09-23', total: 1_050_000 });
    expect(a.outage.total).toBe(350_000);
    expect(a.assessedLoss).toBe(700_000);
  });

  it('the outage week never counts as a baseline week, even with the highest sales', () => {
    // Outage days at 300,000: the week 10-15..10-21 would total 2,100,000 but touches the outage.
    // Baseline 700,000; outage 2,100,000; assessed = max(0, 700,000 - 2,100,000) = 0.
    const a = assessCase(caseOf(flatSales(() => 300_000), 50_000), incident, policy);
    expect(a.rejectedWeeks).toContainEqual({ weekFrom: '2022-10-15', weekTo: '2022-10-21', reason: 'touches-outage' });
    expect(a.baseline?.total).toBe(700_000);
  });

  it('a week that only partly overlaps the outage does not count', () => {
    // Same baseline calendar but the outage moved to Thu 10-13 .. Sat 10-15: it touches both
    // 10-08..10-14 and 10-15..10-21. Counted: 09-03, 09-10, 09-17, 09-24, 10-01, 10-22 (6 weeks).
    const moved = { ...incident, outageFrom: '2022-10-13', outageTo: '2022-10-15' };
    const a = assessCase(caseOf(days('2022-09-01', '2022-10-31', () => 100_000), 1), moved, policy);
    expect(a.rejectedWeeks.filter((w) => w.reason === 'touches-outage').map((w) => w.weekFrom)).toEqual(['2022-10-08', '2022-10-15']);
    expect(a.countedWeeks).toHaveLength(6);
    // Outage 3 x 100,000 = 300,000; assessed = 700,000 - 300,000 = 400,000.
    expect(a.outage.total).toBe(300_000);
    expect(a.assessedLoss).toBe(400_000);
  });

  it('ties go to the earliest week; the best week wins over earlier lower weeks', () => {
    // 10-01..10-07 and 10-22..10-28 both at 120,000 a day = 840,000; others 700,000.
    const sales = days('2022-09-01', '2022-10-31', (d) =>
      (d >= '2022-10-01' && d <= '2022-10-07') || (d >= '2022-10-22' && d <= '2022-10-28') ? 120_000 : inOutage(d) ? 0 : 100_000,
    );
    const a = assessCase(caseOf(sales, 1_000_000), incident, policy);
    expect(a.baseline).toEqual({ weekFrom: '2022-10-01', weekTo: '2022-10-07', total: 840_000 });
    const r = a.reasons.find((x) => x.code === 'BASELINE_WEEK');
    expect(r).toMatchObject({ tiedWith: ['2022-10-22'], countedWeeks: 7 });
  });

  it('weeks can start on another weekday', () => {
    // Monday weeks over the same baseline: 08-29..09-04 outside; first full week 09-05..09-11.
    const monday = { ...incident, weekStartsOn: 'monday' as const };
    const a = assessCase(caseOf(flatSales(), 1), monday, policy);
    expect(a.rejectedWeeks[0]).toEqual({ weekFrom: '2022-08-29', weekTo: '2022-09-04', reason: 'outside-baseline' });
    expect(a.countedWeeks[0]?.weekFrom).toBe('2022-09-05');
    // 10-10..10-16 and 10-17..10-23 touch the outage 10-15..10-21.
    expect(a.rejectedWeeks.filter((w) => w.reason === 'touches-outage').map((w) => w.weekFrom)).toEqual(['2022-10-10', '2022-10-17']);
  });
});

describe('assessCase: outage, claim and flags', () => {
  it('missing outage days count as 0 and are listed', () => {
    // Outage days at 60,000, but 10-16 and 10-20 missing: outage = 5 x 60,000 = 300,000.
    // Assessed = 700,000 - 300,000 = 400,000 -> T2, 50,000.
    const sales = flatSales(() => 60_000).filter((s) => s.date !== '2022-10-16' && s.date !== '2022-10-20');
    const a = assessCase(caseOf(sales, 400_000), incident, policy);
    expect(a.outage).toEqual({ from: '2022-10-15', to: '2022-10-21', total: 300_000, missingDays: ['2022-10-16', '2022-10-20'] });
    expect(a.assessedLoss).toBe(400_000);
    expect(a.tier?.id).toBe('T2');
    expect(a.award).toBe(50_000);
  });

  it('outage sales above the baseline: loss 0, below the first tier, reject (no loss shown)', () => {
    // Outage days at 110,000: 770,000 > baseline 700,000 -> assessed = max(0, -70,000) = 0.
    // min(claimed 250,000, assessed 0) = 0 -> below T1 (from 1) -> no tier.
    const a = assessCase(caseOf(flatSales(() => 110_000), 250_000), incident, policy);
    expect(a.outage.total).toBe(770_000);
    expect(a.assessedLoss).toBe(0);
    expect(a.basis).toBe('assessed');
    expect(a.suggestionAmount).toBe(0);
    expect(a.tier).toBeNull();
    expect(a.award).toBeNull();
    expect(a.flags).toEqual(['CLAIM_EXCEEDS_ASSESSED']);
    expect(reasonText(a.reasons.at(-1)!, 'en')).toContain('no loss shown');
  });

  it('a claim above the assessed loss is flagged and the assessed loss is used', () => {
    // Assessed = 700,000 - 450,000 = 250,000; claim 900,000 > 250,000 -> 250,000 -> T1, 30,000.
    const a = assessCase(caseOf(salesWithLoss(250_000), 900_000), incident, policy);
    expect(a.assessedLoss).toBe(250_000);
    expect(a.basis).toBe('assessed');
    expect(a.suggestionAmount).toBe(250_000);
    expect(a.tier?.id).toBe('T1');
    expect(a.award).toBe(30_000);
    expect(a.flags).toEqual(['CLAIM_EXCEEDS_ASSESSED']);
    expect(codes(a.reasons)).toContain('CLAIM_EXCEEDS_ASSESSED');
  });

  it('no sales data: flags, no assessed loss, the claim decides the tier', () => {
    // No weeks count, assessed = null -> the suggestion uses the claim, 320,000 -> T2.
    const a = assessCase(caseOf([], 320_000), incident, policy);
    expect(a.flags).toEqual(['NO_SALES_DATA', 'NO_COMPLETE_BASELINE_WEEK']);
    expect(a.assessedLoss).toBeNull();
    expect(a.baseline).toBeNull();
    expect(a.countedWeeks).toEqual([]);
    expect(a.rejectedWeeks).toHaveLength(10);
    expect(a.outage.total).toBe(0);
    expect(a.outage.missingDays).toHaveLength(7);
    expect(a.basis).toBe('claimed');
    expect(a.suggestionAmount).toBe(320_000);
    expect(a.tier?.id).toBe('T2');
    expect(codes(a.reasons)).not.toContain('WEEK_REJECTED');
    expect(codes(a.reasons)).toContain('SUGGESTION_CLAIMED');
  });

  it('sales present but no complete week: NO_COMPLETE_BASELINE_WEEK only', () => {
    // Every Wednesday missing -> every candidate week lacks a day.
    const sales = flatSales().filter((s) => new Date(`${s.date}T00:00:00Z`).getUTCDay() !== 3);
    const a = assessCase(caseOf(sales, 10_000), incident, policy);
    expect(a.flags).toEqual(['NO_COMPLETE_BASELINE_WEEK']);
    expect(a.assessedLoss).toBeNull();
    expect(a.suggestionAmount).toBe(10_000);
    expect(a.tier?.id).toBe('T1');
  });

  it('missing documents and an invalid registration number are flagged', () => {
    const docs = ALL_DOCS.filter((d) => d.kind !== 'bank-account' && d.kind !== 'service-use-proof');
    const a = assessCase({ ...caseOf(salesWithLoss(1), 1, docs), business: { registrationNo: '1234567892' } }, incident, policy);
    expect(a.flags).toEqual(['REGISTRATION_NO_INVALID', 'MISSING_DOCUMENTS']);
    expect(a.reasons).toContainEqual({ code: 'MISSING_DOCUMENTS', kinds: ['service-use-proof', 'bank-account'] });
    const ok = assessCase({ ...caseOf(salesWithLoss(1), 1), business: { registrationNo: '1234567891' } }, incident, policy);
    expect(ok.flags).toEqual([]);
  });

  it('duplicate dates: the first figure is used, the rest ignored with a reason', () => {
    // 09-05 appears twice (100,000 then 999,999): week 09-03..09-09 stays 700,000.
    const sales = [...flatSales(), { date: '2022-09-05', amount: 999_999 }];
    const a = assessCase(caseOf(sales, 1), incident, policy);
    expect(a.countedWeeks[0]?.total).toBe(700_000);
    expect(a.reasons).toContainEqual({ code: 'DUPLICATE_SALES_DATE', date: '2022-09-05', usedAmount: 100_000, ignoredAmounts: [999_999] });
  });

  it('accepts the readonly 1015 constants and does not change its inputs', () => {
    const record = caseOf(salesWithLoss(300_001), 300_001);
    const before = JSON.stringify(record);
    const a = assessCase(record, KAKAO_1015_INCIDENT, KAKAO_1015_POLICY);
    expect(a.tier?.id).toBe('T2');
    expect(JSON.stringify(record)).toBe(before);
  });
});

describe('reasons in words', () => {
  // Week 09-10..09-16 missing 09-13; outage days at 50,000 except 10-18 missing:
  // outage = 6 x 50,000 = 300,000; baseline 700,000 (09-03..09-09, earliest of the ties);
  // assessed = 400,000; claim 1,234,567 > 400,000 -> 400,000 -> T2, 50,000.
  const sales = flatSales(() => 50_000).filter((s) => s.date !== '2022-09-13' && s.date !== '2022-10-18');
  const a = assessCase(caseOf(sales, 1_234_567), incident, policy);

  it('English names the weeks, the sums, the rule and the tier', () => {
    const text = reasonsText(a, 'en').join('\n');
    expect(text).toContain('2022-09-03 (Sat) to 2022-09-09 (Fri)');
    expect(text).toContain('KRW 700,000');
    expect(text).toMatch(/Week 2022-08-27 \(Sat\) to 2022-09-02 \(Fri\) was not counted: not all seven days lie in the baseline period/);
    expect(text).toContain('Week 2022-10-15 (Sat) to 2022-10-21 (Fri) was not counted: it overlaps the outage period');
    expect(text).toContain('daily sales are missing for 1 day: 2022-09-13');
    expect(text).toContain('Outage period 2022-10-15 (Sat) to 2022-10-21 (Fri): sales KRW 300,000. 1 day without figures (2022-10-18) counted as 0.');
    expect(text).toContain('Assessed loss = baseline KRW 700,000 - outage KRW 300,000 = KRW 400,000.');
    expect(text).toContain('smaller of the claimed loss KRW 1,234,567 and the assessed loss KRW 400,000: KRW 400,000');
    expect(text).toContain('KRW 400,000 falls in tier T2 (KRW 300,001 to KRW 500,000): award KRW 50,000.');
  });

  it('Korean names the same weeks and sums', () => {
    const text = reasonsText(a, 'ko').join('\n');
    expect(text).toContain('2022-09-03 (토)~2022-09-09 (금)');
    expect(text).toContain('700,000원');
    expect(text).toContain('장애 기간과 겹칩니다');
    expect(text).toContain('기준 기간 안에 있지 않습니다');
    expect(text).toContain('2022-09-13');
    expect(text).toContain('산정 손실 = 기준 주간 700,000원 - 장애 기간 300,000원 = 400,000원.');
    expect(text).toContain('신청 손실 1,234,567원과 산정 손실 400,000원 중 작은 값인 400,000원');
    expect(text).toContain('T2 구간(300,001원~500,000원)에 해당합니다: 지원금 50,000원.');
  });

  it('case by case and no tier, in both languages', () => {
    const t3 = assessCase(caseOf(salesWithLoss(500_001), 600_000), incident, policy);
    const last = t3.reasons.at(-1)!;
    expect(reasonText(last, 'en')).toBe('KRW 500,001 falls in tier T3 (KRW 500,001 and above): the award is decided case by case.');
    expect(reasonText(last, 'ko')).toContain('개별 심의');
    const none = assessCase(caseOf(salesWithLoss(0), 0), incident, policy);
    expect(reasonText(none.reasons.at(-1)!, 'ko')).toContain('기각 제안');
    expect(reasonText(none.reasons.at(-1)!, 'en')).toContain('suggest reject, no loss shown');
  });

  it('every reason code has text in both languages', () => {
    const all = [
      ...a.reasons,
      ...assessCase({ ...caseOf([], 1, []), business: { registrationNo: '1' } }, incident, policy).reasons,
      ...assessCase(caseOf([...flatSales(() => 200_000), { date: '2022-09-05', amount: 1 }], 5), incident, policy).reasons,
    ];
    const seen = new Set(all.map((r) => r.code));
    expect(seen.size).toBeGreaterThanOrEqual(14);
    for (const r of all) {
      expect(reasonText(r, 'en').length).toBeGreaterThan(10);
      expect(reasonText(r, 'ko').length).toBeGreaterThan(5);
    }
  });

  it('formats amounts with thousands separators', () => {
    expect(formatAmount(0)).toBe('0');
    expect(formatAmount(999)).toBe('999');
    expect(formatAmount(1_000)).toBe('1,000');
    expect(formatAmount(10_000_000_000_000)).toBe('10,000,000,000,000');
    expect(formatAmount(-1_234)).toBe('-1,234');
  });
});

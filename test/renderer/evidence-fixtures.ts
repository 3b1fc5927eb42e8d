/** Fixtures of the evidence viewer tests: daily sales with a clear best baseline week and two missing outage days, and document rows. */
import type { DocumentRow } from '../../renderer/db/rows';
import { dayNumber, isoFromDayNumber, weekdayOf } from '../../shared/assessment/days';

/** 2022-09-01..2022-10-31, every day but 2022-10-16 and 2022-10-17; the week of 2022-10-01 sells most. */
export function salesFixture(): { dailySales: { date: string; amount: number }[] } {
  const dailySales: { date: string; amount: number }[] = [];
  for (let d = dayNumber('2022-09-01'); d <= dayNumber('2022-10-31'); d++) {
    const date = isoFromDayNumber(d);
    if (date === '2022-10-16' || date === '2022-10-17') continue;
    let amount = 100_000 + weekdayOf(d) * 10_000;
    if (date >= '2022-10-01' && date <= '2022-10-07') amount += 50_000;
    if (date >= '2022-10-15' && date <= '2022-10-21') amount = 20_000;
    dailySales.push({ date, amount });
  }
  return { dailySales };
}

export function documentRow(file: string, mediaType: DocumentRow['mediaType'], content: BlobPart, title: string): DocumentRow {
  const blob = new Blob([content], { type: mediaType });
  return { bundleId: 'b1', file: `evidence/1015-000001/${file}`, caseId: '1015-000001', sha256: '0'.repeat(64), blob, mediaType, kind: 'other', title, size: blob.size };
}

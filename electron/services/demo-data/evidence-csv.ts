/** The POS / sales export as Korean Excel writes CSV: UTF-8 with a BOM, CRLF line ends. */
import type { Sale } from './assessed-loss';

export const CSV_HEADER = '일자,매출액';

export function salesCsv(sales: readonly Sale[]): Uint8Array {
  const lines = [CSV_HEADER, ...sales.map((s) => `${s.date},${s.amount}`)];
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

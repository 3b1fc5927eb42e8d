/** The evidence files of a demo case and the document entries that point to them. */
import type { DocumentRef } from '../../../shared/schemas/case-record';
import { daysBefore, type DemoCase } from './case-builder';
import { profileOf } from './categories';
import { salesCsv } from './evidence-csv';
import { certificatePdf } from './evidence-pdf';
import { errorScreenPng, salesChartPng } from './evidence-png';
import { bankAccountText, ledgerNoteText } from './evidence-text';
import type { Random } from './random';

export interface CaseEvidence {
  documents: DocumentRef[];
  files: { path: string; bytes: Uint8Array }[];
  /** The screenshot's bytes, kept so a later case can hand in the very same file. */
  screenshot?: Uint8Array;
}

/** Async only because pdf-lib saves the certificate asynchronously; it draws from `rng` as before. */
export async function buildEvidence(c: DemoCase, rng: Random, original?: CaseEvidence): Promise<CaseEvidence> {
  const profile = profileOf(c.category);
  const out: CaseEvidence = { documents: [], files: [] };
  const add = (kind: string, title: string, name: string, mediaType: DocumentRef['mediaType'], bytes: Uint8Array) => {
    if ((c.missingKinds as readonly string[]).includes(kind)) return;
    const file = `evidence/${c.caseId}/${name}`;
    out.documents.push({ kind, title, file, mediaType });
    out.files.push({ path: file, bytes });
  };

  const certificateDate = daysBefore(c, rng, 3, 45);
  const certificate = await certificatePdf({
    caseId: c.caseId,
    businessName: c.businessName,
    registrationNo: c.certificateRegistrationNo,
    representative: c.representative,
    category: c.category,
    region: c.region,
    issueDate: certificateDate,
    confirmationNo: `${certificateDate.slice(0, 4)}-${rng.digits(4)}-${rng.digits(6)}`,
  });
  add('small-business-certificate', '소상공인 확인서', 'certificate.pdf', 'application/pdf', certificate);

  const { sales } = c;
  if (sales.ledger) {
    add('sales-loss-proof', '매출 감소 사유서 (수기 장부 기준)', 'sales-note.txt', 'text/plain', ledgerNoteText({
      businessName: c.businessName,
      representative: c.representative,
      ...sales.ledger,
    }));
  } else if (c.role?.kind === 'duplicate-registration' && c.role.role === 'copy') {
    add('sales-loss-proof', '카드 매출 내역 (2022.9.1.~10.31.)', 'card-sales.csv', 'text/csv', salesCsv(sales.dailySales));
  } else {
    add('sales-loss-proof', `${profile.salesProofTitle} (2022.9.1.~10.31.)`, 'sales.csv', 'text/csv', salesCsv(sales.dailySales));
  }

  // A copied screenshot: the same bytes as the earlier case's (duplicate-evidence, even occurrences).
  const copied = c.role?.kind === 'duplicate-evidence' && c.role.role === 'copy' && c.role.occurrence % 2 === 0 ? original?.screenshot : undefined;
  const screenshot = copied ?? errorScreenPng(rng, c.category, c.screenshotClock);
  out.screenshot = screenshot;
  add('service-use-proof', profile.screenshotTitle, 'screenshot.png', 'image/png', screenshot);

  add('bank-account', '통장 사본', 'bank-account.txt', 'text/plain', bankAccountText({
    account: c.account,
    businessName: c.businessName,
    issueDate: daysBefore(c, rng, 0, 10),
  }));

  if (c.chart) add('other', '일별 매출 그래프 (9~10월)', 'sales-chart.png', 'image/png', salesChartPng(sales.dailySales));
  return out;
}

/** Plain-text evidence: the bank account certificate and a handwritten-ledger note. */
import type { BankAccount } from './names';

const encoder = new TextEncoder();

export interface BankDocumentInput {
  account: BankAccount;
  businessName: string;
  issueDate: string;
}

/** 통장 사본: the account as the bank's certificate prints it, masked. */
export function bankAccountText(input: BankDocumentInput): Uint8Array {
  const { account } = input;
  return encoder.encode(
    [
      '[통장 사본 / 계좌개설 확인서]',
      `은행: ${account.bank}`,
      `계좌번호: ${account.maskedNumber}`,
      `예금주: ${account.holder}`,
      `신청 상호: ${input.businessName}`,
      `발급일: ${input.issueDate}`,
      '※ 피해지원금 입금 계좌 확인용으로만 사용합니다.',
      '',
    ].join('\n'),
  );
}

export interface LedgerNoteInput {
  businessName: string;
  representative: string;
  usualWeekly: number;
  outageWeek: number;
}

function won(n: number): string {
  return `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}원`;
}

/** 매출 감소 사유서: what an applicant without a POS writes instead of a sales export. */
export function ledgerNoteText(input: LedgerNoteInput): Uint8Array {
  return encoder.encode(
    [
      '[매출 감소 사유서]',
      `상호: ${input.businessName}`,
      `대표자: ${input.representative}`,
      `평소 한 주 매출(장부 기준, 대략): ${won(input.usualWeekly)}`,
      `2022.10.15.~10.21. 매출(장부 기준, 대략): ${won(input.outageWeek)}`,
      '일별 매출 파일은 없으며 수기 장부 기준으로 작성했습니다.',
      '',
    ].join('\n'),
  );
}

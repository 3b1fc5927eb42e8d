import { z } from 'zod';
import { amountKrw, isoDate, isoDateTime } from './amounts';

export const EVIDENCE_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'text/csv', 'text/plain'] as const;
export type EvidenceMediaType = (typeof EVIDENCE_MEDIA_TYPES)[number];

/**
 * A case id names its evidence folder evidence/<caseId>/ on every file system: 1 to 64 portable
 * characters, and not "." or ".." (the folder itself or its parent). Ids that differ only in
 * upper/lower case are one folder on Windows and macOS; the bundle reader refuses those.
 */
export const CASE_ID_PATTERN = /^(?!\.\.?$)[A-Za-z0-9._-]{1,64}$/;

export const KAKAO_SERVICES = [
  'kakaotalk',
  'talk-channel',
  'kakaopay',
  'kakao-t',
  'kakao-t-driver',
  'kakao-gift',
  'kakao-map',
  'kakao-shopping',
  'daum-mail',
] as const;

export const BUSINESS_CATEGORIES = [
  'restaurant',
  'cafe',
  'taxi',
  'designated-driver',
  'online-shop',
  'gift-seller',
  'beauty',
  'academy',
  'retail',
  'lodging',
] as const;

export const documentRefSchema = z.strictObject({
  kind: z.string().min(1).max(64),
  title: z.string().min(1).max(500),
  file: z.string().min(1).max(512),
  mediaType: z.enum(EVIDENCE_MEDIA_TYPES, { error: `must be one of ${EVIDENCE_MEDIA_TYPES.join(', ')}` }),
});
export type DocumentRef = z.infer<typeof documentRefSchema>;

export const dailySaleSchema = z.strictObject({ date: isoDate, amount: amountKrw });
export type DailySale = z.infer<typeof dailySaleSchema>;

export const caseRecordSchema = z.strictObject({
  caseId: z.string().regex(CASE_ID_PATTERN, { error: 'must be 1 to 64 letters, digits, dots, hyphens or underscores, and not "." or ".."' }),
  receivedAt: isoDateTime,
  business: z.strictObject({
    name: z.string().min(1).max(200),
    /** 10 digits; hyphens are allowed on input and removed when stored. */
    registrationNo: z
      .string()
      .regex(/^\d{3}-?\d{2}-?\d{5}$/, { error: 'must be a 10-digit business registration number like 123-45-67891' })
      .transform((s) => s.replaceAll('-', '')),
    representative: z.string().min(1).max(100),
    category: z.string().min(1).max(64),
    region: z.string().min(1).max(200),
  }),
  services: z.array(z.string().min(1).max(64)).max(20),
  claimedLoss: amountKrw,
  statement: z.string().max(20_000),
  bankAccountFingerprint: z.string().regex(/^[0-9a-f]{16,64}$/, { error: 'must be a lowercase hex fingerprint' }),
  dailySales: z.array(dailySaleSchema).max(400),
  documents: z.array(documentRefSchema).max(100),
});
/** A case as stored: registration number without hyphens. */
export type CaseRecord = z.output<typeof caseRecordSchema>;
/** A case as written into cases.ndjson (hyphens allowed). */
export type CaseRecordInput = z.input<typeof caseRecordSchema>;

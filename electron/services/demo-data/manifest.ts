/** The demo bundle's manifest: the 1015 incident and the council's 2022 tier policy. */
import { MANIFEST_FORMAT, MANIFEST_VERSION } from '../../../shared/schemas/bundle-manifest';
import type { BundleContent } from '../bundle-content';
import { kakao1015IncidentAndPolicy } from '../../../shared/kakao-1015';

export const DEMO_ISSUER = '카카오 1015 소상공인 피해지원센터';

/** The batch number a seed stands for: 1 to 99 (seed 7 -> batch 7). */
export function batchOf(seed: number): number {
  return ((((Math.trunc(seed) - 1) % 99) + 99) % 99) + 1;
}

/** Applications closed on 28 February 2023; the centre issued the batches for the council's March meetings. */
const CREATED_AT = '2023-03-02T09:00:00+09:00';

export function demoManifest(seed: number): BundleContent['manifest'] {
  const batch = batchOf(seed);
  return {
    format: MANIFEST_FORMAT,
    version: MANIFEST_VERSION,
    bundleId: `1015-2023-B${String(batch).padStart(2, '0')}`,
    title: `1015 소상공인 피해지원 신청 ${batch}차분`,
    createdAt: CREATED_AT,
    issuer: DEMO_ISSUER,
    ...kakao1015IncidentAndPolicy(),
  };
}

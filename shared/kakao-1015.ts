/**
 * The 1015 council's incident and policy as data: what the demo bundle carries and tests use.
 * The app never reads these to decide anything; each bundle brings its own policy.
 */
import type { Incident, Policy } from './schemas/bundle-manifest';

export const KAKAO_1015_INCIDENT = {
  id: 'kakao-1015',
  outageFrom: '2022-10-15',
  outageTo: '2022-10-21',
  baselineFrom: '2022-09-01',
  baselineTo: '2022-10-31',
  weekStartsOn: 'saturday',
} as const satisfies Incident;

export const KAKAO_1015_POLICY = {
  id: '1015-small-business-2022-12',
  currency: 'KRW',
  tiers: [
    { id: 'T1', minLoss: 1, maxLoss: 300_000, award: 30_000 },
    { id: 'T2', minLoss: 300_001, maxLoss: 500_000, award: 50_000 },
    { id: 'T3', minLoss: 500_001, award: null },
  ],
  requiredDocuments: ['small-business-certificate', 'sales-loss-proof', 'service-use-proof', 'bank-account'],
} as const satisfies Policy;

/** A fresh, mutable copy of each, for a manifest. */
export function kakao1015IncidentAndPolicy(): { incident: Incident; policy: Policy } {
  return structuredClone({ incident: KAKAO_1015_INCIDENT, policy: KAKAO_1015_POLICY }) as { incident: Incident; policy: Policy };
}

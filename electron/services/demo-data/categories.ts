/**
 * How each kind of small business sells and how the 1015 outage hit it: the numbers behind the
 * demo cases. Categories and services are the ones in shared/schemas/case-record.ts.
 */
import type { BUSINESS_CATEGORIES, KAKAO_SERVICES } from '../../../shared/schemas/case-record';
import type { Random } from './random';

export type Category = (typeof BUSINESS_CATEGORIES)[number];
export type Service = (typeof KAKAO_SERVICES)[number];
export type TierId = 'T1' | 'T2' | 'T3';

export interface CategoryProfile {
  category: Category;
  /** How often the category appears among applicants. */
  share: number;
  /** A typical day's sales, KRW: the range a business of this kind is drawn from. */
  dailySales: readonly [number, number];
  /** Sunday … Saturday multipliers. */
  weekdayFactor: readonly [number, number, number, number, number, number, number];
  /** Multiplier on public holidays (Chuseok, 3 and 9–10 October). */
  holidayFactor: number;
  /** Multiplier in the week before Chuseok. */
  preChuseokFactor: number;
  /** Chance that the business keeps a regular closing weekday (sales 0 that day). */
  closingDayChance: number;
  /** Share of the day's Kakao-dependent sales lost on each outage day, Sat 15 … Fri 21 October. */
  outageProfile: readonly [number, number, number, number, number, number, number];
  /** Weights of the loss tier a business of this kind lands in. */
  tierWeights: readonly [number, number, number];
  /** The services it used: the first always, the others each with the given chance. */
  services: readonly (readonly [Service, number])[];
  /** The title of its sales export and of its service screenshot. */
  salesProofTitle: string;
  screenshotTitle: string;
}

const GENERIC_OUTAGE = [0.35, 0.8, 0.6, 0.3, 0.15, 0.08, 0.04] as const;

export const CATEGORY_PROFILES: readonly CategoryProfile[] = [
  {
    category: 'restaurant', share: 22, dailySales: [200_000, 2_400_000],
    weekdayFactor: [1.2, 0.85, 0.9, 0.95, 1.0, 1.25, 1.4], holidayFactor: 0.6, preChuseokFactor: 1.05, closingDayChance: 0.4,
    outageProfile: GENERIC_OUTAGE, tierWeights: [60, 27, 13],
    services: [['talk-channel', 1], ['kakaopay', 0.6], ['kakaotalk', 0.3], ['kakao-map', 0.2]],
    salesProofTitle: 'POS 매출 내역', screenshotTitle: '카카오톡 채널 장애 화면',
  },
  {
    category: 'cafe', share: 14, dailySales: [100_000, 900_000],
    weekdayFactor: [1.3, 0.85, 0.85, 0.9, 0.95, 1.1, 1.4], holidayFactor: 0.8, preChuseokFactor: 1.0, closingDayChance: 0.2,
    outageProfile: GENERIC_OUTAGE, tierWeights: [72, 22, 6],
    services: [['kakao-gift', 1], ['kakaopay', 0.7], ['talk-channel', 0.4], ['kakao-map', 0.2]],
    salesProofTitle: 'POS 매출 내역', screenshotTitle: '카카오톡 선물하기 쿠폰 조회 오류 화면',
  },
  {
    category: 'taxi', share: 12, dailySales: [110_000, 320_000],
    weekdayFactor: [0.85, 1.0, 1.0, 1.0, 1.05, 1.2, 0.95], holidayFactor: 0.9, preChuseokFactor: 1.0, closingDayChance: 0.6,
    outageProfile: [0.55, 0.97, 0.8, 0.3, 0.12, 0.05, 0.02], tierWeights: [25, 50, 25],
    services: [['kakao-t', 1], ['kakaopay', 0.3]],
    salesProofTitle: '카카오T 운행 매출 내역', screenshotTitle: '카카오T 기사앱 접속 오류 화면',
  },
  {
    category: 'designated-driver', share: 8, dailySales: [80_000, 250_000],
    weekdayFactor: [0.6, 0.5, 0.7, 0.9, 1.1, 1.6, 1.35], holidayFactor: 0.7, preChuseokFactor: 1.0, closingDayChance: 0.5,
    outageProfile: [0.6, 0.98, 0.9, 0.45, 0.2, 0.08, 0.03], tierWeights: [30, 55, 15],
    services: [['kakao-t-driver', 1], ['kakaotalk', 0.2]],
    salesProofTitle: '대리운전 콜 수입 내역', screenshotTitle: '카카오T 대리 기사앱 오류 화면',
  },
  {
    category: 'online-shop', share: 10, dailySales: [100_000, 3_000_000],
    weekdayFactor: [0.7, 1.3, 1.15, 1.05, 1.0, 0.9, 0.7], holidayFactor: 0.5, preChuseokFactor: 1.1, closingDayChance: 0,
    outageProfile: [0.4, 0.85, 0.75, 0.5, 0.3, 0.15, 0.08], tierWeights: [50, 27, 23],
    services: [['kakao-shopping', 1], ['talk-channel', 0.7], ['kakaopay', 0.6], ['kakaotalk', 0.2], ['daum-mail', 0.15]],
    salesProofTitle: '온라인 주문 매출 내역', screenshotTitle: '톡스토어 주문 관리 오류 화면',
  },
  {
    category: 'gift-seller', share: 8, dailySales: [150_000, 2_400_000],
    weekdayFactor: [1.1, 0.9, 0.9, 0.95, 1.0, 1.2, 1.2], holidayFactor: 0.4, preChuseokFactor: 1.15, closingDayChance: 0.1,
    outageProfile: [0.45, 0.9, 0.8, 0.55, 0.3, 0.15, 0.08], tierWeights: [45, 28, 27],
    services: [['kakao-gift', 1], ['talk-channel', 0.6], ['kakaopay', 0.5]],
    salesProofTitle: '선물하기 판매 정산 내역', screenshotTitle: '카카오톡 선물하기 주문 중단 화면',
  },
  {
    category: 'beauty', share: 8, dailySales: [100_000, 1_000_000],
    weekdayFactor: [1.15, 0.9, 0.9, 0.95, 1.0, 1.2, 1.5], holidayFactor: 0.3, preChuseokFactor: 1.05, closingDayChance: 0.6,
    outageProfile: [0.3, 0.7, 0.65, 0.4, 0.2, 0.1, 0.05], tierWeights: [68, 24, 8],
    services: [['talk-channel', 1], ['kakaopay', 0.5], ['kakao-map', 0.3], ['kakaotalk', 0.3]],
    salesProofTitle: 'POS 매출 내역', screenshotTitle: '카카오톡 채널 예약 확인 오류 화면',
  },
  {
    category: 'academy', share: 5, dailySales: [80_000, 800_000],
    weekdayFactor: [0.1, 1.0, 1.0, 1.0, 1.0, 1.0, 0.5], holidayFactor: 0.1, preChuseokFactor: 1.0, closingDayChance: 0,
    outageProfile: [0.2, 0.5, 0.7, 0.55, 0.35, 0.2, 0.1], tierWeights: [68, 24, 8],
    services: [['kakaotalk', 1], ['talk-channel', 0.6], ['kakaopay', 0.6]],
    salesProofTitle: '수강료 수납 내역', screenshotTitle: '카카오톡 수업 안내 발송 실패 화면',
  },
  {
    category: 'retail', share: 8, dailySales: [150_000, 2_000_000],
    weekdayFactor: [1.1, 0.95, 0.95, 0.95, 1.0, 1.1, 1.25], holidayFactor: 0.7, preChuseokFactor: 1.1, closingDayChance: 0.15,
    outageProfile: [0.3, 0.75, 0.55, 0.3, 0.15, 0.08, 0.04], tierWeights: [62, 26, 12],
    services: [['kakaopay', 1], ['talk-channel', 0.5], ['kakao-map', 0.3]],
    salesProofTitle: 'POS 매출 내역', screenshotTitle: '카카오페이 결제 오류 화면',
  },
  {
    category: 'lodging', share: 5, dailySales: [150_000, 1_800_000],
    weekdayFactor: [0.8, 0.3, 0.3, 0.35, 0.5, 1.3, 2.2], holidayFactor: 1.3, preChuseokFactor: 1.0, closingDayChance: 0,
    outageProfile: [0.5, 0.75, 0.65, 0.5, 0.4, 0.3, 0.3], tierWeights: [40, 28, 32],
    services: [['talk-channel', 1], ['kakao-map', 0.5], ['kakaopay', 0.4], ['kakaotalk', 0.3]],
    salesProofTitle: '객실 예약 매출 내역', screenshotTitle: '카카오톡 채널 예약 문의 오류 화면',
  },
];

export function profileOf(category: Category): CategoryProfile {
  const profile = CATEGORY_PROFILES.find((p) => p.category === category);
  if (!profile) throw new Error(`no profile for category ${category}`);
  return profile;
}

export function pickCategory(rng: Random): Category {
  return rng.weighted(CATEGORY_PROFILES.map((p) => [p.category, p.share] as const));
}

export function pickServices(rng: Random, profile: CategoryProfile): Service[] {
  return profile.services.filter(([, chance], i) => i === 0 || rng.chance(chance)).map(([service]) => service);
}

/**
 * The loss a case aims at, KRW, inside its tier with a margin so rounding never crosses a bound,
 * and no larger than a business of its kind could lose (`cap`): no taxi loses millions in a week.
 */
export function targetLoss(rng: Random, tier: TierId, cap = Number.POSITIVE_INFINITY): number {
  if (tier === 'T1') return Math.round(rng.logReal(60_000, 285_000));
  if (tier === 'T2') return Math.round(rng.real(315_000, Math.max(330_000, Math.min(485_000, cap))));
  // Most reviews are for losses under two million; a few businesses lost millions.
  const high = Math.max(560_000, cap);
  if (high > 2_500_000 && rng.chance(0.3)) return Math.round(rng.logReal(2_000_000, Math.min(9_000_000, high)));
  return Math.round(rng.logReal(520_000, Math.min(1_900_000, high)));
}

/** The Korean names of the services, for statements. */
export const SERVICE_NAMES_KO: Record<Service, string> = {
  kakaotalk: '카카오톡',
  'talk-channel': '카카오톡 채널',
  kakaopay: '카카오페이',
  'kakao-t': '카카오T',
  'kakao-t-driver': '카카오T 대리',
  'kakao-gift': '카카오톡 선물하기',
  'kakao-map': '카카오맵',
  'kakao-shopping': '톡스토어',
  'daum-mail': '다음 메일',
};

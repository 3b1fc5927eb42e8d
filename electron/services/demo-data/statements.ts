/** Short applicant statements in Korean, written the way small-business owners wrote them. */
import type { AwkwardKind } from './awkward-cases';
import { SERVICE_NAMES_KO, type Category, type Service } from './categories';
import type { Random } from './random';

const OPENINGS: Record<Category, readonly string[]> = {
  restaurant: [
    '10월 15일 오후부터 {service} 주문과 예약 문의가 모두 끊겼습니다.',
    '토요일 저녁 장사 중에 {service}이(가) 멈춰 예약 손님 확인이 안 됐습니다.',
    '주말 내내 {service}(으)로 들어오던 포장 주문이 한 건도 들어오지 않았습니다.',
  ],
  cafe: [
    '카카오톡 선물하기 쿠폰 조회가 되지 않아 쿠폰을 가져온 손님들을 그냥 돌려보냈습니다.',
    '주말에 {service} 결제가 안 돼 손님들이 주문을 취소하고 나갔습니다.',
    '선물하기 교환권 사용이 막혀 주말 매출이 크게 줄었습니다.',
  ],
  taxi: [
    '10월 15일 오후부터 카카오T 호출이 한 건도 들어오지 않아 거의 운행을 하지 못했습니다.',
    '카카오T 기사앱이 먹통이 되어 일요일과 월요일에는 빈 차로 돌아다니다 일찍 들어갔습니다.',
    '호출 손님이 대부분인데 카카오T가 멈춰 주말 수입이 평소의 몇 분의 일로 줄었습니다.',
  ],
  'designated-driver': [
    '카카오T 대리 기사앱이 멈춰 주말 이틀 밤 동안 콜을 거의 받지 못했습니다.',
    '토요일 밤부터 카카오T 대리 콜이 끊겨 대기만 하다 귀가했습니다.',
  ],
  'online-shop': [
    '{service} 주문과 상담이 멈춰 주말 주문이 평소의 절반 이하로 줄었습니다.',
    '주문 알림과 결제가 모두 멈춰 주말 동안 들어온 주문을 처리하지 못했습니다.',
  ],
  'gift-seller': [
    '카카오톡 선물하기 주문이 사흘 가까이 들어오지 않았습니다.',
    '선물하기 판매가 주 매출인데 주말 주문이 모두 끊겼습니다.',
  ],
  beauty: [
    '{service}(으)로 받던 예약이 확인되지 않아 예약 손님 여러 명이 오지 않았습니다.',
    '주말 예약 변경 문의를 받을 수 없어 빈 시간이 많이 생겼습니다.',
  ],
  academy: [
    '카카오톡으로 보내던 수업 안내와 수강료 결제 안내가 나가지 않았습니다.',
    '학부모 상담과 보강 안내를 {service}(으)로 하는데 며칠간 연락이 되지 않았습니다.',
  ],
  retail: [
    '{service} 결제가 되지 않아 주말 손님 상당수가 결제를 포기했습니다.',
    '주말에 {service}이(가) 멈춰 전화로만 주문을 받느라 평소 장사를 못 했습니다.',
  ],
  lodging: [
    '{service} 예약 문의가 끊겨 주말 객실 예약을 받지 못했습니다.',
    '예약 확인 메시지가 나가지 않아 토요일 입실 손님 일부가 예약을 취소했습니다.',
  ],
};

const FOLLOW_UPS: Record<Category, readonly string[]> = {
  restaurant: ['일요일 단체 예약 두 건도 확인되지 않아 취소되었습니다.', '준비해 둔 재료 일부는 버려야 했습니다.'],
  cafe: ['주말 디저트 재료를 많이 버렸습니다.', '월요일까지 쿠폰 조회가 불안정했습니다.'],
  taxi: ['길에서 손님을 태우려 해도 주말 밤에는 거의 없었습니다.', '월요일 오후가 되어서야 호출이 조금씩 들어왔습니다.'],
  'designated-driver': ['다른 앱은 콜이 적어 수입이 거의 없었습니다.', '월요일까지도 콜이 평소보다 훨씬 적었습니다.'],
  'online-shop': ['주문 누락으로 환불 요청도 여러 건 받았습니다.', '고객 문의에 답하지 못해 취소가 이어졌습니다.'],
  'gift-seller': ['미리 만들어 둔 꽃과 떡은 팔지 못하고 폐기했습니다.', '기념일 주문이 몰리는 주말이라 피해가 컸습니다.'],
  beauty: ['예약 손님에게 일일이 전화로 연락해야 했습니다.', '빈 예약 시간을 채우지 못했습니다.'],
  academy: ['이번 달 수강료 입금이 일주일 가까이 늦어졌습니다.', '신규 상담 예약도 여러 건 놓쳤습니다.'],
  retail: ['현금이 없는 손님들은 물건을 두고 돌아갔습니다.', '배달 주문 문의도 받지 못했습니다.'],
  lodging: ['다음 주 예약 문의도 한동안 받지 못했습니다.', '성수기 주말이라 빈 객실이 아까웠습니다.'],
};

const AWKWARD_NOTES: Partial<Record<AwkwardKind, readonly string[]>> = {
  'no-loss': ['매출표상 큰 차이는 없지만 문의 응대를 못 해 손해를 봤다고 생각합니다.'],
  'claim-exceeds': ['단골 거래처 주문과 이후 예약 취소까지 합하면 실제 피해는 훨씬 큽니다.', '장애 이후 떠난 손님까지 생각하면 피해액은 신청액 이상입니다.'],
  'no-sales-data': ['POS 없이 현금과 계좌이체로만 영업해 일별 매출 자료는 따로 없습니다.', '장부를 수기로 써서 일별 매출 파일은 제출하지 못했습니다.'],
  'no-complete-baseline-week': ['POS 기기를 교체하는 과정에서 일부 날짜의 매출 기록이 빠졌습니다.'],
};

/** True when the word's last syllable ends in a consonant (받침): picks 이/가 and 으로/로. */
function endsInConsonant(word: string): { any: boolean; rieul: boolean } {
  const code = word.codePointAt(word.length - 1)! - 0xac00;
  if (code < 0 || code > 11171) return { any: false, rieul: false };
  return { any: code % 28 !== 0, rieul: code % 28 === 8 };
}

function withParticles(template: string, service: string): string {
  const final = endsInConsonant(service);
  return template
    .replace('{service}이(가)', service + (final.any ? '이' : '가'))
    .replace('{service}(으)로', service + (final.any && !final.rieul ? '으로' : '로'))
    .replace('{service}', service);
}

export interface StatementInput {
  category: Category;
  services: readonly Service[];
  awkward: AwkwardKind | null;
  /** For the copy of a duplicate pair: a sentence explaining it, or nothing. */
  extra?: string;
  openedLate?: boolean;
}

export function statementFor(rng: Random, input: StatementInput): string {
  const service = SERVICE_NAMES_KO[input.services[0] ?? 'kakaotalk'];
  const sentences = [withParticles(rng.pick(OPENINGS[input.category]), service)];
  const note = input.openedLate ? '10월 4일에 개업해 9월 매출 자료는 없습니다.' : input.awkward ? AWKWARD_NOTES[input.awkward] : undefined;
  if (typeof note === 'string') sentences.push(note);
  else if (note) sentences.push(rng.pick(note));
  if (input.extra) sentences.push(input.extra);
  if (sentences.length < 3 && rng.chance(0.45)) sentences.splice(1, 0, rng.pick(FOLLOW_UPS[input.category]));
  return sentences.join(' ');
}

/** Korean business names that look like the shop signs of 2022, by category. */
import type { Category } from './categories';
import type { Random } from './random';

interface NameParts {
  /** Words put before the kind of shop; a trailing space keeps them apart ("을지로 황소곱창"). */
  prefixes: readonly string[];
  suffixes: readonly string[];
}

const PARTS: Record<Category, NameParts> = {
  restaurant: {
    prefixes: ['행복', '을지로 ', '종로 ', '할매', '원조', '옛날', '고향', '바다', '장터', '소문난', '큰집', '명동 ', '서면 ', '전주 ', '춘천 ', '마포 ', '우리집', '엄마손', '청년', '골목'],
    suffixes: ['분식', '황소곱창', '칼국수', '순대국', '돼지갈비', '닭갈비', '김밥', '족발', '보쌈', '해장국', '냉면', '국밥', '치킨', '쭈꾸미', '중화요리', '초밥', '감자탕', '막국수'],
  },
  cafe: {
    prefixes: ['달빛', '소소', '온기', '봄날', '하루', '모퉁이', '숲속', '별빛', '구름', '오후의', '느린', '단골', '새벽', '담쟁이', '마실'],
    suffixes: ['카페', '커피', ' 로스터스', ' 베이커리카페', ' 디저트', ' 커피랩', '다방'],
  },
  taxi: {
    prefixes: ['한빛', '새서울', '늘푸른', '한마음', '해오름', '동백', '무지개', '친절', '으뜸', '번개'],
    suffixes: ['택시', '콜택시', ' 개인택시'],
  },
  'designated-driver': {
    prefixes: ['밤길', '안심', '별빛', '귀가', '착한', '24시 ', '친절', '우리', '새벽길', '달리는'],
    suffixes: ['대리운전', ' 대리운전', '대리', '안전대리'],
  },
  'online-shop': {
    prefixes: ['소담공방', '하루담', '모노', '숲내음', '바른먹거리', '손끝공방', '제철농원', '가온', '꼬마옷장', '오늘의식탁'],
    suffixes: [' 온라인스토어', ' 스토어', '몰', ' 마켓', '샵'],
  },
  'gift-seller': {
    prefixes: ['꽃담', '리본', '정성', '마음담은', '달콤', '소중한', '향기', '한아름', '봄날', '오늘의'],
    suffixes: ['플라워 선물샵', ' 기프트', ' 꽃집', ' 떡공방', ' 수제청', ' 케이크', ' 플라워'],
  },
  beauty: {
    prefixes: ['루미', '봄', '예쁜손', '살롱드', '헤어', '단정', '미소', '라온', '모던', '블루'],
    suffixes: [' 헤어', '네일', ' 헤어살롱', ' 바버샵', ' 피부관리실', ' 속눈썹'],
  },
  academy: {
    prefixes: ['한결', '새싹', '바른', '잉글리시플러스', '큰나무', '다솜', '생각하는', '푸른', '으뜸', '해법'],
    suffixes: [' 수학학원', ' 피아노교습소', ' 영어학원', ' 태권도', ' 미술학원', ' 공부방'],
  },
  retail: {
    prefixes: ['싱싱', '동네', '으뜸', '정직한', '알뜰', '한우', '대박', '행운', '새벽', '참'],
    suffixes: [' 과일가게', ' 정육점', ' 문구', ' 철물', ' 마트', ' 반찬가게', '상회', ' 꽃가게'],
  },
  lodging: {
    prefixes: ['바다향기', '솔숲', '한옥스테이 ', '별헤는', '파도소리', '노을', '소나무', '돌담', '숲속의', '하늘정원'],
    suffixes: [' 펜션', ' 게스트하우스', '민박', ' 스테이', ' 캠핑장'],
  },
};

export function businessName(rng: Random, category: Category, representative: string): string {
  if (category === 'taxi' && rng.chance(0.35)) return `개인택시 ${representative}`;
  const { prefixes, suffixes } = PARTS[category];
  const prefix = rng.pick(prefixes);
  let suffix = rng.pick(suffixes);
  if (prefix.endsWith(' ')) suffix = suffix.trimStart();
  return (prefix + suffix).replace(/\s+/g, ' ').trim();
}

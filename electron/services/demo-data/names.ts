/** Korean people's names, regions and banks for the demo cases. */
import type { Random } from './random';

/** Surnames weighted roughly by how common they are. */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['김', 21], ['이', 15], ['박', 8], ['최', 5], ['정', 5], ['강', 2.5], ['조', 2.5], ['윤', 2.2], ['장', 2],
  ['임', 1.8], ['한', 1.5], ['오', 1.5], ['서', 1.5], ['신', 1.4], ['권', 1.4], ['황', 1.3], ['안', 1.3],
  ['송', 1.3], ['류', 1.1], ['전', 1.1], ['홍', 1], ['고', 0.9], ['문', 0.9], ['양', 0.9], ['손', 0.9],
  ['배', 0.8], ['백', 0.8], ['허', 0.7], ['남', 0.6], ['노', 0.6], ['하', 0.5], ['곽', 0.4], ['성', 0.4],
];

/** Given names of people who ran small businesses in 2022: a mix of generations. */
const GIVEN_NAMES: readonly string[] = [
  '민수', '지영', '서연', '현우', '영희', '정훈', '미경', '성호', '은정', '동현', '수진', '상철', '혜진',
  '재원', '경숙', '광수', '순자', '영철', '미란', '준호', '지훈', '수빈', '하은', '태식', '명숙', '종민',
  '선영', '기철', '유진', '승민', '다은', '창호', '옥순', '정민', '나래', '병철', '윤희', '도윤', '예린',
  '진우', '현정', '용수', '은영', '재석', '미숙', '성민', '지혜', '태호', '보람', '형준', '소영', '만석',
  '경민', '희정', '상훈', '민지', '영수', '춘자', '우진', '가영',
];

export function personName(rng: Random): string {
  return rng.weighted(SURNAMES) + rng.pick(GIVEN_NAMES);
}

/** A relative with the same surname (for the shared bank account of a family). */
export function relativeName(rng: Random, of: string): string {
  let given = rng.pick(GIVEN_NAMES);
  while (given === of.slice(1)) given = rng.pick(GIVEN_NAMES);
  return of.slice(0, 1) + given;
}

/** Real 시/도 with a 구/군/시 below them. */
export const REGIONS: readonly string[] = [
  '서울특별시 마포구', '서울특별시 강남구', '서울특별시 종로구', '서울특별시 중구', '서울특별시 송파구',
  '서울특별시 관악구', '서울특별시 성동구', '서울특별시 영등포구', '서울특별시 노원구', '서울특별시 광진구',
  '서울특별시 은평구', '서울특별시 강서구', '부산광역시 해운대구', '부산광역시 부산진구', '부산광역시 중구',
  '부산광역시 수영구', '부산광역시 사하구', '대구광역시 중구', '대구광역시 수성구', '대구광역시 달서구',
  '인천광역시 남동구', '인천광역시 부평구', '인천광역시 연수구', '광주광역시 동구', '광주광역시 북구',
  '대전광역시 서구', '대전광역시 유성구', '울산광역시 남구', '세종특별자치시', '경기도 성남시 분당구',
  '경기도 수원시 영통구', '경기도 고양시 일산동구', '경기도 용인시 수지구', '경기도 부천시', '경기도 안양시 동안구',
  '경기도 화성시', '경기도 남양주시', '경기도 파주시', '경기도 김포시', '강원도 춘천시', '충청북도 청주시 상당구',
  '충청남도 천안시 서북구', '충청남도 아산시', '전라북도 전주시 완산구', '전라남도 순천시', '경상북도 포항시 남구',
  '경상남도 창원시 성산구', '경상남도 김해시', '경상남도 진주시', '제주특별자치도 제주시',
];

/** Where guesthouses and pensions are: the coast, the mountains, the old towns. */
export const LODGING_REGIONS: readonly string[] = [
  '강원도 강릉시', '강원도 속초시', '강원도 평창군', '제주특별자치도 제주시', '제주특별자치도 서귀포시',
  '부산광역시 해운대구', '경상북도 경주시', '전라남도 여수시', '경상남도 통영시', '전라북도 전주시 완산구',
  '충청남도 태안군', '경기도 가평군',
];

export const BANKS: readonly string[] = [
  'KB국민은행', '신한은행', '우리은행', '하나은행', 'NH농협은행', 'IBK기업은행', '카카오뱅크', '토스뱅크',
  '새마을금고', 'BNK부산은행', 'DGB대구은행', '우체국',
];

export interface BankAccount {
  bank: string;
  /** Masked the way a bank's account certificate prints it, e.g. 123456-**-***789. */
  maskedNumber: string;
  holder: string;
}

export function bankAccount(rng: Random, holder: string): BankAccount {
  const maskedNumber = `${rng.digits(3)}${rng.int(100, 999)}-**-***${rng.digits(3)}`;
  return { bank: rng.pick(BANKS), maskedNumber, holder };
}

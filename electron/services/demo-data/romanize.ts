/**
 * Revised Romanization of Korean, syllable by syllable (no sound-change rules): enough to print
 * a business name in a PDF whose standard fonts have no Hangul. Anything else non-ASCII becomes '?'.
 */

const INITIALS = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
const MEDIALS = ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i'];
const FINALS = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'];

/** Surnames the way their holders write them in passports, not the strict romanization. */
const SURNAMES: Record<string, string> = {
  김: 'Kim', 이: 'Lee', 박: 'Park', 최: 'Choi', 정: 'Jung', 강: 'Kang', 조: 'Cho', 윤: 'Yoon', 장: 'Jang',
  임: 'Lim', 한: 'Han', 오: 'Oh', 서: 'Seo', 신: 'Shin', 권: 'Kwon', 황: 'Hwang', 안: 'Ahn', 송: 'Song',
  류: 'Ryu', 전: 'Jeon', 홍: 'Hong', 고: 'Ko', 문: 'Moon', 양: 'Yang', 손: 'Son', 배: 'Bae', 백: 'Baek',
  허: 'Heo', 남: 'Nam', 노: 'Noh', 하: 'Ha', 곽: 'Kwak', 성: 'Sung',
};

const PROVINCES: Record<string, string> = {
  서울특별시: 'Seoul', 부산광역시: 'Busan', 대구광역시: 'Daegu', 인천광역시: 'Incheon', 광주광역시: 'Gwangju',
  대전광역시: 'Daejeon', 울산광역시: 'Ulsan', 세종특별자치시: 'Sejong', 경기도: 'Gyeonggi-do', 강원도: 'Gangwon-do',
  충청북도: 'Chungcheongbuk-do', 충청남도: 'Chungcheongnam-do', 전라북도: 'Jeollabuk-do', 전라남도: 'Jeollanam-do',
  경상북도: 'Gyeongsangbuk-do', 경상남도: 'Gyeongsangnam-do', 제주특별자치도: 'Jeju-do',
};

function syllable(ch: string): string | null {
  const code = ch.codePointAt(0)! - 0xac00;
  if (code < 0 || code > 11171) return null;
  return INITIALS[Math.floor(code / 588)]! + MEDIALS[Math.floor((code % 588) / 28)]! + FINALS[code % 28]!;
}

function capitalize(word: string): string {
  return word.slice(0, 1).toUpperCase() + word.slice(1);
}

/** "을지로 황소곱창" -> "Euljiro Hwangsogopchang". */
export function romanize(text: string): string {
  return text
    .split(' ')
    .map((word) => capitalize([...word].map((ch) => syllable(ch) ?? (/^[\x20-\x7e]$/.test(ch) ? ch : '?')).join('')))
    .join(' ');
}

/** "김민수" -> "Kim Minsu". */
export function romanizePerson(name: string): string {
  const surname = name.slice(0, 1);
  return `${SURNAMES[surname] ?? romanize(surname)} ${romanize(name.slice(1))}`;
}

/** "경기도 성남시 분당구" -> "Gyeonggi-do Seongnam-si Bundang-gu". */
export function romanizeRegion(region: string): string {
  return region
    .split(' ')
    .map((part) => {
      const province = PROVINCES[part];
      if (province) return province;
      const unit = part.slice(-1);
      if (['시', '군', '구'].includes(unit) && part.length > 1) return `${romanize(part.slice(0, -1))}-${romanize(unit).toLowerCase()}`;
      return romanize(part);
    })
    .join(' ');
}

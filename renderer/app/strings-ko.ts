/**
 * Korean UI text, the default. One term per concept: 사건 묶음 (bundle), 사건 (case), 증빙 (evidence),
 * 지원 기준 (policy), 구간 (tier), 제안 (suggestion), 산정 손실액 (assessed loss), 확인 필요 표시 (flag),
 * 위원 (member), 회의 (meeting), 출석 (attendance), 정족수 (quorum), 표결 (vote), 회피 (recusal),
 * 지원금 (award), 의결 (decision), 회의록 (minutes), 동기화 폴더 (sync folder), 받은 파일함 (inbox),
 * 불러오기 (import), 검증 보고서 (validation report), 신뢰 파일 (trust file), 보완 (revision: a case
 * coming back with supplementary documents), 입력 담당 (operator: the member at this keyboard).
 */
import { DOCUMENT_KIND_NAMES, FLAG_NAMES, FLAG_TITLES, ROLE_NAMES } from '../../shared/i18n';
import { koBundles } from '../bundles';
import { koCases } from '../cases';
import { koReview, koEvidence } from '../review';
import { koWelcome } from '../welcome';
import { koMeeting } from '../meeting';
import { koProjector } from '../meeting/projector';
import { koRoom } from '../meeting/room';
import { koBulk } from '../meeting/bulk';
import { koDecisions } from '../decisions';
import { koInboxDecisions } from '../decisions/inbox';
import { koMinutes } from '../minutes';
import { koSettings } from '../settings';
import { koTrust } from '../settings/trust';
import { koFilePicker } from '../common/file-picker';
import { koStorageFull } from '../common/storage';

export const ko = {
  app: {
    name: 'Council Desk',
    loading: '불러오는 중…',
    loadFailed: '저장된 자료를 읽지 못했습니다.',
    errorDetail: '오류 코드 {{code}}: {{message}}',
    comingLater: '다음 버전에서 제공할 기능',
    nowAvailable: '지금 확인할 수 있는 것',
  },
  shell: {
    skipToContent: '본문으로 건너뛰기',
  },
  nav: {
    label: '주 메뉴',
    bundles: '사건 묶음',
    cases: '사건',
    meeting: '회의',
    decisions: '의결',
    minutes: '회의록',
    settings: '설정',
  },
  meetingState: {
    agenda: '안건: {{meetingId}} 회의',
    proposalOpen: '표결 중: {{meetingId}} 회의, 제안 {{no}}',
    awarded: '의결: 지원 {{award}}',
    rejected: '의결: 기각',
    deferred: '보류: 서류 {{count}}종 대기',
  },
  signature: {
    trusted: '서명됨: {{name}} ({{keyid}})',
    untrusted: '신뢰하지 않는 키로 서명됨 ({{keyid}})',
    unsigned: '서명 없음',
  },
  header: {
    languageGroup: '언어',
    noCouncil: '협의체가 아직 없습니다',
    operator: '입력 담당',
    noOperator: '입력 담당 없음 (위원 명단 없음)',
    chooseOperator: '입력 담당 고르기',
    operatorOption: '{{name}} ({{role}})',
    operatorFailed: '입력 담당을 바꾸지 못했습니다 ({{code}})',
  },
  // The domain's words, from shared/i18n: the reasons, the command line and the minutes say the same.
  flags: FLAG_NAMES.ko,
  flagTitles: FLAG_TITLES.ko,
  documentKinds: DOCUMENT_KIND_NAMES.ko,
  roles: ROLE_NAMES.ko,
  ...koBundles,
  ...koCases,
  ...koReview,
  ...koEvidence,
  ...koWelcome,
  ...koMeeting,
  ...koProjector,
  ...koRoom,
  ...koBulk,
  ...koDecisions,
  ...koInboxDecisions,
  ...koMinutes,
  ...koSettings,
  ...koTrust,
  ...koFilePicker,
  ...koStorageFull,
};

export type Messages = typeof ko;

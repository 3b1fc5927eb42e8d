/** Korean text of the Minutes screen (terms as listed in app/strings-ko.ts). */
export const koMinutes = {
  minutes: {
    title: '회의록',
    intro: '회의가 끝나면 출석, 정족수, 표결과 의결을 담은 회의록을 만듭니다.',
    loadFailed: '회의를 읽지 못했습니다.',
    ready: '{{meetingId}} 회의의 회의록을 만들 수 있습니다: 의결 {{count}}건이 모두 의결 파일로 나갔습니다.',
    notReady: '{{meetingId}} 회의의 회의록은 아직 만들 수 없습니다. 회의록은 서명된 의결 파일을 그대로 옮기므로, 먼저 다음이 필요합니다:',
    missing: {
      notClosed: '회의를 종료하세요 (회의 화면의 "회의 종료").',
      noDecisions: '이 회의에는 아직 의결이 없습니다.',
      unexported: '아직 내보내지 않은 의결 {{count}}건을 의결 화면에서 내보내세요.',
      queued: '동기화 폴더를 기다리는 의결 파일 {{count}}개가 폴더에 쓰여야 합니다.',
    },
    export: {
      title: '회의록 만들기',
      languages: '언어',
      language: { ko: '한국어 (PDF, DOCX)', en: 'English (PDF, DOCX)' },
      chooseFolder: '동기화 폴더의 minutes 말고 고른 폴더에도 쓰기',
      make: '회의록 만들기',
      hint: '회의록(PDF, DOCX)과 지급 목록(CSV, XLSX)을 만들어 동기화 폴더의 minutes에 쓰고, 간사 키로 서명한 회의록 증명을 함께 씁니다. 서명 전에 확인 창이 뜹니다.',
      noLanguage: '언어를 하나 이상 고르세요.',
      busy: '회의록을 만드는 중… PDF 인쇄에 몇 초 걸립니다.',
      cancelled: '폴더를 고르지 않아 아무것도 만들지 않았습니다.',
      done: '회의록 파일 {{count}}개와 회의록 증명 {{fileName}}을 썼습니다:',
      existed: '같은 내용의 회의록 증명 {{fileName}}이 이미 있어 새로 서명하지 않았습니다:',
      failed: '회의록을 만들지 못했습니다.',
    },
    later1: '회의록 미리 보기',
    later2: '만드는 동안의 단계별 진행 표시',
  },
};

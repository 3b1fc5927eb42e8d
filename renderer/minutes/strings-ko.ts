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
    later1: '회의록 미리 보기',
    later2: 'PDF, DOCX로 내보내기와 지급 목록 (CSV, XLSX)',
    later3: '간사 키로 서명한 회의록 증명 (minutes-<회의>.dsse.json)',
  },
};

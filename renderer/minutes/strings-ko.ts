/** Korean text of the Minutes screen (terms as listed in app/strings-ko.ts). */
export const koMinutes = {
  minutes: {
    title: '회의록',
    intro: '회의가 끝나면 출석, 정족수, 표결과 의결을 담은 회의록을 만듭니다.',
    meetings: '기록된 회의: {{count}}건',
    later1: '회의록 미리 보기',
    later2: 'PDF, DOCX, CSV로 내보내기',
    later3: '감사 기록의 마지막 항목 해시를 회의록에 적기',
  },
};

/** Korean text of the Decisions screen (terms as listed in app/strings-ko.ts). */
export const koDecisions = {
  decisions: {
    title: '의결',
    intro: '위원장이 사건마다 의결을 기록하고 서명하는 곳입니다.',
    recorded: '기록된 의결: {{count}}건',
    later1: '사건별 의결: 지원금 지급(구간과 금액), 기각, 보류(추가 증빙 필요)',
    later2: '제안과 다른 지원금에는 의결 사유를 반드시 적기',
    later3: '위원장 서명 뒤 동기화 폴더에 의결 파일 내보내기',
  },
};

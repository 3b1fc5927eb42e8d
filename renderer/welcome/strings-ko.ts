/** Korean text of the first-run welcome screen (terms as listed in app/strings-ko.ts). */
export const koWelcome = {
  welcome: {
    title: 'Council Desk에 오신 것을 환영합니다',
    intro1: 'Council Desk는 피해지원 협의체의 심의 회의를 돕는 오프라인 데스크톱 앱입니다.',
    intro2: '사무국이 서명한 사건 묶음을 불러와 사건마다 증빙과 지원 기준에 따른 구간 제안을 함께 검토하고, 표결과 의결을 기록해 서명된 파일로 동기화 폴더에 내보냅니다.',
    demoHint: '데모 협의체에는 2022년 10월 15일 데이터센터 화재 뒤 구성된 카카오 1015 피해지원 협의체의 위원 6명과 사건 묶음 예시가 들어 있습니다.',
    loadDemo: '데모 협의체 불러오기',
    startEmpty: '빈 상태로 시작',
    busy: '데모 협의체를 불러오는 중입니다…',
    failed: '데모 협의체를 불러오지 못했습니다.',
    demoUnavailable: '이 설치본에는 데모 협의체가 들어 있지 않습니다.',
    invalid: '데모 사건 묶음 검사에서 오류 {{count}}건이 나왔습니다: {{problems}}',
    cancelled: '데모 사건 묶음 불러오기가 취소되었습니다.',
    operatorTitle: '이 기기에서 입력하는 사람',
    operatorIntro: '데모 협의체를 불러왔습니다. 지금 이 기기 앞에 있는 위원을 고르십시오.',
    operatorLegend: '입력 담당',
    operatorHint: '모든 감사 기록에 이 사람이 입력 담당으로 남습니다. 보통 간사이며, 머리글에서 언제든 바꿀 수 있습니다.',
    operatorOption: '{{name}} · {{role}} ({{affiliation}})',
    continue: '시작하기',
    operatorFailed: '입력 담당을 정하지 못했습니다.',
  },
};

/** Korean text of Settings → 저장 공간 (storage). */
export const koStorageSection = {
  storageSection: {
    title: '저장 공간',
    loading: '저장 공간을 확인하는 중…',
    noEstimate: '이 브라우저는 저장 공간이 얼마나 남았는지 알려 주지 않습니다.',
    used: '사용 중',
    available: '남은 공간',
    availableOf: '{{available}} (전체 {{quota}})',
    persistence: '영구 저장',
    persisted: '켜짐: 브라우저가 디스크 공간이 모자라도 이 앱의 자료를 지우지 않습니다.',
    notPersisted: '꺼짐: 브라우저가 영구 저장을 허락하지 않았습니다.',
    persistenceUnknown: '확인하는 중…',
    persistenceUnsupported: '이 브라우저는 영구 저장을 지원하지 않습니다.',
    notPersistedHint: '디스크 공간이 모자라면 브라우저가 이 앱의 자료(사건, 증빙, 표결과 의결)를 지울 수 있습니다. 백업을 자주 만들어 두세요.',
    quotaHint: '사건 묶음을 불러오기 전에 남은 공간이 모자라면 먼저 알려 드립니다. 도중에 공간이 다 차면 불러오기나 일괄 표결은 통째로 되돌려지고, 아무것도 반쯤 저장되지 않습니다.',
    refresh: '다시 확인',
  },
};

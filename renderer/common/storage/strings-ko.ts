/** Korean text of storage running out (common/storage): the same in every screen that writes. */
export const koStorageFull = {
  storageFull: {
    detail: '오류 코드 {{code}}: 이 컴퓨터에서 앱이 쓸 수 있는 저장 공간(브라우저의 저장 할당량)이 가득 찼습니다.',
    figures: '전체 {{quota}} 중 {{usage}}를 쓰고 있어 남은 공간은 {{available}}입니다.',
    hint: '디스크의 다른 파일을 지워 공간을 비운 뒤 다시 하세요.',
  },
};

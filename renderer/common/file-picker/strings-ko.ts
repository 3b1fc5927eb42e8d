/** Korean text of the in-app file picker (browser mode), terms as listed in app/strings-ko.ts. */
export const koFilePicker = {
  filePicker: {
    title: { bundle: '사건 묶음 파일 고르기', trust: '신뢰 파일 고르기', folder: '폴더 고르기', key: '개인 키 파일 고르기', decision: '의결 파일 고르기', backup: '백업 파일 고르기' },
    intro: {
      bundle: '폴더와 사건 묶음 파일(.cdbundle)이 보입니다.',
      trust: '폴더와 신뢰 파일(.json)이 보입니다.',
      folder: '고를 폴더로 들어간 뒤 "이 폴더 고르기"를 누르세요.',
      key: '폴더와 키 파일(.pem)이 보입니다.',
      decision: '폴더와 의결 파일(.dsse.json)이 보입니다.',
      backup: '폴더와 백업 파일(.cdbackup)이 보입니다.',
    },
    location: '위치',
    go: '이동',
    up: '위 폴더',
    listLabel: '{{path}}의 내용',
    folderBadge: '폴더',
    empty: '이 폴더에는 보일 것이 없습니다.',
    truncated: '항목이 많아 처음 {{count}}개만 보입니다. 위치에 경로를 적어 바로 이동할 수 있습니다.',
    loading: '폴더를 읽는 중…',
    readFailed: '폴더를 읽지 못했습니다.',
    keys: '↑↓로 고르고 Enter로 엽니다. Backspace는 위 폴더, Esc는 취소입니다.',
    choose: '고르기',
    chooseFolder: '이 폴더 고르기',
    cancel: '취소',
  },
};

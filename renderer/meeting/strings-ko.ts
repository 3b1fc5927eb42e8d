/** Korean text of the Meeting screen (terms as listed in app/strings-ko.ts; the members' roles are shared/i18n's). */
export const koMeeting = {
  meeting: {
    title: '회의',
    intro: '이 협의체의 위원입니다. 간사는 기록을 맡고 표결하지 않습니다.',
    membersCaption: '위원 명단',
    empty: '등록된 위원이 없습니다.',
    colName: '이름',
    colRole: '역할',
    colAffiliation: '소속',
    colVotes: '표결',
    votes: '표결함',
    doesNotVote: '표결하지 않음',
    later1: '회의 만들기: 날짜, 장소, 안건(사건) 정하기',
    later2: '출석과 도착·퇴장 시각 기록, 정족수 확인',
    later3: '사건별 표결(찬성, 반대, 기권, 회피와 그 사유) 기록',
  },
};

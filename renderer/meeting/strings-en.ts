/** English text of the Meeting screen: the same keys as strings-ko.ts. */
import type { koMeeting } from './strings-ko';

export const enMeeting: typeof koMeeting = {
  meeting: {
    title: 'Meeting',
    intro: "The council's members. The secretary keeps the record and does not vote.",
    membersCaption: 'Members',
    empty: 'No members yet.',
    colName: 'Name',
    colRole: 'Role',
    colAffiliation: 'Affiliation',
    colVotes: 'Vote',
    votes: 'Votes',
    doesNotVote: 'Does not vote',
    later1: 'Create a meeting: date, place, agenda (cases)',
    later2: 'Record attendance with arrival and leaving times; check the quorum',
    later3: 'Record each vote per case (approve, reject, abstain, recusal with its reason)',
  },
};

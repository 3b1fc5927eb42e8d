/**
 * What the room's controls do: each writes through the room's data functions (run: refusals shown
 * and said), then says what happened and moves focus where the work goes on.
 */
import { useTranslation } from 'react-i18next';
import type { SuggestedRecusal } from '../../../shared/meeting/conflicts';
import type { VoteChoice } from '../../../shared/meeting/types';
import { announce } from '../../common/announcer';
import { useServices } from '../../common/services';
import { useUiStore } from '../../common/ui-store';
import type { MeetingRow, MemberRow, ProposalRow } from '../../db/rows';
import { markArrived, markLeft } from './attendance-db';
import { recordDecision, reopenDecision } from './decision-db';
import { closeProposal, openProposal, type ProposalInput } from './proposal-db';
import { confirmRecusal, declareRecusal, dismissRecusal, withdrawRecusal } from './recusal-db';
import { countCase } from './room-count';
import type { RoomCase } from './room-load';
import { decisionWhat, memberName, proposalWhat } from './room-words';
import { tallyNews } from './TallyPanel';
import type { TallyAnnouncer } from './tally-announcer';
import { recordVoteAndRead } from './vote-db';
import type { RoomAction } from './use-room-action';
import type { RoomDataView } from './use-room-data';
import type { RoomSection } from './use-room-keys';

interface Context {
  meeting: MeetingRow;
  members: readonly MemberRow[];
  caseId: string | null;
  room: RoomCase | null;
  action: RoomAction;
  showVotes: RoomDataView['showVotes'];
  tallies: TallyAnnouncer;
  focus(section: RoomSection): void;
}

export function useRoomHandlers({ meeting, members, caseId, room, action, tallies, showVotes, focus }: Context) {
  const { t } = useTranslation();
  const { db } = useServices();
  const language = useUiStore((s) => s.language);
  const { meetingId } = meeting;
  const { run } = action;
  const recusals = room?.recusals ?? [];
  const ok = (value: unknown) => value !== undefined;

  async function attendance(member: MemberRow, leaving: boolean) {
    const updated = await run(() => (leaving ? markLeft : markArrived)(db, meetingId, member.memberId));
    if (!updated) return;
    const count = countCase({ meeting: updated, roster: members, recusals, votes: [], at: new Date().toISOString() });
    const state = count.quorumMet ? t('room.attendance.quorumMet') : t('room.attendance.quorumLost');
    const news = t(leaving ? 'room.attendance.leftNews' : 'room.attendance.arrivedNews', { name: member.name, present: count.present, needed: count.quorumNeeded, state });
    announce(news, leaving && !count.quorumMet ? 'assertive' : 'polite');
  }

  async function vote(member: MemberRow, choice: VoteChoice, proposalNo: number): Promise<boolean> {
    if (caseId === null) return false;
    const recorded = await run(
      () => recordVoteAndRead(db, { meetingId, caseId, proposalNo, memberId: member.memberId, vote: choice }),
      (r) => showVotes(meetingId, caseId, r.votes),
    );
    if (!recorded) return false;
    const votes = recorded.votes.filter((v) => v.proposalNo === proposalNo);
    const count = countCase({ meeting, roster: members, recusals, votes, at: new Date().toISOString() });
    tallies.say(`${t('room.vote.recordedNews', { name: member.name, choice: t(`room.vote.choice.${choice}`) })}. ${tallyNews(t, count)}`);
    return true;
  }

  return {
    arrive: (m: MemberRow) => void attendance(m, false),
    leave: (m: MemberRow) => void attendance(m, true),
    confirm: async (s: SuggestedRecusal) => {
      if (caseId === null) return;
      if (ok(await run(() => confirmRecusal(db, { meetingId, caseId, memberId: s.memberId, conflictId: s.conflictId })))) {
        announce(t('room.recusal.confirmedNews', { name: memberName(members, s.memberId) }));
      }
    },
    dismiss: async (s: SuggestedRecusal, reason: string) => {
      if (caseId === null) return false;
      const done = ok(await run(() => dismissRecusal(db, { meetingId, caseId, memberId: s.memberId, conflictId: s.conflictId, reason })));
      if (done) announce(t('room.recusal.dismissedNews', { name: memberName(members, s.memberId) }));
      return done;
    },
    declare: async (memberId: string, reason: string) => {
      if (caseId === null) return false;
      const done = ok(await run(() => declareRecusal(db, { meetingId, caseId, memberId, reason })));
      if (done) announce(t('room.recusal.confirmedNews', { name: memberName(members, memberId) }));
      return done;
    },
    /** Withdrawn, the member counts again: with a proposal open focus goes to the votes, else to the recusals' heading. */
    withdraw: async (memberId: string, reason: string) => {
      if (caseId === null) return false;
      const done = ok(await run(() => withdrawRecusal(db, { meetingId, caseId, memberId, reason })));
      if (done) {
        announce(t('room.recusal.withdrawnNews', { name: memberName(members, memberId) }));
        if (room?.proposals.some((p) => p.status === 'open')) focus('votes');
        else document.getElementById('room-recusal-title')?.focus();
      }
      return done;
    },
    propose: async (input: ProposalInput) => {
      if (caseId === null) return false;
      const opened = await run(() => openProposal(db, { meetingId, caseId, proposal: input }));
      if (!opened) return false;
      announce(t('room.proposal.openedNews', { what: proposalWhat(t, opened.proposal, language) }));
      focus('votes');
      return true;
    },
    vote,
    close: async (p: ProposalRow) => {
      const closed = await run(() => closeProposal(db, { meetingId, caseId: p.caseId, no: p.no }));
      if (!closed?.tally) return;
      const { approve, reject, abstain } = closed.tally;
      tallies.drop();
      announce(t('room.proposal.closedNews', { what: proposalWhat(t, closed, language), status: t(`room.proposal.status.${closed.status}`), approve, reject, abstain }));
      focus(closed.status === 'passed' ? 'decision' : 'proposal');
    },
    decide: async (p: ProposalRow, rationale: string) => {
      const decision = await run(() => recordDecision(db, { meetingId, caseId: p.caseId, proposalNo: p.no, rationale }));
      if (!decision) return false;
      announce(t('room.decision.recordedNews', { caseId: decision.caseId, what: decisionWhat(t, decision, language), revision: decision.revision }));
      focus('decision');
      return true;
    },
    reopen: async (reason: string) => {
      if (caseId === null) return false;
      const done = ok(await run(() => reopenDecision(db, { meetingId, caseId, reason })));
      if (done) {
        announce(t('room.decision.reopenedNews', { caseId }));
        focus('proposal');
      }
      return done;
    },
  };
}

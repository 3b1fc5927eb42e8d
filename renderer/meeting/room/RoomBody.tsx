/**
 * The room on one case of an open meeting: the case large on the left; attendance, recusals, the
 * proposal with its votes and tally, and the decision on the right. Counts are taken at render
 * time (presence is a stretch of time), by the meeting's rules.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { presentAt, votingMembers } from '../../../shared/meeting/counting';
import type { VoteChoice } from '../../../shared/meeting/types';
import { ScreenFrame } from '../../common/ScreenFrame';
import { describeError } from '../../common/council-api';
import { useServices } from '../../common/services';
import { useRoomBulkVote } from '../bulk';
import { openProjector, setProjectorFocus } from '../projector';
import { useUiStore } from '../../common/ui-store';
import type { MemberRow, RecusalRow } from '../../db/rows';
import { requiredDocumentChecklist } from '../../review';
import { AttendancePanel } from './AttendancePanel';
import { CaseNav } from './CaseNav';
import { CurrentCase } from './CurrentCase';
import { DecisionPanel } from './DecisionPanel';
import { ProposalPanel } from './ProposalPanel';
import { RecusalPanel } from './RecusalPanel';
import { RoomKeysHelp } from './RoomKeysHelp';
import { countCase, countMeeting, quorumKey, recusedSet, type Quorum } from './room-count';
import { focusSection } from './room-focus';
import { decidableProposal, openProposalOf, pendingSuggestions, type RoomCase, type RoomMeeting } from './room-load';
import { noteEvidenceOpened, takeEvidenceReturn, useRoomStore } from './room-store';
import { TallyAnnouncer } from './tally-announcer';
import { useRoomAction } from './use-room-action';
import type { RoomDataView } from './use-room-data';
import { useRoomHandlers } from './use-room-handlers';
import { useRoomKeys, type RoomSection } from './use-room-keys';
import { useSameCallbacks, useSameContent, useSameSet } from './use-same';

interface Props {
  data: RoomMeeting;
  caseId: string | null;
  room: RoomCase | null;
  reload(): Promise<void>;
  showVotes: RoomDataView['showVotes'];
}

const NO_RECUSALS: RecusalRow[] = [];

function focusCase() {
  document.getElementById('room-case-title')?.focus();
}

export function RoomBody({ data, caseId, room, reload, showVotes }: Props) {
  const { t } = useTranslation();
  const { db, api } = useServices();
  const language = useUiStore((s) => s.language);
  const setCase = useRoomStore((s) => s.setCase);
  const { meeting, members } = data;
  const action = useRoomAction(reload, members);
  const tallies = useMemo(() => new TallyAnnouncer(), []);
  useEffect(() => () => tallies.dispose(), [tallies]);
  const [focusRequest, setFocusRequest] = useState<{ section: RoomSection; n: number } | null>(null);
  const requestFocus = (section: RoomSection) => setFocusRequest((prev) => ({ section, n: (prev?.n ?? 0) + 1 }));
  useEffect(() => {
    if (focusRequest) focusSection(focusRequest.section);
  }, [focusRequest]);

  // Back from the evidence, or on another case: the case's name (ScreenFrame focused the title first).
  const shownCase = useRef(caseId);
  useEffect(() => {
    if (takeEvidenceReturn() || shownCase.current !== caseId) focusCase();
    shownCase.current = caseId;
  }, [caseId]);

  // Counts are taken now (presence is a stretch of time); each is kept while it says the same, so
  // the panels a vote does not change are not rendered again (the memoised panels compare props).
  const now = new Date().toISOString();
  const voters = useMemo(() => votingMembers(members) as MemberRow[], [members]);
  const present = useSameSet(presentAt(meeting.attendance, now));
  const recusals = room?.recusals ?? NO_RECUSALS;
  const recused = useMemo(() => recusedSet(recusals), [recusals]);
  const suggestions = room?.suggestions;
  const pending = useMemo(() => (suggestions ? pendingSuggestions({ suggestions, recusals }) : []), [suggestions, recusals]);
  const review = room?.review;
  const documents = useMemo(() => (review ? requiredDocumentChecklist(review.bundle.manifest.policy.requiredDocuments, review.row.record.documents) : []), [review]);
  const open = room ? openProposalOf(room.proposals) : undefined;
  const votes = room?.votes;
  const openVotes = useMemo(() => (open && votes ? votes.filter((v) => v.proposalNo === open.no) : []), [open, votes]);
  const count = countCase({ meeting, roster: members, recusals, votes: openVotes, at: now });
  const meetingQuorum = countMeeting(meeting, members, now);
  const quorum = useSameContent<Quorum>(meetingQuorum, quorumKey(meetingQuorum));
  const caseQuorum = useSameContent<Quorum>(count, quorumKey(count));
  const decidable = room ? decidableProposal(room, meeting.meetingId) : undefined;
  const disabled = meeting.status !== 'open';
  const handlers = useSameCallbacks(useRoomHandlers({ meeting, members, caseId, room, action, tallies, showVotes, focus: requestFocus }));

  const index = caseId === null ? -1 : meeting.agenda.indexOf(caseId);
  const go = (step: number) => {
    const target = meeting.agenda[index + step];
    if (target !== undefined) setCase(meeting.meetingId, target);
  };
  const evidence = () => {
    if (caseId === null) return;
    noteEvidenceOpened(caseId);
    // The review is shown in place of the room (MeetingRoom.tsx); previous and next follow the agenda.
    useUiStore.setState({ reviewCaseId: caseId, reviewOrder: meeting.agenda, reviewListSize: meeting.agenda.length });
  };
  const [keysOpen, setKeysOpen] = useState(false);
  const projector = () => void openProjector(api, meeting.meetingId).catch((err: unknown) => action.refuse(describeError(err).message));
  // The projector window follows the case in front of the council.
  useEffect(() => {
    void setProjectorFocus(db, { meetingId: meeting.meetingId, caseId }).catch(() => undefined);
  }, [db, meeting.meetingId, caseId]);
  const bulk = useRoomBulkVote({ meetingId: meeting.meetingId, agenda: meeting.agenda, disabled, reload, onProblem: action.refuse });
  const controls = useSameCallbacks({
    previous: () => go(-1),
    next: () => go(1),
    evidence,
    projector,
    bulk: () => void bulk.start(),
    openKeys: () => setKeysOpen(true),
    closeKeys: () => setKeysOpen(false),
    back: () => useUiStore.getState().openMeeting(meeting.meetingId, 'setup'),
    vote: (m: MemberRow, choice: VoteChoice) => (open ? handlers.vote(m, choice, open.no) : Promise.resolve(false)),
    refused: (m: MemberRow, state: 'recused' | 'absent') => action.refuse(t(state === 'recused' ? 'room.refusals.MEMBER_RECUSED' : 'room.refusals.MEMBER_NOT_PRESENT', { name: m.name })),
  });
  useRoomKeys({ previous: controls.previous, next: controls.next, evidence: controls.evidence, focus: focusSection, projector: controls.projector, bulk: controls.bulk, help: controls.openKeys });

  return (
    <ScreenFrame screen="meeting-room" title={t('room.title', { date: meeting.date, place: meeting.place })} intro={t('room.intro')}>
      <RoomKeysHelp open={keysOpen} onOpen={controls.openKeys} onClose={controls.closeKeys} onProjector={controls.projector} onBulk={controls.bulk} bulkDisabled={disabled} onBack={controls.back} />
      {bulk.dialog}
      {disabled && <p className="notice room-closed">{t('room.notOpen', { status: t(`room.meetingStatus.${meeting.status}`) })}</p>}
      {action.problem !== null && (
        <p className="notice notice--error room-problem" data-testid="room-problem">
          {action.problem}
        </p>
      )}
      {room === null || caseId === null ? (
        <p className="card card--empty">{t('room.emptyAgenda')}</p>
      ) : (
        <>
          <CaseNav position={index + 1} total={meeting.agenda.length} onPrevious={controls.previous} onNext={controls.next} />
          <div className="room-columns">
            <CurrentCase review={room.review} language={language} onEvidence={controls.evidence} />
            <div className="room-columns__work">
              <AttendancePanel meeting={meeting} voters={voters} present={present} quorum={quorum} language={language} disabled={disabled} onArrive={handlers.arrive} onLeave={handlers.leave} />
              <RecusalPanel voters={voters} recusals={recusals} pending={pending} disabled={disabled || room.locked} onConfirm={handlers.confirm} onDismiss={handlers.dismiss} onDeclare={handlers.declare} onWithdraw={handlers.withdraw} />
              <ProposalPanel
                row={room.review.row}
                documents={documents}
                proposals={room.proposals}
                open={open}
                blocked={room.locked ? t('room.decision.locked') : decidable ? t('room.proposal.awaitsDecision') : null}
                voters={voters}
                votes={openVotes}
                present={present}
                recused={recused}
                count={count}
                rules={meeting.rules}
                language={language}
                disabled={disabled}
                onPropose={handlers.propose}
                onVote={controls.vote}
                onRefused={controls.refused}
                onClose={handlers.close}
              />
              <DecisionPanel row={room.review.row} decidable={decidable} decisions={room.decisions} locked={room.locked} quorum={caseQuorum} language={language} disabled={disabled} onDecide={handlers.decide} onReopen={handlers.reopen} />
            </div>
          </div>
        </>
      )}
    </ScreenFrame>
  );
}

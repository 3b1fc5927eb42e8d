/**
 * The room on one case of an open meeting: the case large on the left; attendance, recusals, the
 * proposal with its votes and tally, and the decision on the right. Counts are taken at render
 * time (presence is a stretch of time), by the meeting's rules.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { presentAt, votingMembers } from '../../../shared/meeting/counting';
import { ScreenFrame } from '../../common/ScreenFrame';
import { describeError } from '../../common/council-api';
import { useServices } from '../../common/services';
import { useRoomBulkVote } from '../bulk';
import { openProjector, setProjectorFocus } from '../projector';
import { useUiStore } from '../../common/ui-store';
import type { MemberRow } from '../../db/rows';
import { requiredDocumentChecklist } from '../../review';
import { AttendancePanel } from './AttendancePanel';
import { CaseNav } from './CaseNav';
import { CurrentCase } from './CurrentCase';
import { DecisionPanel } from './DecisionPanel';
import { ProposalPanel } from './ProposalPanel';
import { RecusalPanel } from './RecusalPanel';
import { RoomKeysHelp } from './RoomKeysHelp';
import { countCase, countMeeting, recusedSet } from './room-count';
import { focusSection } from './room-focus';
import { decidableProposal, openProposalOf, pendingSuggestions, type RoomCase, type RoomMeeting } from './room-load';
import { noteEvidenceOpened, takeEvidenceReturn, useRoomStore } from './room-store';
import { TallyAnnouncer } from './tally-announcer';
import { useRoomAction } from './use-room-action';
import { useRoomHandlers } from './use-room-handlers';
import { useRoomKeys, type RoomSection } from './use-room-keys';

interface Props {
  data: RoomMeeting;
  caseId: string | null;
  room: RoomCase | null;
  reload(): Promise<void>;
}

function focusCase() {
  document.getElementById('room-case-title')?.focus();
}

export function RoomBody({ data, caseId, room, reload }: Props) {
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

  const now = new Date().toISOString();
  const voters = votingMembers(members) as MemberRow[];
  const present = presentAt(meeting.attendance, now);
  const recusals = room?.recusals ?? [];
  const open = room ? openProposalOf(room.proposals) : undefined;
  const openVotes = open && room ? room.votes.filter((v) => v.proposalNo === open.no) : [];
  const count = countCase({ meeting, roster: members, recusals, votes: openVotes, at: now });
  const decidable = room ? decidableProposal(room, meeting.meetingId) : undefined;
  const disabled = meeting.status !== 'open';
  const handlers = useRoomHandlers({ meeting, members, caseId, room, openVotes, action, tallies, focus: requestFocus });

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
  useRoomKeys({ previous: () => go(-1), next: () => go(1), evidence, focus: focusSection, projector, bulk: () => void bulk.start(), help: () => setKeysOpen(true) });

  return (
    <ScreenFrame screen="meeting-room" title={t('room.title', { date: meeting.date, place: meeting.place })} intro={t('room.intro')}>
      <RoomKeysHelp
        open={keysOpen}
        onOpen={() => setKeysOpen(true)}
        onClose={() => setKeysOpen(false)}
        onProjector={projector}
        onBulk={() => void bulk.start()}
        bulkDisabled={disabled}
        onBack={() => useUiStore.getState().openMeeting(meeting.meetingId, 'setup')}
      />
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
          <CaseNav position={index + 1} total={meeting.agenda.length} onPrevious={() => go(-1)} onNext={() => go(1)} />
          <div className="room-columns">
            <CurrentCase review={room.review} language={language} onEvidence={evidence} />
            <div className="room-columns__work">
              <AttendancePanel meeting={meeting} voters={voters} present={present} quorum={countMeeting(meeting, members, now)} language={language} disabled={disabled} onArrive={handlers.arrive} onLeave={handlers.leave} />
              <RecusalPanel voters={voters} recusals={recusals} pending={pendingSuggestions(room)} disabled={disabled || room.locked} onConfirm={handlers.confirm} onDismiss={handlers.dismiss} onDeclare={handlers.declare} onWithdraw={handlers.withdraw} />
              <ProposalPanel
                row={room.review.row}
                documents={requiredDocumentChecklist(room.review.bundle.manifest.policy.requiredDocuments, room.review.row.record.documents)}
                proposals={room.proposals}
                open={open}
                blocked={room.locked ? t('room.decision.locked') : decidable ? t('room.proposal.awaitsDecision') : null}
                voters={voters}
                votes={openVotes}
                present={present}
                recused={recusedSet(recusals)}
                count={count}
                rules={meeting.rules}
                language={language}
                disabled={disabled}
                onPropose={handlers.propose}
                onVote={(m, choice) => (open ? handlers.vote(m, choice, open.no) : Promise.resolve(false))}
                onRefused={(m, state) => action.refuse(t(state === 'recused' ? 'room.refusals.MEMBER_RECUSED' : 'room.refusals.MEMBER_NOT_PRESENT', { name: m.name }))}
                onClose={handlers.close}
              />
              <DecisionPanel row={room.review.row} decidable={decidable} decisions={room.decisions} locked={room.locked} quorum={count} language={language} disabled={disabled} onDecide={handlers.decide} onReopen={handlers.reopen} />
            </div>
          </div>
        </>
      )}
    </ScreenFrame>
  );
}

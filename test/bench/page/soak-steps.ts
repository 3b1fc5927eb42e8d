/**
 * The soak's steps done with the room's own functions (renderer/meeting/room/): attendance, a
 * recusal, proposals opened, voted on member by member and closed, the decision recorded, a
 * decision reopened. Every write gets the soak's clock (one second a step), so the script is the
 * same each run. The room's answer is held to the plan: a proposal that does not pass or fail as
 * planned, or a decision that comes to something else, stops the soak.
 */
import { markArrived, markLeft } from '../../../renderer/meeting/room/attendance-db';
import { recordDecision, reopenDecision } from '../../../renderer/meeting/room/decision-db';
import { closeProposal, openProposal } from '../../../renderer/meeting/room/proposal-db';
import { declareRecusal } from '../../../renderer/meeting/room/recusal-db';
import { recordVote } from '../../../renderer/meeting/room/vote-db';
import type { CouncilDb } from '../../../renderer/db/schema';
import type { SoakDecision, SoakStep } from '../soak-plan';

/** Milliseconds spent in each kind of write, and how many of each. */
export interface StepTimes {
  votes: { n: number; ms: number };
  proposals: { n: number; ms: number };
  decisions: { n: number; ms: number };
  attendance: { n: number; ms: number };
  recusals: { n: number; ms: number };
  reopenings: { n: number; ms: number };
}

export function noTimes(): StepTimes {
  const zero = () => ({ n: 0, ms: 0 });
  return { votes: zero(), proposals: zero(), decisions: zero(), attendance: zero(), recusals: zero(), reopenings: zero() };
}

/** The soak's clock: each call is one second after the last. */
export function soakClock(startMs: number): () => string {
  let t = startMs;
  return () => new Date((t += 1000)).toISOString();
}

async function timed<T>(slot: { n: number; ms: number }, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  slot.ms += performance.now() - started;
  slot.n += 1;
  return result;
}

async function decide(db: CouncilDb, meetingId: string, d: SoakDecision, now: () => string, times: StepTimes): Promise<void> {
  const { caseId } = d;
  if (d.recuse) {
    const { memberId, reason } = d.recuse;
    await timed(times.recusals, () => declareRecusal(db, { meetingId, caseId, memberId, reason }, { now: now() }));
  }
  let passedNo: number | null = null;
  for (const p of d.proposals) {
    const { proposal } = await timed(times.proposals, () => openProposal(db, { meetingId, caseId, proposal: p.input }, { now: now() }));
    for (const [memberId, vote] of p.votes) {
      await timed(times.votes, () => recordVote(db, { meetingId, caseId, proposalNo: proposal.no, memberId, vote }, { now: now() }));
    }
    const closed = await timed(times.proposals, () => closeProposal(db, { meetingId, caseId, no: proposal.no }, { now: now() }));
    if ((closed.status === 'passed') !== p.passes) {
      throw new Error(`${caseId} revision ${d.revision}: proposal ${closed.no} ${closed.status}, planned to ${p.passes ? 'pass' : 'fail'} (tally ${JSON.stringify(closed.tally)})`);
    }
    if (p.passes) passedNo = closed.no;
  }
  if (passedNo === null) throw new Error(`${caseId} revision ${d.revision}: the plan has no passing proposal`);
  const proposalNo = passedNo;
  const decision = await timed(times.decisions, () => recordDecision(db, { meetingId, caseId, proposalNo, rationale: d.rationale }, { now: now() }));
  if (decision.revision !== d.revision || decision.outcome !== d.outcome || decision.award !== d.award) {
    throw new Error(
      `${caseId}: the room decided revision ${decision.revision} ${decision.outcome} ${decision.award}, the plan revision ${d.revision} ${d.outcome} ${d.award}`,
    );
  }
}

export async function runStep(db: CouncilDb, meetingId: string, step: SoakStep, now: () => string, times: StepTimes): Promise<void> {
  switch (step.kind) {
    case 'arrive':
      await timed(times.attendance, () => markArrived(db, meetingId, step.memberId, { now: now() }));
      return;
    case 'leave':
      await timed(times.attendance, () => markLeft(db, meetingId, step.memberId, { now: now() }));
      return;
    case 'reopen':
      await timed(times.reopenings, () => reopenDecision(db, { meetingId, caseId: step.caseId, reason: step.reason }, { now: now() }));
      return;
    case 'decide':
      await decide(db, meetingId, step.decision, now, times);
  }
}

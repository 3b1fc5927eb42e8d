/**
 * The bulk vote dialog's data: where the selection stands (read again after each vote recorded),
 * the chosen member's plan (read again when the member changes or a vote is recorded), and the
 * recording itself. The screen holds the choices; this holds what the database says of them.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { VoteChoice } from '../../../shared/meeting/types';
import { describeError, type ErrorInfo } from '../../common/council-api';
import type { CouncilDb } from '../../db/schema';
import { loadBulkStanding, type BulkStanding } from './bulk-standing';
import { planBulkVote, recordBulkVote, type BulkVotePlan, type BulkVoteResult } from './bulk-vote-db';

export type Loaded<T> = { state: 'loading' } | { state: 'done'; value: T } | { state: 'failed'; error: ErrorInfo };

export interface BulkVoteData {
  standing: Loaded<BulkStanding | null>;
  /** The plan of the member chosen (null: none chosen). */
  plan: Loaded<BulkVotePlan> | null;
  recording: boolean;
  /** The standing was read after the last vote recorded (not the one from before it). */
  fresh: boolean;
  record(memberId: string, vote: VoteChoice): Promise<BulkVoteResult>;
}

export function useBulkVote(db: CouncilDb, meetingId: string, caseIds: readonly string[], memberId: string | null, now: () => string): BulkVoteData {
  const [standing, setStanding] = useState<{ loaded: Loaded<BulkStanding | null>; generation: number }>({ loaded: { state: 'loading' }, generation: 0 });
  const [plan, setPlan] = useState<Loaded<BulkVotePlan> | null>(null);
  const [recording, setRecording] = useState(false);
  // Bumped after each vote recorded: the standing and the plan are read again.
  const [generation, setGeneration] = useState(0);
  const nowRef = useRef(now);
  nowRef.current = now;

  useEffect(() => {
    let current = true;
    loadBulkStanding(db, meetingId, caseIds, { now: nowRef.current() }).then(
      (value) => current && setStanding({ loaded: { state: 'done', value }, generation }),
      (err: unknown) => current && setStanding({ loaded: { state: 'failed', error: describeError(err) }, generation }),
    );
    return () => {
      current = false;
    };
  }, [db, meetingId, caseIds, generation]);

  useEffect(() => {
    if (memberId === null) {
      setPlan(null);
      return;
    }
    let current = true;
    setPlan({ state: 'loading' });
    planBulkVote(db, meetingId, memberId, caseIds, { now: nowRef.current() }).then(
      (value) => current && setPlan({ state: 'done', value }),
      (err: unknown) => current && setPlan({ state: 'failed', error: describeError(err) }),
    );
    return () => {
      current = false;
    };
  }, [db, meetingId, caseIds, memberId, generation]);

  const record = useCallback(
    async (member: string, vote: VoteChoice) => {
      setRecording(true);
      try {
        return await recordBulkVote(db, meetingId, member, vote, caseIds, { now: nowRef.current() });
      } finally {
        setRecording(false);
        setGeneration((g) => g + 1);
      }
    },
    [db, meetingId, caseIds],
  );

  return { standing: standing.loaded, fresh: !recording && standing.generation === generation, plan, recording, record };
}

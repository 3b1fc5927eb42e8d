/**
 * How far main has come with a run of "Make the minutes": asked every POLL_MS while the run is under
 * way (runId set), as main reports each step done (shared/minutes/minutes-steps.ts). A failed ask
 * keeps the last answer: the run's own answer tells how it ended.
 */
import { useEffect, useState } from 'react';
import type { MinutesProgress } from '../../shared/minutes/minutes-steps';
import type { CouncilApi } from '../common/council-api';

export const POLL_MS = 250;

export function useMinutesProgress(api: CouncilApi, runId: string | null): MinutesProgress | null {
  const [progress, setProgress] = useState<MinutesProgress | null>(null);
  useEffect(() => {
    setProgress(null);
    if (runId === null) return;
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      const now = await api.getMinutesProgress({ runId }).catch(() => undefined);
      if (!current) return;
      if (now) setProgress(now);
      timer = setTimeout(() => void ask(), POLL_MS);
    };
    void ask();
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, runId]);
  return progress;
}

/**
 * The projector's state, kept live: Dexie's liveQuery reads it again whenever a table it read
 * changes, in this window or another on the same database (the room's), and once a few seconds
 * anyway, so the count of members present follows arrival and departure times as they pass.
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';
import type { CouncilDb } from '../../db/schema';
import { loadProjectorState, type ProjectorState } from './projector-state';

const TICK_MS = 5_000;

export type ProjectorLoad = { state: 'loading' } | { state: 'missing' } | { state: 'ready'; value: ProjectorState } | { state: 'failed'; message: string };

export function useProjectorState(db: CouncilDb, meetingId: string): ProjectorLoad {
  const [load, setLoad] = useState<ProjectorLoad>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    const subscription = liveQuery(() => loadProjectorState(db, meetingId)).subscribe({
      next: (value) => setLoad(value === null ? { state: 'missing' } : { state: 'ready', value }),
      error: (err: unknown) => setLoad({ state: 'failed', message: err instanceof Error ? err.message : String(err) }),
    });
    return () => subscription.unsubscribe();
  }, [db, meetingId, tick]);
  return load;
}

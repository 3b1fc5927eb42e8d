/**
 * While this device has decision files queued for the sync folder, the outbox is asked every
 * POLL_MS (main retries by itself; this records what it wrote), and Retry asks main to try now.
 * `onWritten` is called when a queued file was recorded written (the table reads it again).
 */
import { useCallback, useEffect, useState } from 'react';
import type { OutboxStatus } from '../../../shared/api';
import { describeError, type ErrorInfo } from '../../common/council-api';
import { useServices } from '../../common/services';
import { refreshOutbox, retryQueued, type OutboxCheck } from './outbox';

export const POLL_MS = 10_000;

export interface Outbox {
  status: OutboxStatus | null;
  retrying: boolean;
  /** What the last retry wrote; null before one. */
  retried: number | null;
  error: ErrorInfo | null;
  retry(): void;
}

export function useOutbox(queued: number, onWritten: () => void): Outbox {
  const { db, api } = useServices();
  const [status, setStatus] = useState<OutboxStatus | null>(null);
  const [retrying, setRetrying] = useState(false);
  const [retried, setRetried] = useState<number | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);

  const took = useCallback(
    (check: OutboxCheck) => {
      setStatus(check.status);
      if (check.written > 0) onWritten();
    },
    [onWritten],
  );

  useEffect(() => {
    if (queued === 0) return;
    let live = true;
    const ask = () => {
      refreshOutbox(db, api).then(
        (check) => live && took(check),
        () => undefined, // a failed poll changes nothing; the next one, or Retry, says more
      );
    };
    ask();
    const timer = setInterval(ask, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [db, api, queued, took]);

  const retry = useCallback(() => {
    if (retrying) return;
    setRetrying(true);
    setError(null);
    retryQueued(db, api)
      .then(
        (check) => {
          setRetried(check.written);
          took(check);
        },
        (err: unknown) => setError(describeError(err)),
      )
      .finally(() => setRetrying(false));
  }, [db, api, retrying, took]);

  return { status, retrying, retried, error, retry };
}

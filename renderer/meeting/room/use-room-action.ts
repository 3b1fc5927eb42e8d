/**
 * Runs one of the room's writes: on success the data is read again, or, when the write read back
 * what it changed, `show` shows that (the caller may then move focus or say what happened); a
 * refusal is shown beside the room's heading and said assertively, in words, and the data is read
 * again.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { announce } from '../../common/announcer';
import { useUiStore } from '../../common/ui-store';
import type { MemberRow } from '../../db/rows';
import { refusalWords } from './room-words';

export interface RoomAction {
  /** Resolves with the write's value, or undefined when it was refused (or failed). */
  run<T>(work: () => Promise<T>, show?: (value: T) => void): Promise<T | undefined>;
  /** The last refusal in words; null after a success. */
  problem: string | null;
  /** Shows a refusal the screen found itself (the data would refuse it too). */
  refuse(text: string): void;
}

export function useRoomAction(reload: () => Promise<void>, members: readonly MemberRow[]): RoomAction {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const [problem, setProblem] = useState<string | null>(null);

  const refuse = useCallback((text: string) => {
    setProblem(text);
    announce(text, 'assertive');
  }, []);

  const run = useCallback(
    async <T,>(work: () => Promise<T>, show?: (value: T) => void): Promise<T | undefined> => {
      try {
        const value = await work();
        setProblem(null);
        if (show) show(value);
        else await reload();
        return value;
      } catch (err) {
        refuse(refusalWords(t, err, members, language));
        await reload();
        return undefined;
      }
    },
    [reload, refuse, t, members, language],
  );

  return { run, problem, refuse };
}

/**
 * What the received-files panel shows: the inbox as main lists it (again on Refresh), the files
 * opened by hand, and this device's decisions for their cases, read live so a decision recorded
 * here meanwhile changes the comparison at once.
 */
import { useMemo, useState } from 'react';
import type { ReceivedDecisionFile } from '../../../shared/api';
import { describeError, type ErrorInfo } from '../../common/council-api';
import { useServices } from '../../common/services';
import { useAsyncValue, type AsyncValue } from '../../common/use-async-value';
import type { DecisionRow } from '../../db/rows';
import { useLiveValue } from '../../meeting';
import { groupByCase, highestReceived, receivedCaseIds, type DecisionsByCase, type ReceivedCaseDecision } from './decision-conflicts';
import { mergeReceived, openDecisionFile, withOpened, type ShownFile } from './open-decision-file';

export type OpenState = { state: 'idle' } | { state: 'opening' } | { state: 'failed'; error: ErrorInfo };

export interface ReceivedFiles {
  listed: AsyncValue<ReceivedDecisionFile[]>;
  shown: ShownFile[];
  /** Each case's highest received revision among the verified files shown. */
  highest: ReadonlyMap<string, ReceivedCaseDecision>;
  /** This device's decisions for the cases shown; null while they are read or when the read failed. */
  here: DecisionsByCase | null;
  hereFailed: ErrorInfo | null;
  open: OpenState;
  refresh(): void;
  /** Opens a file (dialog or picker); answers it, or null when cancelled or failed. */
  openFile(): Promise<ReceivedDecisionFile | null>;
}

export function useReceivedFiles(): ReceivedFiles {
  const { db, api } = useServices();
  const [reads, setReads] = useState(0);
  const [opened, setOpened] = useState<ReceivedDecisionFile[]>([]);
  const [open, setOpen] = useState<OpenState>({ state: 'idle' });
  const listed = useAsyncValue(() => api.listInboxDecisions(), [api, reads]);
  const listedFiles = listed.state === 'done' ? listed.value : null;

  const shown = useMemo(() => mergeReceived(listedFiles ?? [], opened), [listedFiles, opened]);
  const files = useMemo(() => shown.map((s) => s.file), [shown]);
  const highest = useMemo(() => highestReceived(files), [files]);
  const caseIds = useMemo(() => receivedCaseIds(files), [files]);
  const hereRows = useLiveValue<DecisionRow[]>(() => (caseIds.length === 0 ? Promise.resolve([]) : db.decisions.where('caseId').anyOf(caseIds).toArray()), [db, caseIds]);
  const here = useMemo(() => (hereRows.state === 'done' ? groupByCase(hereRows.value) : null), [hereRows]);

  async function openFile(): Promise<ReceivedDecisionFile | null> {
    if (open.state === 'opening') return null;
    setOpen({ state: 'opening' });
    try {
      const file = await openDecisionFile(api);
      if (file) setOpened((list) => withOpened(list, file));
      setOpen({ state: 'idle' });
      return file;
    } catch (err) {
      setOpen({ state: 'failed', error: describeError(err) });
      return null;
    }
  }

  return {
    listed,
    shown,
    highest,
    here,
    hereFailed: hereRows.state === 'failed' ? hereRows.error : null,
    open,
    refresh: () => setReads((n) => n + 1),
    openFile,
  };
}

/**
 * The notary feature's calls of shared/api.ts (composed into the handler map by api-handlers.ts):
 * an outbox queue and a notary per handler map, on the ledger and the lane of its user-data folder,
 * so that no export or retry interleaves with another. Queued files left by an earlier run are tried
 * as it starts.
 */
import { resolve } from 'node:path';
import type { ApiHandlers } from '../../../shared/api';
import type { CreateStep } from '../atomic-create';
import { isDefaultSyncFolder, type FeatureContext } from '../feature-context';
import { ledgerLoader, type NotaryLedger } from './ledger';
import { Notary, type NotaryStep } from './notary';
import { oneAtATime, type OneAtATime } from './one-at-a-time';
import { Outbox } from './outbox';
import { OutboxQueue } from './outbox-queue';

export type DecisionHandlers = Pick<ApiHandlers, 'getDecisionLedger' | 'exportDecisions' | 'getOutboxStatus' | 'retryOutbox'>;

/** Every point of an export a crash test may stop at, in order. */
export type ExportStep = NotaryStep | CreateStep;

export interface DecisionServiceOptions {
  /** How often queued files are tried again (default 5 s). */
  retryIntervalMs?: number;
  now?: () => Date;
  onStep?: (step: ExportStep) => void | Promise<void>;
  /** Makes the outbox's hard links (tests pass one failing as across file systems, to reach the copy). */
  link?: (existing: string, created: string) => Promise<void>;
}

export interface DecisionService {
  handlers: DecisionHandlers;
  queue: OutboxQueue;
  /** Settles once the start's clean-up and first retry are done. */
  resumed: Promise<void>;
  /** Settles once the bookkeeping after the files written so far is done (the ledger on disk, the kept copies gone). */
  settled(): Promise<void>;
  /** No more timed retries. */
  stop(): void;
}

/**
 * One lane and one ledger per user-data folder in this process: two handler maps made on one folder
 * (tests, the end-to-end harness) share them, so they never sign one sequence twice between them;
 * the minutes notary attests in the same lane, so no decision file is signed while it reads them.
 */
const lanes = new Map<string, NotaryLane>();

export interface NotaryLane {
  serial: OneAtATime;
  ledger: () => Promise<NotaryLedger>;
}

export function laneOf(userDataDir: string): NotaryLane {
  const key = resolve(userDataDir);
  let lane = lanes.get(key);
  if (lane === undefined) {
    lane = { serial: oneAtATime(), ledger: ledgerLoader(userDataDir) };
    lanes.set(key, lane);
  }
  return lane;
}

export function createDecisionService(ctx: FeatureContext, opts: DecisionServiceOptions = {}): DecisionService {
  const { serial, ledger } = laneOf(ctx.paths.userDataDir);
  const queue = new OutboxQueue({
    userDataDir: ctx.paths.userDataDir,
    ledger,
    outbox: new Outbox({ onStep: opts.onStep, link: opts.link }),
    syncFolder: () => ctx.syncFolder(),
    mayCreate: (folder) => isDefaultSyncFolder(folder, ctx.home),
    serial,
    intervalMs: opts.retryIntervalMs,
  });
  const notary = new Notary({ ledger, keys: ctx.keys, dialogs: ctx.dialogs, queue, serial, now: opts.now, onStep: opts.onStep });
  const resumed = serial(() => queue.resume());
  const handlers: DecisionHandlers = {
    getDecisionLedger: async ({ meetingId }) => (await ledger()).view(meetingId),
    exportDecisions: ({ payload, language }) => notary.exportDecisions(payload, language),
    getOutboxStatus: () => queue.status(),
    async retryOutbox() {
      await serial(() => queue.retryNow());
      return queue.status();
    },
  };
  return { handlers, queue, resumed, settled: () => queue.settled(), stop: () => queue.stop() };
}

export function createDecisionHandlers(ctx: FeatureContext): DecisionHandlers {
  return createDecisionService(ctx).handlers;
}

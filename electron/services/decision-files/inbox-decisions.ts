/**
 * Other devices' decision files: those in `<sync>/inbox/` (*.dsse.json, a sync engine's own files
 * skipped) and one the user opens, each verified the one way (verify-decision-file.ts) against the
 * trust in use, and placed in its meeting's chain among the files beside it. Read-only: a file
 * that fails is shown with its problems and never merged (its payload is not handed on).
 */
import path from 'node:path';
import type { ReceivedDecisionFile } from '../../../shared/api';
import { DECISION_FILE_SUFFIX, parseDecisionFileName } from '../../../shared/decisions/decision-file-name';
import type { TrustedKey } from '../../../shared/schemas/trust-file';
import { SYNC_SUBFOLDERS } from '../../../shared/sync-folder/folders';
import { inboxFiles } from '../inbox';
import { chainPlaces } from './decision-chain';
import { verifyDecisionFile, type DecisionFileVerification } from './verify-decision-file';

/** One verified file as the renderer sees it; the payload only when it verified. */
function received(v: DecisionFileVerification, chain: ReceivedDecisionFile['chain']): ReceivedDecisionFile {
  return {
    fileName: path.basename(v.file),
    path: v.file,
    status: v.valid ? 'verified' : 'failed',
    problems: v.errors.map(({ path: at, code, message }) => ({ path: at, code, message })),
    verifiedBy: v.verifiedBy,
    signer: v.signer,
    meetingId: v.payload?.meeting.meetingId ?? null,
    sequence: v.payload?.sequence ?? null,
    payloadSha256: v.payloadSha256,
    chain,
    payload: v.valid ? v.payload : null,
  };
}

function withChains(verified: readonly DecisionFileVerification[]): ReceivedDecisionFile[] {
  const places = chainPlaces(verified);
  return verified.map((v, i) => received(v, places[i]?.status ?? null));
}

/**
 * Every decision file in `<sync>/inbox/`, and those in `<sync>/outbox/` that another device signed
 * (a sync folder shared by several devices holds their outboxes in one), verified, each with its
 * place in its meeting's chain. `ownKeyids`: this device's keys, whose files are its own.
 * `missingIsEmpty`: a missing sync folder holds none (the default one, not made yet).
 */
export async function listInboxDecisions(
  syncFolder: string,
  keys: readonly TrustedKey[],
  ownKeyids: readonly string[] = [],
  { missingIsEmpty = false }: { missingIsEmpty?: boolean } = {},
): Promise<ReceivedDecisionFile[]> {
  const verified: DecisionFileVerification[] = [];
  for (const { path: file } of await inboxFiles(syncFolder, DECISION_FILE_SUFFIX, { missingIsEmpty })) verified.push(await verifyDecisionFile(file, keys));
  for (const { path: file } of await inboxFiles(syncFolder, DECISION_FILE_SUFFIX, { folder: SYNC_SUBFOLDERS.outbox, missingIsEmpty })) {
    const checked = await verifyDecisionFile(file, keys);
    if (checked.keyid === null || !ownKeyids.includes(checked.keyid)) verified.push(checked);
  }
  return withChains(verified);
}

/**
 * One decision file the user chose, verified; its chain among the inbox's files of the same
 * meeting (by their names) when the sync folder is there, else among itself alone.
 */
export async function openDecisionFile(file: string, keys: readonly TrustedKey[], syncFolder: string | null): Promise<ReceivedDecisionFile> {
  const opened = await verifyDecisionFile(file, keys);
  const meetingId = opened.payload?.meeting.meetingId;
  const siblings: DecisionFileVerification[] = [];
  if (meetingId !== undefined && syncFolder !== null) {
    const inbox = await inboxFiles(syncFolder, DECISION_FILE_SUFFIX).catch(() => []);
    for (const other of inbox) {
      if (parseDecisionFileName(other.fileName)?.meetingId !== meetingId || path.resolve(other.path) === path.resolve(file)) continue;
      siblings.push(await verifyDecisionFile(other.path, keys));
    }
  }
  return withChains([opened, ...siblings])[0]!;
}

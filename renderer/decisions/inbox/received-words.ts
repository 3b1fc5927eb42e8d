/** A received decision file and its decisions in the UI's words: chain, signer, problems, tallies, and how each decision stands here. */
import type { TFunction } from 'i18next';
import type { ChainStatus, ReceivedDecisionFile, ReceivedProblem } from '../../../shared/api';
import type { DecisionEntry } from '../../../shared/decisions/decision-file-schema';
import type { Language } from '../../../shared/i18n';
import { formatCount } from '../../common/format/numbers';
import { decisionWhat } from '../../meeting';
import type { EntryStanding } from './decision-conflicts';

type T = TFunction;

/** The chain statuses that say a file is missing, moved or replaced. */
export const CHAIN_WARNINGS: ReadonlySet<ChainStatus> = new Set(['gap', 'previous-mismatch', 'duplicate']);

export function chainWords(t: T, chain: ChainStatus | null): string {
  return t(`inboxDecisions.chain.${chain ?? 'unknown'}`);
}

export function signerWords(t: T, signer: NonNullable<ReceivedDecisionFile['signer']>): string {
  return t('inboxDecisions.signer', { name: signer.name, role: t(`roles.${signer.role}` as never, { defaultValue: signer.role }) as string });
}

export function problemWords(t: T, problem: ReceivedProblem): string {
  // the common reasons in the UI's language; the rest in main's words
  const key = `inboxDecisions.reasons.${problem.code}`;
  const said = t(key, { defaultValue: '' });
  const values = { path: problem.path, message: said === '' ? problem.message : said, code: problem.code };
  return problem.path === '' ? t('inboxDecisions.problemNoPath', values) : t('inboxDecisions.problem', values);
}

export function tallyWords(t: T, tally: DecisionEntry['tally'], language: Language): string {
  const n = (count: number) => formatCount(count, language);
  return t('inboxDecisions.tally', {
    approve: n(tally.approve),
    reject: n(tally.reject),
    abstain: n(tally.abstain),
    recused: n(tally.recused),
    present: n(tally.present),
    members: n(tally.members),
  });
}

/** One sentence on how a received decision stands against this device's. */
export function standingWords(t: T, standing: EntryStanding, language: Language): string {
  switch (standing.kind) {
    case 'superseded':
      return t('inboxDecisions.explain.superseded', { fileName: standing.by.file.fileName, revision: standing.by.entry.revision });
    case 'not-here':
      return t('inboxDecisions.explain.not-here');
    case 'same':
      return t('inboxDecisions.explain.same', { revision: standing.received.entry.revision });
    case 'conflict':
      return t('inboxDecisions.explain.conflict', {
        here: standing.here ? decisionWhat(t, standing.here, language) : '—',
        file: decisionWhat(t, standing.received.entry, language),
      });
    case 'newer-elsewhere':
    case 'newer-here':
      return t(`inboxDecisions.explain.${standing.kind}`, {
        revision: standing.received.entry.revision,
        hereRevision: standing.here?.revision ?? '—',
        here: standing.here ? decisionWhat(t, standing.here, language) : '—',
      });
  }
}

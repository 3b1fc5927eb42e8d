/**
 * The room's bulk vote (G or the button): the preset "all unflagged T1 and T2 cases with their
 * suggestion" of the agenda, its count and total shown first; on confirmation their suggestion
 * proposals are opened (bulkOpenSuggestionProposals) and the bulk vote dialog records the members
 * one after another; when it closes, the votes are closed and the decisions of those that passed
 * recorded in bulk (closeAndDecideBulk), or left for later.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatKrw } from '../../../shared/i18n';
import { announce } from '../../common/announcer';
import { describeError } from '../../common/council-api';
import { describeErrorWithStorage, errorWords, STORAGE_FULL } from '../../common/storage';
import { formatCount } from '../../common/format/numbers';
import { ModalDialog } from '../../common/ModalDialog';
import { useServices } from '../../common/services';
import { useUiStore } from '../../common/ui-store';
import { BulkVoteDialog } from './BulkVoteDialog';
import { bulkOpenSuggestionProposals } from './bulk-vote-db';
import { closeAndDecideBulk } from './close-and-decide';
import { loadBulkPreset, type BulkPreset } from './room-preset';

type Stage = { kind: 'idle' } | { kind: 'preset'; preset: BulkPreset } | { kind: 'vote'; caseIds: string[] } | { kind: 'close'; caseIds: string[]; result: string | null };

export interface RoomBulkVoteProps {
  meetingId: string;
  agenda: readonly string[];
  disabled: boolean;
  /** The room reads its data again after a change. */
  reload(): Promise<void>;
  /** The room's own refusal line. */
  onProblem(text: string): void;
}

export function useRoomBulkVote({ meetingId, agenda, disabled, reload, onProblem }: RoomBulkVoteProps) {
  const { t } = useTranslation();
  const { db } = useServices();
  const language = useUiStore((s) => s.language);
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);
  const n = (count: number) => formatCount(count, language);
  // Storage running out in words, with the figures; `whole`: what of the operation was kept (its one transaction aborted).
  const failure = async (err: unknown, whole = '') => {
    const info = await describeErrorWithStorage(err);
    onProblem(info.code === STORAGE_FULL ? `${whole} ${errorWords(t, info, language)}`.trim() : info.message);
  };

  const start = async () => {
    if (disabled || stage.kind !== 'idle') return;
    try {
      setStage({ kind: 'preset', preset: await loadBulkPreset(db, agenda) });
    } catch (err) {
      onProblem(describeError(err).message);
    }
  };

  const openAndVote = async (preset: BulkPreset) => {
    setBusy(true);
    try {
      const opened = await bulkOpenSuggestionProposals(db, meetingId, preset.caseIds);
      if (opened.kind === 'refused') {
        onProblem(t(`bulk.bars.${opened.reason}`));
        setStage({ kind: 'idle' });
        return;
      }
      announce(t('bulkRoom.opened', { count: n(opened.opened.length) }));
      await reload();
      setStage({ kind: 'vote', caseIds: preset.caseIds });
    } catch (err) {
      await failure(err, t('bulkRoom.openStorageFull'));
      setStage({ kind: 'idle' });
    } finally {
      setBusy(false);
    }
  };

  const closeAndDecide = async (caseIds: string[]) => {
    setBusy(true);
    let shown: { text: string; urgent: boolean } | null = null;
    try {
      const r = await closeAndDecideBulk(db, meetingId, caseIds);
      const parts = [t('bulkRoom.decided', { decided: n(r.decided.length), failed: n(r.failed.length) })];
      if (r.refused.length > 0) parts.push(t('bulkRoom.refusedSome', { count: n(r.refused.length) }));
      if (r.stoppedNoQuorum) parts.push(t('bulkRoom.noQuorum'));
      shown = { text: parts.join(' '), urgent: r.refused.length > 0 };
      await reload();
    } catch (err) {
      // Each case is decided on its own: those decided before stay decided, and the room shows them so.
      await failure(err, t('bulkRoom.closeStorageFull'));
      await reload();
    }
    // The result is shown last, once the room has been read again: nothing is still moving behind it.
    setBusy(false);
    if (shown !== null) {
      announce(shown.text, shown.urgent ? 'assertive' : 'polite');
      setStage({ kind: 'close', caseIds, result: shown.text });
    }
  };

  const finish = () => setStage({ kind: 'idle' });

  const dialog =
    stage.kind === 'preset' ? (
      <ModalDialog title={t('bulkRoom.title')} intro={t('bulkRoom.intro')} onClose={finish}>
        <p data-testid="bulk-preset-summary">{t('bulkRoom.preset', { count: n(stage.preset.caseIds.length), amount: formatKrw(stage.preset.total, language) })}</p>
        <div className="bulk-room__actions">
          <button type="button" className="button button--primary" disabled={busy || stage.preset.caseIds.length === 0} onClick={() => void openAndVote(stage.preset)} data-testid="bulk-preset-open">
            {t('bulkRoom.openAndVote', { count: n(stage.preset.caseIds.length) })}
          </button>
          <button type="button" className="button" onClick={finish}>
            {t('bulkRoom.cancel')}
          </button>
        </div>
      </ModalDialog>
    ) : stage.kind === 'vote' ? (
      <BulkVoteDialog meetingId={meetingId} caseIds={stage.caseIds} onClose={() => setStage({ kind: 'close', caseIds: stage.caseIds, result: null })} />
    ) : stage.kind === 'close' ? (
      <ModalDialog title={t('bulkRoom.closeTitle')} intro={t('bulkRoom.closeIntro', { count: n(stage.caseIds.length) })} onClose={finish}>
        {stage.result !== null && (
          <p role="status" data-testid="bulk-close-result">
            {stage.result}
          </p>
        )}
        <div className="bulk-room__actions">
          {stage.result === null && (
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void closeAndDecide(stage.caseIds)} data-testid="bulk-close-decide">
              {t('bulkRoom.closeAndDecide')}
            </button>
          )}
          <button type="button" className="button" onClick={finish}>
            {stage.result === null ? t('bulkRoom.later') : t('bulkRoom.done')}
          </button>
        </div>
      </ModalDialog>
    ) : null;

  return { start, dialog };
}

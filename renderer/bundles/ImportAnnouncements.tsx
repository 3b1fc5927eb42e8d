/**
 * What a screen reader hears of an import, wherever the user is: that it started, how far it is
 * (at each 25 % step, or after a long quiet; never a flood), and how it ended. The Bundles
 * screen's own notices hold the same words for the eye; a refusal shown there is already an alert,
 * so the shell says it only when the user is on another screen. Mounted once by the app shell.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { announce, ProgressThrottle } from '../common/announcer';
import { formatCount } from '../common/format/numbers';
import { useUiStore } from '../common/ui-store';
import { errorWords, STORAGE_FULL } from '../common/storage';
import { progressFraction } from './import/progress-estimate';
import { useImportStore } from './import-store';

const wallClock = () => Date.now();

export function ImportAnnouncements({ now = wallClock }: { now?: () => number }) {
  const { t } = useTranslation();

  useEffect(() => {
    let throttle = new ProgressThrottle();
    return useImportStore.subscribe((state, before) => {
      const n = (value: number) => formatCount(value, useUiStore.getState().language);
      const fileName = state.fileName ?? '';
      if (state.running && !before.running) {
        throttle = new ProgressThrottle();
        throttle.shouldAnnounce(0, now());
        announce(t('announce.started', { fileName }));
        return;
      }
      if (state.running && state.progress && state.progress !== before.progress) {
        const percent = Math.floor(progressFraction(state.progress) * 100);
        if (throttle.shouldAnnounce(percent, now())) {
          const { casesRead, casesTotal } = state.progress;
          announce(t('announce.progress', { fileName, percent, cases: n(casesRead), casesTotal: n(casesTotal) }));
        }
        return;
      }
      const outcome = state.outcome;
      if (!outcome || outcome === before.outcome) return;
      const elsewhere = useUiStore.getState().screen !== 'bundles';
      if (outcome.kind === 'imported') {
        announce(t('notice.imported', { fileName: outcome.fileName, cases: n(outcome.cases), documents: n(outcome.documents), revised: n(outcome.revised.length) }));
      } else if (outcome.kind === 'already-imported') {
        announce(t('notice.alreadyImported', { bundleId: outcome.bundleId, fileName: outcome.fileName }));
      } else if (outcome.kind === 'cancelled') {
        announce(t('notice.cancelled', { fileName: outcome.fileName }));
      } else if (elsewhere && outcome.kind === 'refused') {
        const title = t(outcome.code === STORAGE_FULL ? 'notice.storageFull' : 'notice.refused', { fileName: outcome.fileName });
        announce(`${title} ${errorWords(t, outcome, useUiStore.getState().language)}`, 'assertive');
      } else if (elsewhere && outcome.kind === 'invalid') {
        announce(t('report.intro', { fileName: outcome.fileName }), 'assertive');
      }
    });
  }, [t, now]);

  return null;
}

/** What the chosen meeting still needs before its minutes can be made, or that they can be. */
import { useTranslation } from 'react-i18next';
import { formatCount } from '../common/format/numbers';
import { useUiStore } from '../common/ui-store';
import type { MinutesReadiness } from './minutes-readiness';

export function MinutesReadinessNotice({ readiness }: { readiness: MinutesReadiness }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const n = (count: number) => formatCount(count, language);
  if (readiness.ready) {
    return (
      <p role="status" data-testid="minutes-readiness" data-ready="true">
        {t('minutes.ready', { meetingId: readiness.meetingId, count: n(readiness.decisions) })}
      </p>
    );
  }
  const missing = [
    !readiness.closed && t('minutes.missing.notClosed'),
    readiness.decisions === 0 && t('minutes.missing.noDecisions'),
    readiness.unexported > 0 && t('minutes.missing.unexported', { count: n(readiness.unexported) }),
    readiness.queuedFiles > 0 && t('minutes.missing.queued', { count: n(readiness.queuedFiles) }),
  ].filter((line): line is string => typeof line === 'string');
  return (
    <div role="status" data-testid="minutes-readiness" data-ready="false">
      <p>{t('minutes.notReady', { meetingId: readiness.meetingId })}</p>
      <ul>
        {missing.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

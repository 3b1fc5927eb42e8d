/** Minutes: how many meetings are recorded and what this screen will produce. */
import { useTranslation } from 'react-i18next';
import { ComingLater } from '../common/ComingLater';
import { ScreenFrame } from '../common/ScreenFrame';
import { useServices } from '../common/services';
import { formatCount } from '../common/format/numbers';
import { useAsyncValue } from '../common/use-async-value';
import { useUiStore } from '../common/ui-store';

export function MinutesScreen() {
  const { t } = useTranslation();
  const { db } = useServices();
  const language = useUiStore((s) => s.language);
  const meetings = useAsyncValue(() => db.meetings.count(), [db]);

  return (
    <ScreenFrame screen="minutes" title={t('minutes.title')} intro={t('minutes.intro')}>
      {meetings.state === 'done' && <p className="stat">{t('minutes.meetings', { count: formatCount(meetings.value, language) })}</p>}
      <ComingLater items={[t('minutes.later1'), t('minutes.later2'), t('minutes.later3')]} />
    </ScreenFrame>
  );
}

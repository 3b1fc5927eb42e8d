/** The room's keys, on screen: the meeting runs from the keyboard, so they are always in view. */
import { useTranslation } from 'react-i18next';

export function RoomKeysHelp() {
  const { t } = useTranslation();
  return (
    <details className="room-keys" open>
      <summary>{t('room.keysTitle')}</summary>
      <ul>
        <li>{t('room.keys.cases')}</li>
        <li>{t('room.keys.evidence')}</li>
        <li>{t('room.keys.jump')}</li>
        <li>{t('room.keys.vote')}</li>
      </ul>
    </details>
  );
}

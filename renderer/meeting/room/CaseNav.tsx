/** The agenda's previous and next case ([ / PageUp, ] / PageDown) and where the room is on it. */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  position: number;
  total: number;
  onPrevious(): void;
  onNext(): void;
}

export const CaseNav = memo(function CaseNav({ position, total, onPrevious, onNext }: Props) {
  const { t } = useTranslation();
  return (
    <nav className="room-nav" aria-label={t('room.nav.label')}>
      <button type="button" className="button button--quiet" onClick={onPrevious} disabled={position <= 1} aria-keyshortcuts="[ PageUp" data-testid="room-previous">
        ‹ {t('room.nav.previous')} <kbd>{t('room.nav.previousHint')}</kbd>
      </button>
      <span className="room-nav__position" data-testid="room-position">
        {t('room.nav.position', { position, total })}
      </span>
      <button type="button" className="button button--quiet" onClick={onNext} disabled={position >= total} aria-keyshortcuts="] PageDown" data-testid="room-next">
        {t('room.nav.next')} <kbd>{t('room.nav.nextHint')}</kbd> ›
      </button>
    </nav>
  );
});

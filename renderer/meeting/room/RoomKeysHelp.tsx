/**
 * The room's keys: a short list always in view, and the whole list in a dialog that ? opens (and
 * Escape closes), as the meeting runs from the keyboard. Beside them, the projector view (W), the
 * bulk vote (G) and the way back to the agenda.
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../common/ModalDialog';
import { useUiStore } from '../../common/ui-store';
import { voteKeyWords } from '../vote-keys';

const KEYS = ['cases', 'evidence', 'jump', 'vote', 'projector', 'bulk', 'help'] as const;

interface Props {
  open: boolean;
  onOpen(): void;
  onClose(): void;
  onProjector(): void;
  onBulk(): void;
  bulkDisabled: boolean;
  /** Back to the meeting's setup and agenda. */
  onBack(): void;
}

export const RoomKeysHelp = memo(function RoomKeysHelp({ open, onOpen, onClose, onProjector, onBulk, bulkDisabled, onBack }: Props) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  return (
    <div className="room-keys">
      <button type="button" className="button button--quiet" onClick={onBack} data-testid="room-back">
        ← {t('room.backToSetup')}
      </button>
      <button type="button" className="button button--quiet" onClick={onOpen} aria-keyshortcuts="?" data-testid="room-keys-open">
        {t('room.keysOpen')} <kbd>?</kbd>
      </button>
      <button type="button" className="button button--quiet" onClick={onProjector} aria-keyshortcuts="W" data-testid="room-projector">
        {t('room.projectorOpen')} <kbd>W</kbd>
      </button>
      <button type="button" className="button button--quiet" onClick={onBulk} disabled={bulkDisabled} aria-keyshortcuts="G" data-testid="room-bulk">
        {t('room.bulkOpen')} <kbd>G</kbd>
      </button>
      {open && (
        <ModalDialog title={t('room.keysTitle')} intro={t('room.keysIntro')} onClose={onClose}>
          <ul className="room-keys__list" data-testid="room-keys-list">
            {KEYS.map((key) => (
              <li key={key}>{t(`room.keys.${key}`, key === 'vote' ? voteKeyWords(language) : undefined)}</li>
            ))}
          </ul>
          <button type="button" className="button" onClick={onClose}>
            {t('room.keysClose')}
          </button>
        </ModalDialog>
      )}
    </div>
  );
});

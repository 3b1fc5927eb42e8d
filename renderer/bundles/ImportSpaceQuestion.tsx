/**
 * Asked before an import writes anything, when the bundle is larger than the storage left (with a
 * margin: import/space-check.ts): what it needs, what is left, and what happens if it runs out
 * (the import is rolled back whole). Cancel is first and takes the focus, and Esc is Cancel: a
 * key pressed in haste leaves the storage as it is. Mounted once by the app shell, so the question
 * shows wherever the user is.
 */
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../common/format/bytes';
import { ModalDialog } from '../common/ModalDialog';
import { useUiStore } from '../common/ui-store';
import { useImportStore } from './import-store';

export function ImportSpaceQuestion() {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const question = useImportStore((s) => s.spaceQuestion);
  if (question === null) return null;
  const size = (bytes: number) => formatBytes(bytes, language);
  const { figures } = question;
  const answer = (goOn: boolean) => useImportStore.getState().answerSpace(goOn);

  return (
    <ModalDialog
      title={t('space.title')}
      intro={t('space.intro', { fileName: question.fileName, needed: size(question.needed), available: size(figures.available) })}
      onClose={() => answer(false)}
      name="import-space"
    >
      <p data-testid="import-space-figures">{t('space.figures', { usage: size(figures.usage), quota: size(figures.quota), bundle: size(question.bytesTotal) })}</p>
      <p>{t('space.risk')}</p>
      <div className="import-space__actions">
        <button type="button" className="button button--primary" onClick={() => answer(false)}>
          {t('space.cancel')}
        </button>
        <button type="button" className="button" onClick={() => answer(true)}>
          {t('space.goOn')}
        </button>
      </div>
    </ModalDialog>
  );
}

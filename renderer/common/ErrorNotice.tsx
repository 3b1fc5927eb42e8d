/** An error as the user sees it: what failed, then the error's code and message (storage running out in the UI's own words, with its figures). */
import { useTranslation } from 'react-i18next';
import { errorWords, type ShownError } from './storage';
import { useUiStore } from './ui-store';

export function ErrorNotice({ title, error }: { title: string; error: ShownError }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  return (
    <div role="alert" className="notice notice--error">
      <p className="notice__title">{title}</p>
      <p className="notice__detail">{errorWords(t, error, language)}</p>
    </div>
  );
}

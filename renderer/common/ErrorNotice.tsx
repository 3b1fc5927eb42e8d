/** An error as the user sees it: what failed, then the error's code and message. */
import { useTranslation } from 'react-i18next';

export function ErrorNotice({ title, error }: { title: string; error: { code: string; message: string } }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="notice notice--error">
      <p className="notice__title">{title}</p>
      <p className="notice__detail">{t('app.errorDetail', { code: error.code, message: error.message })}</p>
    </div>
  );
}

/** The honest part of a placeholder screen: what this screen will do in a later version. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export function ComingLater({ items }: { items: readonly string[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="card card--later" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {t('app.comingLater')}
      </h2>
      <ul className="later-list">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  );
}

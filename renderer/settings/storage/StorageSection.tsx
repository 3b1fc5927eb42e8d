/**
 * Settings → 저장 공간 (storage): what the app's data takes on this device and what is left of the
 * storage the browser lets it use (navigator.storage.estimate()), and whether that storage is
 * persistent (asked at start-up, common/storage/persistence-store.ts). When it is not, the browser
 * may clear it on a full disk: the hint says so, and to make backups. Read again each time the
 * screen is shown, and on Refresh.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../common/format/bytes';
import { readStorageFigures, refreshPersistence, usePersistenceStore, type Persistence, type StorageFigures } from '../../common/storage';
import { useAsyncValue } from '../../common/use-async-value';
import { useUiStore } from '../../common/ui-store';
import './storage.css';

const PERSISTENCE_KEYS = {
  unknown: 'storageSection.persistenceUnknown',
  persisted: 'storageSection.persisted',
  'not-persisted': 'storageSection.notPersisted',
  unsupported: 'storageSection.persistenceUnsupported',
} as const satisfies Record<Persistence, string>;

/** The figures and the persistence, read fresh. */
async function readStorage(): Promise<StorageFigures | null> {
  const [figures] = await Promise.all([readStorageFigures(), refreshPersistence()]);
  return figures;
}

export function StorageSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const language = useUiStore((s) => s.language);
  const persistence = usePersistenceStore((s) => s.persistence);
  const [reads, setReads] = useState(0);
  const figures = useAsyncValue(readStorage, [reads]);
  const size = (bytes: number) => formatBytes(bytes, language);

  return (
    <section className="card" aria-labelledby={headingId} data-testid="storage-section">
      <h2 id={headingId} className="card__title">
        {t('storageSection.title')}
      </h2>
      {figures.state === 'loading' && <p role="status">{t('storageSection.loading')}</p>}
      {figures.state === 'done' && figures.value === null && <p data-testid="storage-figures">{t('storageSection.noEstimate')}</p>}
      {figures.state === 'done' && figures.value !== null && (
        <dl className="facts" data-testid="storage-figures">
          <dt>{t('storageSection.used')}</dt>
          <dd data-testid="storage-used">{size(figures.value.usage)}</dd>
          <dt>{t('storageSection.available')}</dt>
          <dd data-testid="storage-available">{t('storageSection.availableOf', { available: size(figures.value.available), quota: size(figures.value.quota) })}</dd>
        </dl>
      )}
      <dl className="facts">
        <dt>{t('storageSection.persistence')}</dt>
        <dd data-testid="storage-persistence" data-persistence={persistence}>
          {t(PERSISTENCE_KEYS[persistence])}
        </dd>
      </dl>
      {(persistence === 'not-persisted' || persistence === 'unsupported') && (
        <p className="storage-hint" data-testid="storage-hint">
          {t('storageSection.notPersistedHint')}
        </p>
      )}
      <p className="choice__hint choice__hint--flush">{t('storageSection.quotaHint')}</p>
      <div className="settings-actions">
        <button type="button" className="button button--quiet" onClick={() => setReads((n) => n + 1)}>
          {t('storageSection.refresh')}
        </button>
      </div>
    </section>
  );
}

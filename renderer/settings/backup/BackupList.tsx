/** The backups in the backup folder, newest first: file, kind, when made, size. */
import { useTranslation } from 'react-i18next';
import type { BackupFileInfo } from '../../../shared/api';
import { formatDateTime } from '../../../shared/i18n';
import { formatBytes } from '../../common/format/bytes';
import { TableRegion } from '../../common/TableRegion';
import { useUiStore } from '../../common/ui-store';

/** How many of the folder's backups are listed. */
const LISTED = 10;

export function BackupList({ backups }: { backups: readonly BackupFileInfo[] }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  if (backups.length === 0) return <p data-testid="backup-list">{t('backup.noBackups')}</p>;
  return (
    <TableRegion label={t('backup.listCaption')}>
      <table className="data-table" data-testid="backup-list">
        <caption>{t('backup.listCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('backup.colName')}</th>
            <th scope="col">{t('backup.colKind')}</th>
            <th scope="col">{t('backup.colCreated')}</th>
            <th scope="col">{t('backup.colSize')}</th>
          </tr>
        </thead>
        <tbody>
          {backups.slice(0, LISTED).map((b) => (
            <tr key={b.path}>
              <th scope="row" className="path-text">
                {b.name}
              </th>
              <td>{t(`backup.kinds.${b.kind}`)}</td>
              <td>{formatDateTime(b.createdAt, language)}</td>
              <td>{formatBytes(b.bytes, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

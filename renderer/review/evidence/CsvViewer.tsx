/**
 * A CSV evidence file as a table: the first row as column headers, at most 1,000 rows after it
 * (saying how many more there are), ragged rows padded. Every cell is text.
 */
import { useTranslation } from 'react-i18next';
import { parseCsvTable, type CsvTable } from './csv-parse';
import { decodeEvidenceText } from './text-decode';
import type { Language } from '../../../shared/i18n';
import { formatCount } from '../../common/format/numbers';
import { useBlobValue } from './use-blob-value';

export interface CsvViewerProps {
  blob: Blob;
  title: string;
  language: Language;
}

const readTable = (bytes: Uint8Array): CsvTable => parseCsvTable(decodeEvidenceText(bytes, Number.MAX_SAFE_INTEGER).text);

function pad(cells: string[], columns: number): string[] {
  return cells.length >= columns ? cells : [...cells, ...new Array<string>(columns - cells.length).fill('')];
}

export function CsvViewer({ blob, title, language }: CsvViewerProps) {
  const { t } = useTranslation();
  const state = useBlobValue(blob, readTable);
  if (state.kind === 'loading') return <p className="evidence-status">{t('evidence.loading')}</p>;
  if (state.kind === 'failed') return <p className="evidence-error" role="alert">{t('evidence.readFailed')}</p>;
  const table = state.value;
  if (table.header.length === 0) return <p className="evidence-status">{t('evidence.csv.empty')}</p>;
  const rowCount = table.rows.length + table.moreRows;
  return (
    <div className="evidence-csv" data-testid="csv-viewer" tabIndex={0} role="region" aria-label={title}>
      <table>
        <caption>{t('evidence.csv.caption', { title, columns: formatCount(table.columns, language), rows: formatCount(rowCount, language) })}</caption>
        <thead>
          <tr>
            {pad(table.header, table.columns).map((cell, i) => (
              <th key={i} scope="col">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {pad(row, table.columns).map((cell, i) => (
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {table.moreRows > 0 && (
        <p className="evidence-note" data-testid="csv-more">
          {t('evidence.csv.more', { shown: formatCount(table.rows.length, language), more: formatCount(table.moreRows, language) })}
        </p>
      )}
    </div>
  );
}

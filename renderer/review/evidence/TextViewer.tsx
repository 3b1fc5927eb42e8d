/** A plain-text evidence file in a <pre>, as text (React escapes it; nothing is read as HTML). */
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/i18n';
import { formatCount } from '../../common/format/numbers';
import { decodeEvidenceText } from './text-decode';
import { useBlobValue } from './use-blob-value';

export interface TextViewerProps {
  blob: Blob;
  title: string;
  language: Language;
}

const readText = (bytes: Uint8Array) => decodeEvidenceText(bytes);

export function TextViewer({ blob, title, language }: TextViewerProps) {
  const { t } = useTranslation();
  const state = useBlobValue(blob, readText);
  if (state.kind === 'loading') return <p className="evidence-status">{t('evidence.loading')}</p>;
  if (state.kind === 'failed') return <p className="evidence-error" role="alert">{t('evidence.readFailed')}</p>;
  const { text, encoding, cut } = state.value;
  if (text.length === 0) return <p className="evidence-status">{t('evidence.text.empty')}</p>;
  return (
    <div className="evidence-text" data-testid="text-viewer">
      {encoding === 'euc-kr' && <p className="evidence-note">{t('evidence.text.eucKr')}</p>}
      <pre tabIndex={0} role="region" aria-label={title}>
        {text}
      </pre>
      {cut > 0 && <p className="evidence-note">{t('evidence.text.cut', { shown: formatCount(text.length, language), cut: formatCount(cut, language) })}</p>}
    </div>
  );
}

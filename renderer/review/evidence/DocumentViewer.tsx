/** One evidence document (the parent keys it by bundle and file) with the viewer for its media type, under a line naming its file and size. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentRow } from '../../db/rows';
import type { Language } from '../../../shared/i18n';
import { formatBytes } from '../../common/format/bytes';
import type { PdfZoom } from './pdf-controls';
import { viewerKindOf } from './viewer-kind';
import { CsvViewer } from './CsvViewer';
import { ImageViewer } from './ImageViewer';
import { PdfViewer } from './PdfViewer';
import { TextViewer } from './TextViewer';

export interface DocumentViewerProps {
  document: DocumentRow;
  language: Language;
  pdfZoom: PdfZoom;
  onPdfZoomChange: (zoom: PdfZoom) => void;
}

export function DocumentViewer({ document: doc, language, pdfZoom, onPdfZoomChange }: DocumentViewerProps) {
  const { t } = useTranslation();
  // a bundle's file never changes (its hash is checked at import), so the first Blob read stays:
  // a parent that reads the row again does not make the viewer load the file again
  const [blob] = useState(doc.blob);
  const title = doc.title || doc.file;
  const kind = viewerKindOf(doc.mediaType);
  return (
    <div className="evidence-document" data-viewer={kind}>
      <p className="evidence-file-info">{t('evidence.fileInfo', { file: doc.file.split('/').pop() ?? doc.file, size: formatBytes(doc.size, language) })}</p>
      {kind === 'pdf' && <PdfViewer blob={blob} title={title} initialZoom={pdfZoom} onZoomChange={onPdfZoomChange} />}
      {kind === 'image' && <ImageViewer blob={blob} title={title} language={language} />}
      {kind === 'csv' && <CsvViewer blob={blob} title={title} language={language} />}
      {kind === 'text' && <TextViewer blob={blob} title={title} language={language} />}
    </div>
  );
}

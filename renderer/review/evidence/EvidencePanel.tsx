/**
 * The evidence side of the case review: a tab list (WAI-ARIA tabs: arrow keys, Home and End move
 * and select) with one tab per document, each shown with the viewer for its media type, then the
 * daily-sales chart. The first document shows when a case opens (the chart when it has none).
 * Only the selected panel is mounted, so leaving a tab frees its
 * PDF document or object URL. Nothing is remembered from one case to the next but the PDF zoom.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../../shared/assessment/types';
import type { DocumentRow } from '../../db/rows';
import type { Language } from '../../../shared/i18n';
import type { PdfZoom } from './pdf-controls';
import type { DailySale } from './sales-chart-model';
import { tabIndexForKey } from './tab-keys';
import { DocumentViewer } from './DocumentViewer';
import { preloadPdfJsWhenIdle } from './pdf-engine';
import { SalesChart } from './SalesChart';
import './evidence.css';

export interface EvidencePanelProps {
  documents: DocumentRow[];
  dailySales: DailySale[];
  assessment: Assessment;
  language: Language;
}

interface TabsProps extends EvidencePanelProps {
  pdfZoom: PdfZoom;
  onPdfZoomChange: (zoom: PdfZoom) => void;
}

/** A key for the case's set of documents: a new case (or a revision) starts again at its first document. */
function documentsKey(documents: DocumentRow[]): string {
  return documents.map((d) => `${d.bundleId}\u0000${d.file}`).join('\u0001');
}

function domId(prefix: string, index: number): string {
  return `${prefix}-${index}`;
}

function EvidenceTabs({ documents, dailySales, assessment, language, pdfZoom, onPdfZoomChange }: TabsProps) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState(0);
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  // the documents in the case's order, then the daily-sales chart; the first shown is the first document
  const labels = [...documents.map((d) => d.title || d.file), t('evidence.salesTab')];
  const chartIndex = documents.length;
  const prefix = `evidence${useId()}`;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Alt+arrows belong to the review screen (previous / next case)
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const next = tabIndexForKey(event.key, selected, labels.length);
    if (next === null) return;
    event.preventDefault();
    setSelected(next);
    tabRefs.current[next]?.focus();
  };

  const doc = selected < chartIndex ? documents[selected] : undefined;
  return (
    <>
      <div className="evidence-tabs" role="tablist" aria-label={t('evidence.tabsLabel')} onKeyDown={onKeyDown}>
        {labels.map((label, i) => (
          <button
            key={i === chartIndex ? 'sales' : `${documents[i]!.bundleId}/${documents[i]!.file}`}
            ref={(el) => {
              tabRefs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={domId(`${prefix}-tab`, i)}
            aria-selected={i === selected}
            aria-controls={domId(`${prefix}-panel`, i)}
            tabIndex={i === selected ? 0 : -1}
            className="evidence-tab"
            title={label}
            onClick={() => setSelected(i)}
          >
            {label}
          </button>
        ))}
      </div>
      <div className="evidence-tabpanel" role="tabpanel" id={domId(`${prefix}-panel`, selected)} aria-labelledby={domId(`${prefix}-tab`, selected)} tabIndex={0}>
        {selected === chartIndex && (
          <>
            <SalesChart dailySales={dailySales} assessment={assessment} language={language} />
            {documents.length === 0 && <p className="evidence-note">{t('evidence.noDocuments')}</p>}
          </>
        )}
        {doc && <DocumentViewer key={`${doc.bundleId}/${doc.file}`} document={doc} language={language} pdfZoom={pdfZoom} onPdfZoomChange={onPdfZoomChange} />}
      </div>
    </>
  );
}

export function EvidencePanel(props: EvidencePanelProps) {
  const { t } = useTranslation();
  const [pdfZoom, setPdfZoom] = useState<PdfZoom>('fit');
  const hasPdf = props.documents.some((d) => d.mediaType === 'application/pdf');
  useEffect(() => (hasPdf ? preloadPdfJsWhenIdle() : undefined), [hasPdf]);
  return (
    <section className="evidence-panel" aria-label={t('evidence.panelLabel')} data-testid="evidence-panel">
      <EvidenceTabs key={documentsKey(props.documents)} {...props} pdfZoom={pdfZoom} onPdfZoomChange={setPdfZoom} />
    </section>
  );
}

/**
 * A PDF evidence file drawn by pdf.js onto a canvas, one page at a time: previous / next page,
 * "page x of n", zoom in / out / fit width, and the keyboard (Page Up / Page Down, arrows, Home,
 * End, + / -, 0 for fit). No text layer, no links, no forms, nothing of the PDF as HTML.
 * A page change cancels the render in progress; the document is destroyed on unmount.
 * `data-rendered-page="N"` appears on the viewer once page N is painted (tests and the benchmark
 * wait on it).
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import {
  canGoBack,
  canGoForward,
  clampPage,
  fitWidthScale,
  outputScale,
  pageForKey,
  scaleOf,
  zoomIn,
  zoomOut,
  zoomPercent,
  type PdfZoom,
} from './pdf-controls';
import { isPasswordError, isRenderingCancelled, loadPdfJs, markPageRendered, openPdfDocument } from './pdf-engine';

export interface PdfViewerProps {
  blob: Blob;
  title: string;
  initialZoom?: PdfZoom;
  onZoomChange?: (zoom: PdfZoom) => void;
}

type LoadState = { kind: 'loading' } | { kind: 'ready'; doc: PDFDocumentProxy } | { kind: 'failed'; message: string; password: boolean };

/** Space the page keeps from the viewer's sides at "fit width", in CSS pixels. */
const FIT_GUTTER = 16;

function usePdfDocument(blob: Blob): LoadState {
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  // a layout effect: the loading starts before the first paint, not after it
  useLayoutEffect(() => {
    let cancelled = false;
    let destroy: (() => Promise<void>) | null = null;
    setState((s) => (s.kind === 'loading' ? s : { kind: 'loading' }));
    void (async () => {
      try {
        // the bytes are read while pdf.js loads
        const [, buffer] = await Promise.all([loadPdfJs(), blob.arrayBuffer()]);
        if (cancelled) return;
        const data = new Uint8Array(buffer);
        const task = await openPdfDocument(data);
        destroy = () => task.destroy();
        if (cancelled) {
          void task.destroy();
          return;
        }
        const doc = await task.promise;
        if (!cancelled) setState({ kind: 'ready', doc });
      } catch (error) {
        if (!cancelled) setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error), password: isPasswordError(error) });
      }
    })();
    return () => {
      cancelled = true;
      void destroy?.().catch(() => undefined);
    };
  }, [blob]);
  return state;
}

/** The viewer's inner width, followed as it changes. */
function useWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

export function PdfViewer({ blob, title, initialZoom = 'fit', onZoomChange }: PdfViewerProps) {
  const { t } = useTranslation();
  const load = usePdfDocument(blob);
  const doc = load.kind === 'ready' ? load.doc : null;
  const pageCount = doc?.numPages ?? 0;
  const [page, setPage] = useState(1);
  const [zoom, setZoomState] = useState<PdfZoom>(initialZoom);
  const [fitScale, setFitScale] = useState(1);
  const [renderedPage, setRenderedPage] = useState<number | null>(null);
  const [renderError, setRenderError] = useState<string | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const width = useWidth(scrollRef);
  // a width change matters only at "fit width"
  const fitWidth = zoom === 'fit' ? width : -1;

  const setZoom = useCallback(
    (next: PdfZoom) => {
      setZoomState(next);
      onZoomChange?.(next);
    },
    [onZoomChange],
  );

  useEffect(() => {
    setPage(1);
    setRenderedPage(null);
  }, [doc]);

  useEffect(() => {
    if (!doc) return;
    let cancelled = false;
    let task: RenderTask | null = null;
    setRenderError(null);
    void (async () => {
      try {
        const pdfPage = await doc.getPage(clampPage(page, doc.numPages));
        if (cancelled) return;
        const natural = pdfPage.getViewport({ scale: 1 });
        const fit = fitWidthScale(fitWidth > 0 ? fitWidth - FIT_GUTTER : 0, natural.width);
        setFitScale(fit);
        const viewport = pdfPage.getViewport({ scale: zoom === 'fit' ? fit : zoom });
        const ratio = outputScale(viewport.width, viewport.height, window.devicePixelRatio || 1);
        const canvas = document.createElement('canvas');
        canvas.width = Math.max(1, Math.floor(viewport.width * ratio));
        canvas.height = Math.max(1, Math.floor(viewport.height * ratio));
        canvas.style.width = `${Math.floor(viewport.width)}px`;
        canvas.style.height = `${Math.floor(viewport.height)}px`;
        canvas.className = 'evidence-pdf-canvas';
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', t('evidence.pdf.canvasLabel', { title, page }));
        task = pdfPage.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
        await task.promise;
        if (cancelled) return;
        hostRef.current?.replaceChildren(canvas);
        markPageRendered();
        setRenderedPage(page);
      } catch (error) {
        if (!cancelled && !isRenderingCancelled(error)) setRenderError(error instanceof Error ? error.message : String(error));
      }
    })();
    return () => {
      cancelled = true;
      task?.cancel();
    };
    // t and title only label the canvas: they do not call for a new drawing
  }, [doc, page, zoom, fitWidth]);

  const goTo = (next: number) => setPage(clampPage(next, pageCount));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = pageForKey(event.key, page, pageCount);
    if (target !== null && pageCount > 0) {
      event.preventDefault();
      goTo(target);
      return;
    }
    if (event.key === '+' || event.key === '=') setZoom(zoomIn(zoom, fitScale));
    else if (event.key === '-' || event.key === '_') setZoom(zoomOut(zoom, fitScale));
    else if (event.key === '0') setZoom('fit');
    else return;
    event.preventDefault();
  };

  const percent = zoomPercent(zoom, fitScale);
  const busy = load.kind === 'loading' || (doc !== null && renderedPage !== page && renderError === null);

  return (
    <div className="evidence-pdf" data-testid="pdf-viewer" data-rendered-page={renderedPage ?? undefined} aria-busy={busy}>
      <div className="evidence-toolbar" role="toolbar" aria-label={t('evidence.pdf.toolbar')}>
        <button type="button" onClick={() => goTo(page - 1)} disabled={!canGoBack(page)} aria-label={t('evidence.pdf.previous')}>
          ‹
        </button>
        {/* present from the start and read whole on each change: "3 / 12 쪽" */}
        <span className="evidence-page-of" aria-live="polite" aria-atomic="true" data-testid="pdf-page-of">
          {pageCount > 0 ? t('evidence.pdf.pageOf', { page, count: pageCount }) : ''}
        </span>
        <button type="button" onClick={() => goTo(page + 1)} disabled={!canGoForward(page, pageCount)} aria-label={t('evidence.pdf.next')}>
          ›
        </button>
        <span className="evidence-toolbar-gap" />
        <button type="button" onClick={() => setZoom(zoomOut(zoom, fitScale))} aria-label={t('evidence.pdf.zoomOut')}>
          −
        </button>
        <span className="evidence-zoom-level">{t('evidence.pdf.zoomLevel', { percent })}</span>
        <button type="button" onClick={() => setZoom(zoomIn(zoom, fitScale))} aria-label={t('evidence.pdf.zoomIn')}>
          +
        </button>
        <button type="button" onClick={() => setZoom('fit')} aria-pressed={zoom === 'fit'}>
          {t('evidence.pdf.fitWidth')}
        </button>
      </div>
      <div
        ref={scrollRef}
        className="evidence-pdf-scroll"
        tabIndex={0}
        onKeyDown={onKeyDown}
        aria-label={`${title}. ${t('evidence.pdf.keyboardHint')}`}
        role="region"
      >
        {load.kind === 'loading' && <p className="evidence-status">{t('evidence.loading')}</p>}
        {load.kind === 'failed' && (
          <p className="evidence-error" role="alert">
            {load.password ? t('evidence.pdf.password') : t('evidence.pdf.failed', { message: load.message })}
          </p>
        )}
        {doc && pageCount === 0 && <p className="evidence-status">{t('evidence.pdf.empty')}</p>}
        {renderError !== null && (
          <p className="evidence-error" role="alert">
            {t('evidence.pdf.failed', { message: renderError })}
          </p>
        )}
        <div ref={hostRef} className="evidence-pdf-page" data-scale={scaleOf(zoom, fitScale)} />
      </div>
    </div>
  );
}

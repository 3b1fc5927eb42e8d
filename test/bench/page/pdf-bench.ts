/**
 * The browser half of the PDF benchmark: stores the 5 MB PDF as a Blob in a real IndexedDB
 * (the app's schema), then times opening it as the case review does: from reading the document
 * row to page 1 painted on the canvas by the app's own PdfViewer (rendered with react-dom; done
 * when the viewer sets data-rendered-page="1"), and to the next animation frame after that.
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { PdfViewer } from '../../../renderer/review/evidence/PdfViewer';
import { PDF_MARKS, preloadPdfJsWhenIdle } from '../../../renderer/review/evidence/pdf-engine';
import { openCouncilDb } from '../../../renderer/db/schema';
import '../../../renderer/app/i18n';

const BUNDLE_ID = 'bench-pdf';
const FILE = 'evidence/1015-900001/ledger-scan.pdf';

async function storePdf(url: string, dbName: string): Promise<{ bytes: number }> {
  const blob = new Blob([await (await fetch(url)).arrayBuffer()], { type: 'application/pdf' });
  const db = openCouncilDb(dbName);
  await db.open();
  await db.documents.put({
    bundleId: BUNDLE_ID,
    file: FILE,
    caseId: '1015-900001',
    sha256: '0'.repeat(64),
    blob,
    mediaType: 'application/pdf',
    kind: 'sales-loss-proof',
    title: 'Scanned sales ledger',
    size: blob.size,
  });
  db.close();
  return { bytes: blob.size };
}

/** Resolves once page N is painted; rejects when the viewer reports an error or after 60 s. */
function renderedPage(host: HTMLElement, page: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const failure = host.querySelector('[role="alert"]');
      if (failure) return finish(new Error(`the PDF viewer failed: ${failure.textContent}`));
      if (host.querySelector(`[data-rendered-page="${page}"]`)) finish(null);
    };
    const observer = new MutationObserver(check);
    const timer = setTimeout(() => finish(new Error(`page ${page} not painted within 60 s`)), 60_000);
    function finish(error: Error | null) {
      observer.disconnect();
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    }
    observer.observe(host, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-rendered-page', 'role'] });
    check();
  });
}

/** When each mark of this opening was set, in ms after `started`; null when not set (pdf.js already loaded). */
function marksSince(started: number): Record<keyof typeof PDF_MARKS, number | null> {
  const at = (name: string) => {
    const entry = performance.getEntriesByName(name, 'mark').pop();
    return entry ? Math.round(entry.startTime - started) : null;
  };
  return { moduleLoaded: at(PDF_MARKS.moduleLoaded), documentOpen: at(PDF_MARKS.documentOpen), pageRendered: at(PDF_MARKS.pageRendered) };
}

/** The share of the canvas's pixels that are not near-white (0 for a blank page), after the timing. */
function inkOf(canvas: HTMLCanvasElement): number {
  const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
  let inked = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! < 600) inked += 1;
  return inked / (data.length / 4);
}

/**
 * One opening: the database is open already (as in the app); the clock starts at the row read.
 * With `listFirstMs`, the idle preload of pdf.js that the Cases list starts runs that long first,
 * as while the user looks at the list before opening the case.
 */
async function openFirstPage(dbName: string, listFirstMs = 0): Promise<{ ms: number; paintedMs: number; pages: number; ink: number; marks: ReturnType<typeof marksSince> }> {
  const db = openCouncilDb(dbName);
  await db.open();
  const host = document.createElement('div');
  // the evidence panel's width on a 1280-pixel window (no stylesheet here: the page's CSP has none)
  host.style.width = '640px';
  document.body.append(host);
  const root = createRoot(host);
  try {
    if (listFirstMs > 0) {
      preloadPdfJsWhenIdle();
      await new Promise((resolve) => setTimeout(resolve, listFirstMs));
    }
    performance.clearMarks();
    const started = performance.now();
    const row = await db.documents.get([BUNDLE_ID, FILE]);
    if (!row) throw new Error('the benchmark PDF is not stored');
    root.render(createElement(PdfViewer, { blob: row.blob, title: row.title }));
    await renderedPage(host, 1);
    const ms = performance.now() - started;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const paintedMs = performance.now() - started;
    const canvas = host.querySelector('canvas');
    if (!canvas || canvas.width === 0) throw new Error('no page drawn');
    const ink = inkOf(canvas);
    const pages = Number(/\/ (\d+)|of (\d+)/.exec(host.textContent ?? '')?.slice(1).find(Boolean) ?? 0);
    return { ms, paintedMs, pages, ink, marks: marksSince(started) };
  } finally {
    root.unmount();
    host.remove();
    db.close();
  }
}

Object.assign(window, { councilPdfBench: { storePdf, openFirstPage } });

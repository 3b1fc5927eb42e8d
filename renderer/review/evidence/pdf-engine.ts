/**
 * pdf.js, loaded when the first PDF is opened (it stays out of the main bundle), with one worker
 * for the app's life: a module worker built by Vite from pdfjs-dist (same origin, so the CSP's
 * 'self' allows it), never a CDN. Documents are opened from bytes with eval off, WebAssembly off
 * (the CSP has no 'wasm-unsafe-eval': pdf.js then uses its JavaScript JPEG 2000 / JBIG2 / CCITT
 * decoders and skips ICC colour conversion), and the CMaps and standard fonts shipped under
 * pdfjs/ (build/vite-pdfjs-assets.ts), so CJK text in PDFs without embedded fonts renders offline.
 */
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { PDFDocumentLoadingTask } from 'pdfjs-dist';

type PdfJs = typeof import('pdfjs-dist');

let pdfjsPromise: Promise<PdfJs> | null = null;
let workerPort: Worker | null = null;

/** Performance marks of an opening (the benchmark reads them; harmless elsewhere). */
export const PDF_MARKS = { moduleLoaded: 'council-pdf:module-loaded', documentOpen: 'council-pdf:document-open', pageRendered: 'council-pdf:page-rendered' } as const;

function mark(name: string): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(name);
}

/**
 * pdf.js's main-thread module, with the shared worker set up. The worker starts loading at once,
 * in parallel with the module (both are large; on a slow machine this halves the first wait).
 */
export function loadPdfJs(): Promise<PdfJs> {
  const first = pdfjsPromise === null;
  pdfjsPromise ??= import('pdfjs-dist').then((pdfjs) => {
    if (workerPort && !pdfjs.GlobalWorkerOptions.workerPort) pdfjs.GlobalWorkerOptions.workerPort = workerPort;
    mark(PDF_MARKS.moduleLoaded);
    return pdfjs;
  });
  if (first) {
    pdfjsPromise.catch(() => {
      pdfjsPromise = null;
    });
  }
  if (!workerPort && typeof Worker !== 'undefined') workerPort = new Worker(workerUrl, { type: 'module', name: 'pdfjs' });
  return pdfjsPromise;
}

/** Loads pdf.js when the browser is idle (a case with PDF evidence is open), so the first PDF opens sooner. */
export function preloadPdfJsWhenIdle(): () => void {
  if (typeof requestIdleCallback !== 'function') return () => undefined;
  const handle = requestIdleCallback(() => void loadPdfJs().catch(() => undefined), { timeout: 2_000 });
  return () => cancelIdleCallback(handle);
}

function assetUrl(dir: string): string {
  return new URL(`pdfjs/${dir}/`, document.baseURI).href;
}

/** Starts loading a document from its bytes (pdf.js takes ownership of them). */
export async function openPdfDocument(data: Uint8Array): Promise<PDFDocumentLoadingTask> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    data,
    isEvalSupported: false,
    useWasm: false,
    wasmUrl: assetUrl('wasm'),
    cMapUrl: assetUrl('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: assetUrl('standard_fonts'),
    enableXfa: false,
    // no scripting, no links, no forms: the page is drawn on a canvas and nothing else
    stopAtErrors: false,
  });
  void task.promise.then(() => mark(PDF_MARKS.documentOpen), () => undefined);
  return task;
}

export function markPageRendered(): void {
  mark(PDF_MARKS.pageRendered);
}

/** True for pdf.js's "rendering cancelled" rejection (expected when the page or document changes). */
export function isRenderingCancelled(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: string }).name === 'RenderingCancelledException';
}

/** True for pdf.js's password rejection. */
export function isPasswordError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: string }).name === 'PasswordException';
}

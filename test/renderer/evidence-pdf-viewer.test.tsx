/**
 * PdfViewer's wiring with pdf.js replaced by a fake (pdf.js cannot draw in jsdom; the real drawing
 * is covered in Chromium): the options documents are opened with, page moves by buttons and keys,
 * zoom steps, data-rendered-page, cancelling a render when the page changes, destroying on unmount.
 */
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

interface FakeRender {
  page: number;
  scale: number;
  cancel: ReturnType<typeof vi.fn>;
  finish: () => void;
}

const fake = vi.hoisted(() => ({
  renders: [] as FakeRender[],
  destroyed: 0,
  getDocument: null as unknown as ReturnType<typeof import('vitest').vi.fn>,
}));

vi.mock('pdfjs-dist', () => {
  const getDocument = vi.fn(() => {
    const doc = {
      numPages: 3,
      getPage: async (n: number) => ({
        getViewport: ({ scale }: { scale: number }) => ({ width: 600 * scale, height: 800 * scale, scale }),
        render: ({ viewport }: { viewport: { scale: number } }) => {
          let finish!: () => void;
          let fail!: (e: Error) => void;
          const promise = new Promise<void>((resolve, reject) => {
            finish = resolve;
            fail = reject;
          });
          const cancel = vi.fn(() => fail(Object.assign(new Error('cancelled'), { name: 'RenderingCancelledException' })));
          fake.renders.push({ page: n, scale: viewport.scale, cancel, finish });
          return { promise, cancel };
        },
      }),
    };
    return {
      promise: Promise.resolve(doc),
      destroy: vi.fn(async () => {
        fake.destroyed += 1;
      }),
    };
  });
  fake.getDocument = getDocument;
  return { GlobalWorkerOptions: { workerPort: null }, getDocument };
});

import { applyLanguage } from '../../renderer/common/i18n';
import { PdfViewer } from '../../renderer/review/evidence/PdfViewer';

async function finishLast(): Promise<FakeRender> {
  await waitFor(() => expect(fake.renders.length).toBeGreaterThan(0));
  const last = fake.renders[fake.renders.length - 1]!;
  await act(async () => last.finish());
  return last;
}

const viewer = () => screen.getByTestId('pdf-viewer');

describe('PdfViewer', () => {
  beforeEach(() => {
    fake.renders.length = 0;
    fake.destroyed = 0;
  });

  it('opens the bytes with eval and WebAssembly off and pdf.js data files from the app itself', async () => {
    render(<PdfViewer blob={new Blob(['%PDF-1.7'])} title="확인서" initialZoom={1} />);
    await finishLast();
    const options = fake.getDocument.mock.calls.at(-1)![0] as Record<string, unknown>;
    expect(options).toMatchObject({ isEvalSupported: false, useWasm: false, enableXfa: false, cMapPacked: true });
    expect(options.data).toBeInstanceOf(Uint8Array);
    for (const key of ['cMapUrl', 'standardFontDataUrl', 'wasmUrl']) {
      const url = new URL(options[key] as string);
      expect(url.origin).toBe(new URL(document.baseURI).origin);
      expect(url.pathname).toMatch(/\/pdfjs\/(cmaps|standard_fonts|wasm)\/$/);
    }
  });

  it('shows page x of n, moves with the buttons and the keys, and marks each page once drawn', async () => {
    const user = userEvent.setup();
    render(<PdfViewer blob={new Blob(['%PDF-1.7'])} title="확인서" initialZoom={1} />);
    await finishLast();
    expect(viewer().dataset.renderedPage).toBe('1');
    expect(screen.getByText('1 / 3 쪽')).toBeTruthy();
    expect((screen.getByRole('button', { name: '이전 쪽' }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: '다음 쪽' }));
    expect(screen.getByText('2 / 3 쪽')).toBeTruthy();
    // page 2 asked for but not drawn yet: the mark still names page 1
    expect(viewer().dataset.renderedPage).toBe('1');
    expect((await finishLast()).page).toBe(2);
    expect(viewer().dataset.renderedPage).toBe('2');
    screen.getByRole('region').focus();
    await user.keyboard('{End}');
    expect(screen.getByText('3 / 3 쪽')).toBeTruthy();
    expect((screen.getByRole('button', { name: '다음 쪽' }) as HTMLButtonElement).disabled).toBe(true);
    await user.keyboard('{PageUp}');
    expect(screen.getByText('2 / 3 쪽')).toBeTruthy();
    await user.keyboard('{Home}{ArrowLeft}');
    expect(screen.getByText('1 / 3 쪽')).toBeTruthy();
  });

  it('says which page of how many in one polite live region that is there from the start, in English too', async () => {
    const user = userEvent.setup();
    await applyLanguage('en');
    render(<PdfViewer blob={new Blob(['%PDF-1.7'])} title="Letter" initialZoom={1} />);
    const region = screen.getByTestId('pdf-page-of');
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.getAttribute('aria-atomic')).toBe('true');
    await finishLast();
    expect(region.textContent).toBe('Page 1 of 3');
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    // the same node changes its words: that is what a screen reader reads
    expect(screen.getByTestId('pdf-page-of')).toBe(region);
    expect(region.textContent).toBe('Page 2 of 3');
  });

  it('cancels the render in progress when the page changes', async () => {
    const user = userEvent.setup();
    render(<PdfViewer blob={new Blob(['%PDF-1.7'])} title="확인서" initialZoom={1} />);
    await finishLast();
    await user.click(screen.getByRole('button', { name: '다음 쪽' }));
    await waitFor(() => expect(fake.renders.at(-1)!.page).toBe(2));
    const pending = fake.renders.at(-1)!;
    await user.click(screen.getByRole('button', { name: '다음 쪽' }));
    expect(pending.cancel).toHaveBeenCalled();
    expect((await finishLast()).page).toBe(3);
    expect(viewer().dataset.renderedPage).toBe('3');
  });

  it('zooms by steps with the buttons and keys, back to fit width with 0', async () => {
    const user = userEvent.setup();
    const zooms: unknown[] = [];
    render(<PdfViewer blob={new Blob(['%PDF-1.7'])} title="확인서" initialZoom={1} onZoomChange={(z) => zooms.push(z)} />);
    await finishLast();
    expect(screen.getByText('배율 100%')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '확대' }));
    expect(screen.getByText('배율 110%')).toBeTruthy();
    expect((await finishLast()).scale).toBe(1.1);
    screen.getByRole('region').focus();
    await user.keyboard('--');
    expect(screen.getByText('배율 90%')).toBeTruthy();
    await user.keyboard('0');
    expect(zooms).toEqual([1.1, 1, 0.9, 'fit']);
    expect(screen.getByRole('button', { name: '너비에 맞춤' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('destroys the document on unmount', async () => {
    const view = render(<PdfViewer blob={new Blob(['%PDF-1.7'])} title="확인서" />);
    await finishLast();
    view.unmount();
    await waitFor(() => expect(fake.destroyed).toBe(1));
  });
});

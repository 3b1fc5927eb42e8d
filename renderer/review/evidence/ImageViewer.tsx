/**
 * A PNG or JPEG evidence file, shown from an object URL of its Blob (revoked on unmount), with
 * zoom (buttons, + / - keys, Ctrl+wheel) and pan (drag, arrow keys), and reset (button, 0).
 * The zoom and pan state is the pure reducer of renderer/evidence/image-view.ts.
 * Before any <img> (or object URL) is made, the header's declared size is read: an image of
 * more than 50 million pixels (a decoder bomb), of width or height 0, or without a size it can
 * find is refused with a message instead.
 */
import { useEffect, useReducer, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_IMAGE_PIXELS } from '../../../shared/evidence/image-size';
import type { Language } from '../../../shared/i18n';
import { formatCount } from '../../common/format/numbers';
import { imageActionForKey, imageViewReducer, INITIAL_IMAGE_VIEW } from './image-view';
import { useImageHeader } from './use-image-header';
import { useObjectUrl } from './use-object-url';

export interface ImageViewerProps {
  blob: Blob;
  title: string;
  language: Language;
}

export function ImageViewer({ blob, title, language }: ImageViewerProps) {
  const { t } = useTranslation();
  const header = useImageHeader(blob);
  if (header.kind === 'loading') return <p className="evidence-status">{t('evidence.loading')}</p>;
  if (header.kind === 'failed') return <p className="evidence-error" role="alert">{t('evidence.readFailed')}</p>;
  const verdict = header.value;
  if (!verdict.ok) {
    const count = (n: number) => formatCount(n, language);
    const text =
      verdict.why === 'too-large'
        ? t('evidence.image.tooLarge', { width: count(verdict.width), height: count(verdict.height), pixels: count(verdict.pixels), max: count(MAX_IMAGE_PIXELS) })
        : t('evidence.image.damaged');
    return (
      <p className="evidence-error" role="alert" data-testid="image-refused" data-why={verdict.why}>
        {text}
      </p>
    );
  }
  return <ImageStage blob={blob} title={title} />;
}

/** The image itself, once its header allows it to be decoded. */
function ImageStage({ blob, title }: { blob: Blob; title: string }) {
  const { t } = useTranslation();
  const url = useObjectUrl(blob);
  const [view, dispatch] = useReducer(imageViewReducer, INITIAL_IMAGE_VIEW);
  const [failed, setFailed] = useState(false);
  const stageRef = useRef<HTMLDivElement>(null);
  const drag = useRef<{ id: number; x: number; y: number } | null>(null);

  // Ctrl+wheel zooms; React's onWheel is passive, so the listener is added by hand to stop the page zooming
  useEffect(() => {
    const stage = stageRef.current;
    if (!stage) return;
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey) return;
      event.preventDefault();
      dispatch({ type: 'wheel', deltaY: event.deltaY });
    };
    stage.addEventListener('wheel', onWheel, { passive: false });
    return () => stage.removeEventListener('wheel', onWheel);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const action = imageActionForKey(event.key);
    if (!action) return;
    event.preventDefault();
    dispatch(action);
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    drag.current = { id: event.pointerId, x: event.clientX, y: event.clientY };
    event.currentTarget.setPointerCapture?.(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || d.id !== event.pointerId) return;
    dispatch({ type: 'pan', dx: event.clientX - d.x, dy: event.clientY - d.y });
    drag.current = { id: d.id, x: event.clientX, y: event.clientY };
  };
  const endDrag = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current?.id === event.pointerId) drag.current = null;
  };

  const percent = Math.round(view.scale * 100);
  return (
    <div className="evidence-image" data-testid="image-viewer" data-scale={view.scale} data-x={view.x} data-y={view.y}>
      <div className="evidence-toolbar" role="toolbar" aria-label={t('evidence.image.toolbar')}>
        <button type="button" onClick={() => dispatch({ type: 'zoomOut' })} aria-label={t('evidence.image.zoomOut')}>
          −
        </button>
        <span className="evidence-zoom-level" aria-live="polite">
          {t('evidence.image.zoomLevel', { percent })}
        </span>
        <button type="button" onClick={() => dispatch({ type: 'zoomIn' })} aria-label={t('evidence.image.zoomIn')}>
          +
        </button>
        <button type="button" onClick={() => dispatch({ type: 'reset' })}>
          {t('evidence.image.reset')}
        </button>
      </div>
      <div
        ref={stageRef}
        className="evidence-image-stage"
        role="region"
        tabIndex={0}
        aria-label={`${title}. ${t('evidence.image.keyboardHint')}`}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
      >
        {failed && (
          <p className="evidence-error" role="alert">
            {t('evidence.image.failed')}
          </p>
        )}
        {url && !failed && (
          <img
            src={url}
            alt={title}
            draggable={false}
            onError={() => setFailed(true)}
            style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})` }}
          />
        )}
      </div>
    </div>
  );
}

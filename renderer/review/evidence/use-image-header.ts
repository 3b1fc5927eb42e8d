/**
 * Reads the start of an image Blob (at most IMAGE_HEADER_LIMIT_BYTES) and judges the size its
 * header declares, before anything decodes it: evidence imported before the reader refused
 * decoder bombs, or stored by other means, is checked again here (shared/evidence/image-size.ts).
 */
import { useEffect, useState } from 'react';
import { IMAGE_HEADER_LIMIT_BYTES, imageSizeOf, judgeImageSize, type ImageVerdict } from '../../../shared/evidence/image-size';

export type ImageHeaderState = { kind: 'loading' } | { kind: 'judged'; verdict: ImageVerdict } | { kind: 'failed' };

export function useImageHeader(blob: Blob): ImageHeaderState {
  const [state, setState] = useState<ImageHeaderState>({ kind: 'loading' });
  useEffect(() => {
    let cancelled = false;
    setState({ kind: 'loading' });
    blob
      .slice(0, IMAGE_HEADER_LIMIT_BYTES)
      .arrayBuffer()
      .then((buffer) => {
        if (!cancelled) setState({ kind: 'judged', verdict: judgeImageSize(imageSizeOf(new Uint8Array(buffer))) });
      })
      .catch(() => {
        if (!cancelled) setState({ kind: 'failed' });
      });
    return () => {
      cancelled = true;
    };
  }, [blob]);
  return state;
}

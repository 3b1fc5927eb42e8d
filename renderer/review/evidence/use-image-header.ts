/**
 * Reads the start of an image Blob (at most IMAGE_HEADER_LIMIT_BYTES) and judges the size its
 * header declares, before anything decodes it: evidence imported before the reader refused
 * decoder bombs, or stored by other means, is checked again here (shared/evidence/image-size.ts).
 */
import { useMemo } from 'react';
import { IMAGE_HEADER_LIMIT_BYTES, imageSizeOf, judgeImageSize, type ImageVerdict } from '../../../shared/evidence/image-size';
import { useBlobValue, type BlobValue } from './use-blob-value';

export type ImageHeaderState = BlobValue<ImageVerdict>;

const judgeHeader = (bytes: Uint8Array): ImageVerdict => judgeImageSize(imageSizeOf(bytes));

export function useImageHeader(blob: Blob): ImageHeaderState {
  // one slice per Blob: a new one each render would read the header again
  const head = useMemo(() => blob.slice(0, IMAGE_HEADER_LIMIT_BYTES), [blob]);
  return useBlobValue(head, judgeHeader);
}

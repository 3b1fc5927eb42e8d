/** Which viewer shows which evidence media type (FORMATS.md allows exactly these five). */
import type { EvidenceMediaType } from '../../../shared/schemas/case-record';

export type ViewerKind = 'pdf' | 'image' | 'csv' | 'text';

export function viewerKindOf(mediaType: EvidenceMediaType | string): ViewerKind {
  switch (mediaType) {
    case 'application/pdf':
      return 'pdf';
    case 'image/png':
    case 'image/jpeg':
      return 'image';
    case 'text/csv':
      return 'csv';
    default:
      // text/plain, and anything unexpected is shown as text, never interpreted
      return 'text';
  }
}

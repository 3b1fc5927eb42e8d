/** The policy's required document kinds, each marked present or missing for one case. */
import type { CaseRecord } from '../../shared/schemas/case-record';

export interface RequiredDocument {
  kind: string;
  /** Titles of the case's documents of this kind (empty: missing). */
  titles: string[];
}

export function requiredDocumentChecklist(required: readonly string[], documents: CaseRecord['documents']): RequiredDocument[] {
  return [...new Set(required)].map((kind) => ({ kind, titles: documents.filter((d) => d.kind === kind).map((d) => d.title) }));
}

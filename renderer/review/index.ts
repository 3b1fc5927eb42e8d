/** The case review feature: one case beside its evidence, with its suggestion, reasons and flags. */
export { CaseReviewScreen } from './CaseReviewScreen';
export { koReview } from './strings-ko';
export { enReview } from './strings-en';
export { koEvidence } from './evidence/strings-ko';
export { enEvidence } from './evidence/strings-en';
export { preloadPdfJsWhenIdle } from './evidence/pdf-engine';
// For the meeting room: the case's suggestion card and figures, shown as the review shows them.
export { SuggestionCard, suggestionWords } from './SuggestionCard';
export { loadCaseReview, type CaseReview } from './load-case-review';
export { requiredDocumentChecklist, type RequiredDocument } from './required-documents';
export { wordFor } from './known-words';

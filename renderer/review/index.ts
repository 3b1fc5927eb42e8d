/** The case review feature: one case beside its evidence, with its suggestion, reasons and flags. */
export { CaseReviewScreen } from './CaseReviewScreen';
export { koReview } from './strings-ko';
export { enReview } from './strings-en';
export { koEvidence } from './evidence/strings-ko';
export { enEvidence } from './evidence/strings-en';
export { preloadPdfJsWhenIdle } from './evidence/pdf-engine';

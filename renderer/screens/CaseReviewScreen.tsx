/** One case, reviewed side by side with its evidence (being built). */
import { useUiStore } from '../store/ui-store';

export function CaseReviewScreen() {
  const caseId = useUiStore((s) => s.reviewCaseId);
  return <section data-screen="case-review">{caseId}</section>;
}

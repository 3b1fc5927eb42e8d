/** English text of the case review screen (the case, its suggestion with reasons, flags, required documents): the same keys as ko-review.ts. */
import type { koReview } from './ko-review';

export const enReview: typeof koReview = {};

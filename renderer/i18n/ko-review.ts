/** Korean text of the case review screen (the case, its suggestion with reasons, flags, required documents). Spread into ko.ts. */
export const koReview = {};

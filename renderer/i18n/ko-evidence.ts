/** Korean text of the evidence viewers (PDF, image, CSV table, daily-sales chart). Spread into ko.ts. */
export const koEvidence = {};

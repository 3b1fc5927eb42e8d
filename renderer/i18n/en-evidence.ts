/** English text of the evidence viewers (PDF, image, CSV table, daily-sales chart): the same keys as ko-evidence.ts. */
import type { koEvidence } from './ko-evidence';

export const enEvidence: typeof koEvidence = {};

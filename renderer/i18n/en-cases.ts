/** English text of the Cases list (filters, search, sort, counts): the same keys as ko-cases.ts. */
import type { koCases } from './ko-cases';

export const enCases: typeof koCases = {};

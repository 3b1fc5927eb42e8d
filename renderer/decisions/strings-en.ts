/** English text of the Decisions screen: the same keys as strings-ko.ts. */
import type { koDecisions } from './strings-ko';

export const enDecisions: typeof koDecisions = {
  decisions: {
    title: 'Decisions',
    intro: 'Where the chair records and signs the decision on each case.',
    recorded: 'Decisions recorded: {{count}}',
    later1: 'A decision per case: award (tier and amount), reject, or defer (more evidence needed)',
    later2: 'A rationale whenever the award differs from the suggestion',
    later3: "Export the decision file to the sync folder after the chair's signature",
  },
};

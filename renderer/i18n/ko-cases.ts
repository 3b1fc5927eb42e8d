/** Korean text of the Cases list (filters, search, sort, counts). Spread into ko.ts. */
export const koCases = {};

/** Previous and next case in the list order the case was opened from. */
export interface CaseNeighbours {
  previous: string | null;
  next: string | null;
  /** 1-based position, or null when the case is not in the order (opened from elsewhere). */
  position: number | null;
  total: number;
}

export function caseNeighbours(order: readonly string[], caseId: string): CaseNeighbours {
  const index = order.indexOf(caseId);
  if (index === -1) return { previous: null, next: null, position: null, total: order.length };
  return {
    previous: index > 0 ? order[index - 1]! : null,
    next: index < order.length - 1 ? order[index + 1]! : null,
    position: index + 1,
    total: order.length,
  };
}

/** Keyboard movement in a tab list (WAI-ARIA tabs pattern, horizontal): arrows wrap, Home, End. */

/** The index a key moves to, or null when the key does not move between tabs. */
export function tabIndexForKey(key: string, index: number, count: number): number | null {
  if (count < 1) return null;
  switch (key) {
    case 'ArrowRight':
      return (index + 1) % count;
    case 'ArrowLeft':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/**
 * A data table that may scroll sideways (a narrow window, 200 % zoom): a named region that the
 * keyboard can focus and scroll (axe: scrollable-region-focusable).
 */
import type { ReactNode } from 'react';

export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/** One card of the case review's left column: a titled section, labelled by its heading. */
import type { ReactNode } from 'react';

export function ReviewCard({ id, title, meta, children }: { id: string; title: string; meta?: ReactNode; children: ReactNode }) {
  const headingId = `review-${id}-title`;
  return (
    <section className="card review-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {title}
        {meta !== undefined && <span className="review-card__meta">{meta}</span>}
      </h2>
      {children}
    </section>
  );
}

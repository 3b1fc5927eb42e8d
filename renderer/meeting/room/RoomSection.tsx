/** One panel of the room: a titled section that the section keys (M, P, V, D) can focus. */
import type { ReactNode } from 'react';
import type { RoomSection as SectionId } from './use-room-keys';

export function RoomSection({ id, title, keyHint, children }: { id: SectionId | 'case' | 'recusal'; title: string; keyHint?: string; children: ReactNode }) {
  const headingId = `room-${id}-title`;
  return (
    <section className="card room-section" data-room-section={id} aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title" tabIndex={-1} aria-keyshortcuts={keyHint}>
        {title}
        {keyHint !== undefined && <kbd className="room-kbd" aria-hidden="true">
            {keyHint}
          </kbd>}
      </h2>
      {children}
    </section>
  );
}

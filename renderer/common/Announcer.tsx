/**
 * The shell's live regions, rendered once and present from the start (a region added together
 * with its text is not reliably read): a polite status for progress and outcomes, an assertive
 * one for errors. Visually hidden; what they say is also on screen where it happened. Plain
 * aria-live regions, not role=status/alert: the screens' own status and alert roles stay the only
 * ones a page query finds.
 */
import { useAnnouncerStore } from './announcer';

export function Announcer() {
  const polite = useAnnouncerStore((s) => s.polite);
  const assertive = useAnnouncerStore((s) => s.assertive);
  return (
    <div className="visually-hidden" data-testid="announcer">
      <div aria-live="polite" aria-atomic="true" data-testid="announcer-polite">
        {polite && <p key={polite.id}>{polite.text}</p>}
      </div>
      <div aria-live="assertive" aria-atomic="true" data-testid="announcer-assertive">
        {assertive && <p key={assertive.id}>{assertive.text}</p>}
      </div>
    </div>
  );
}

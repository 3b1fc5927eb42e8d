/**
 * The case review screen's keys: Alt+ArrowLeft / Alt+ArrowRight for the previous and next case,
 * Escape back to the list. Ignored while the user types in a field or a viewer took the key.
 */
import { useEffect } from 'react';

interface Keys {
  onPrevious: () => void;
  onNext: () => void;
  onBack: () => void;
}

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT');
}

export function useCaseReviewKeys({ onPrevious, onNext, onBack }: Keys): void {
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || typing(event.target)) return;
      if (event.altKey && event.key === 'ArrowLeft') onPrevious();
      else if (event.altKey && event.key === 'ArrowRight') onNext();
      else if (event.key === 'Escape' && !event.altKey && !event.ctrlKey && !event.metaKey) onBack();
      else return;
      event.preventDefault();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onPrevious, onNext, onBack]);
}

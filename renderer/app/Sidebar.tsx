/**
 * The main menu: one link per screen, the current one marked with aria-current="page".
 * Tab reaches every link; the arrow keys, Home and End move between them; Enter opens one.
 */
import { useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SCREENS, useUiStore, type ScreenId } from '../common/ui-store';

export function Sidebar() {
  const { t } = useTranslation();
  const screen = useUiStore((s) => s.screen);
  const setScreen = useUiStore((s) => s.setScreen);
  const links = useRef<(HTMLAnchorElement | null)[]>([]);

  function open(event: MouseEvent<HTMLAnchorElement>, id: ScreenId) {
    event.preventDefault();
    setScreen(id);
  }

  function move(event: KeyboardEvent<HTMLAnchorElement>, index: number) {
    const last = SCREENS.length - 1;
    const target =
      event.key === 'ArrowDown' ? (index === last ? 0 : index + 1)
      : event.key === 'ArrowUp' ? (index === 0 ? last : index - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : null;
    if (target === null) return;
    event.preventDefault();
    links.current[target]?.focus();
  }

  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <ul className="sidebar__list">
        {SCREENS.map((id, index) => (
          <li key={id}>
            <a
              ref={(el) => {
                links.current[index] = el;
              }}
              href={`#${id}`}
              className="sidebar__link"
              aria-current={screen === id ? 'page' : undefined}
              onClick={(e) => open(e, id)}
              onKeyDown={(e) => move(e, index)}
            >
              {t(`nav.${id}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

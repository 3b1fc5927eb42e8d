/**
 * The root of every screen: `data-screen` for end-to-end tests, the screen's title as its h1
 * (focused when the screen opens, so keyboard and screen-reader users land on it), and an intro.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import './screens.css';

export function ScreenFrame({ screen, title, intro, children }: { screen: string; title: string; intro: string; children: ReactNode }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
  }, []);
  return (
    <section className="screen" data-screen={screen} aria-labelledby={`screen-title-${screen}`}>
      <header className="screen__header">
        <h1 id={`screen-title-${screen}`} ref={headingRef} tabIndex={-1} className="screen__title">
          {title}
        </h1>
        <p className="screen__intro">{intro}</p>
      </header>
      {children}
    </section>
  );
}

/**
 * jsdom lays nothing out, so a virtualized list would show no row. useListLayout() gives the Cases
 * list's scroll box (.case-list__scroll) a size and a scroll height (its sizer's), and every element
 * a scrollTo that moves scrollTop and fires 'scroll' as a browser does. Other sizes stay jsdom's zeros.
 */
import { afterAll, beforeAll } from 'vitest';

/** Ten rows of 56 px. */
export const LIST_VIEW_HEIGHT = 560;
const LIST_VIEW_WIDTH = 1000;

const isList = (el: Element) => el.classList.contains('case-list__scroll');
const PATCHED = ['clientHeight', 'clientWidth', 'scrollHeight', 'scrollTop', 'scrollTo'] as const;

export function useListLayout(): void {
  const original = new Map(PATCHED.map((name) => [name, Object.getOwnPropertyDescriptor(Element.prototype, name)]));
  const scrolled = new WeakMap<Element, number>();
  const define = (name: (typeof PATCHED)[number], descriptor: PropertyDescriptor) =>
    Object.defineProperty(Element.prototype, name, { configurable: true, ...descriptor });

  beforeAll(() => {
    define('clientHeight', { get: function (this: Element) { return isList(this) ? LIST_VIEW_HEIGHT : 0; } });
    define('clientWidth', { get: function (this: Element) { return isList(this) ? LIST_VIEW_WIDTH : 0; } });
    define('scrollHeight', {
      get: function (this: Element) {
        const sizer = isList(this) ? (this.firstElementChild as HTMLElement | null) : null;
        return sizer ? Number.parseFloat(sizer.style.height) || 0 : 0;
      },
    });
    define('scrollTop', {
      get: function (this: Element) { return scrolled.get(this) ?? 0; },
      set: function (this: Element, top: number) { scrolled.set(this, top); },
    });
    define('scrollTo', {
      writable: true,
      value: function (this: Element, options: ScrollToOptions) {
        scrolled.set(this, Math.max(0, options.top ?? 0));
        this.dispatchEvent(new Event('scroll'));
      },
    });
  });
  afterAll(() => {
    for (const [name, descriptor] of original) {
      if (descriptor) Object.defineProperty(Element.prototype, name, descriptor);
      else Reflect.deleteProperty(Element.prototype, name);
    }
  });
}

/**
 * The preview's DOM from the minutes' body HTML main made (minutesBodyHtml): parsed by DOMParser
 * into an inert document (nothing in it runs or loads), then checked against the few elements and
 * attributes the template writes, so that the preview can never show more than text in tables
 * and headings, whatever a bundle's text or main's answer held. Anything else is refused, naming it.
 */
const ELEMENTS = new Set(['article', 'header', 'section', 'div', 'h1', 'h2', 'h3', 'h4', 'p', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'ul', 'ol', 'li', 'span', 'strong', 'em', 'br']);
const ATTRIBUTES = new Set(['class', 'id', 'lang', 'colspan', 'rowspan', 'scope']);

export class MinutesPreviewError extends Error {
  override name = 'MinutesPreviewError';
}

function check(el: Element): void {
  const tag = el.localName;
  if (!ELEMENTS.has(tag)) throw new MinutesPreviewError(`The minutes' preview holds a <${tag}> element, which the minutes never have; it is not shown.`);
  for (const attr of Array.from(el.attributes)) {
    if (!ATTRIBUTES.has(attr.name)) throw new MinutesPreviewError(`The minutes' preview holds a ${attr.name} attribute on <${tag}>, which the minutes never have; it is not shown.`);
  }
  for (const child of Array.from(el.children)) check(child);
}

/** The body's nodes, checked, adopted into `into`'s document. */
export function minutesFragment(html: string, into: Document): DocumentFragment {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  const fragment = into.createDocumentFragment();
  for (const node of Array.from(parsed.body.childNodes)) {
    if (node.nodeType === Node.ELEMENT_NODE) check(node as Element);
    else if (node.nodeType !== Node.TEXT_NODE) continue; // comments
    fragment.append(into.adoptNode(node));
  }
  return fragment;
}

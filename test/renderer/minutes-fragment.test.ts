/**
 * The preview's DOM (renderer/minutes/minutes-fragment.ts): the minutes' body as the template
 * writes it passes whole; anything the template never writes (a script, an image, an event
 * handler, a style, a link) is refused, naming it, so no bundle text can become more than text.
 */
import { describe, expect, it } from 'vitest';
import { buildMinutes } from '../../shared/minutes/build-minutes';
import { minutesBodyHtml } from '../../shared/minutes/minutes-html';
import { minutesFragment } from '../../renderer/minutes/minutes-fragment';
import { sampleMinutesInput } from '../support/sample-minutes';

describe("the minutes preview's DOM", () => {
  it('takes the whole body the template writes, in both languages, its text as it is', () => {
    for (const language of ['ko', 'en'] as const) {
      const html = minutesBodyHtml(buildMinutes(sampleMinutesInput()), language);
      const host = document.createElement('div');
      host.append(minutesFragment(html, document));
      expect(host.querySelector('article.minutes > header > h1')).not.toBeNull();
      expect(host.querySelectorAll('section').length).toBeGreaterThan(5);
      expect(host.textContent).toContain('1015-000001');
    }
  });

  it('keeps a business name that looks like markup as text', () => {
    const sample = sampleMinutesInput();
    const first = Object.keys(sample.cases)[0]!;
    const input = { ...sample, cases: { ...sample.cases, [first]: { ...sample.cases[first]!, businessName: '<img src=x onerror="alert(1)">가게' } } };
    const host = document.createElement('div');
    host.append(minutesFragment(minutesBodyHtml(buildMinutes(input), 'ko'), document));
    expect(host.querySelector('img')).toBeNull();
    expect(host.textContent).toContain('<img src=x onerror="alert(1)">가게');
  });

  it.each([
    ['<p>a</p><script>alert(1)</script>', '<script>'],
    ['<p><img src="x"></p>', '<img>'],
    ['<p onclick="alert(1)">a</p>', 'onclick attribute on <p>'],
    ['<p style="color: red">a</p>', 'style attribute on <p>'],
    ['<p><a href="https://example.com">a</a></p>', '<a>'],
    ['<style>p { color: red }</style>', '<style>'],
    ['<svg><circle r="1"></circle></svg>', '<svg>'],
  ])('refuses %s, naming %s', (html, named) => {
    expect(() => minutesFragment(html, document)).toThrow(named);
  });
});

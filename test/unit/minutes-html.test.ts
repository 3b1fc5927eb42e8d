/**
 * The minutes' HTML (the PDF's and the preview's): data is text, never markup; the document runs
 * and loads nothing; its sections in either language.
 */
import { describe, expect, it } from 'vitest';
import { minutesText } from '../../shared/i18n';
import { buildMinutes } from '../../shared/minutes/build-minutes';
import { minutesHeaderText, minutesHtml } from '../../shared/minutes/minutes-html';
import type { Minutes } from '../../shared/minutes/minutes-model';
import { longMinutesInput } from '../support/long-minutes';
import { sampleMinutesInput } from '../support/sample-minutes';

const HOSTILE = `<img src=x onerror="alert(1)">'&`;

function hostileMinutes(): Minutes {
  const m = buildMinutes(sampleMinutesInput());
  const [first, ...rest] = m.cases;
  const recused = { ...first!, businessName: HOSTILE, rationale: HOSTILE, recusals: [{ memberId: 'm3', name: HOSTILE, reason: HOSTILE }] };
  return { ...m, council: HOSTILE, place: HOSTILE, cases: [recused, ...rest], attendance: m.attendance.map((a, i) => (i === 0 ? { ...a, name: HOSTILE } : a)) };
}

describe('minutesHtml', () => {
  it('writes every value of the minutes as text: names, places, reasons and rationales cannot be markup', () => {
    const html = minutesHtml(hostileMinutes(), 'ko', { fontCss: '' });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('onerror="');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&#39;&amp;');
  });

  it('runs no script and loads nothing: a Content-Security-Policy of inline styles and data: fonts', () => {
    const html = minutesHtml(buildMinutes(sampleMinutesInput()), 'en', { fontCss: '' });
    expect(html).not.toMatch(/<script|<link|<iframe|src=/i);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">`);
  });

  it('embeds the font rules it is given in its stylesheet', () => {
    const fontCss = "@font-face{font-family:'Noto Sans KR';src:url(data:font/woff2;base64,AAAA) format('woff2')}";
    expect(minutesHtml(buildMinutes(sampleMinutesInput()), 'ko', { fontCss })).toContain(`<style>${fontCss}\n`);
  });

  it.each(['ko', 'en'] as const)('has every section in %s, under the running header of its pages', (lang) => {
    const m = buildMinutes(sampleMinutesInput());
    const html = minutesHtml(m, lang, { fontCss: '' });
    const t = minutesText(lang);
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html).toContain(`<p class="running">${minutesHeaderText(m, lang)}</p>`);
    const s = t.sections;
    for (const heading of [s.overview, s.rules, s.attendance, s.quorum, s.agenda, s.cases, s.deferred, s.notDecided, s.totals, s.decisionFiles, s.signOff]) {
      expect(html).toContain(`<h2>${heading}</h2>`);
    }
  });
});

describe('the deferred cases', () => {
  it('are listed with the documents they wait for', () => {
    const m = buildMinutes(longMinutesInput(5));
    const deferred = m.cases.find((c) => c.outcome === 'defer')!;
    const t = minutesText('ko');
    const html = minutesHtml(m, 'ko', { fontCss: '' });
    const table = html.slice(html.indexOf('<section id="deferred">'), html.indexOf('<section id="not-decided">'));
    expect(table).toContain(`<td>${deferred.caseId}</td><td>${deferred.businessName}</td><td>${t.documents(deferred.missingDocuments)}</td>`);
  });
});

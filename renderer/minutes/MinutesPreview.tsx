/**
 * The minutes' preview: the very body the PDF prints (main makes it from its own decision files:
 * previewMinutes), in the language chosen, on a page as wide as A4. It is shown in a shadow root
 * with the minutes' own stylesheet (MINUTES_CSS, adopted: the page's Content-Security-Policy
 * allows no inline <style>), so neither the app's styles nor the minutes' reach the other. The
 * HTML is never set as markup: it is parsed inert and checked element by element first.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/i18n';
import { MINUTES_CSS } from '../../shared/minutes/minutes-css';
import { describeError, type ErrorInfo } from '../common/council-api';
import { ErrorNotice } from '../common/ErrorNotice';
import { currentLanguage } from '../common/i18n';
import { useServices } from '../common/services';
import { useAsyncValue } from '../common/use-async-value';
import { minutesFragment } from './minutes-fragment';
import { readMinutesRequest } from './minutes-request';

const LANGUAGES: readonly Language[] = ['ko', 'en'];

let sheet: CSSStyleSheet | undefined;
function minutesSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(MINUTES_CSS);
  }
  return sheet;
}

/** The body in the host's shadow root; a body that fails the check (minutes-fragment.ts) is not shown, and says why. */
function ShadowHtml({ html, language }: { html: string; language: Language }) {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const [refused, setRefused] = useState<ErrorInfo | null>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [minutesSheet()];
    try {
      root.replaceChildren(minutesFragment(html, el.ownerDocument));
      setRefused(null);
    } catch (err) {
      root.replaceChildren();
      setRefused(describeError(err));
    }
  }, [html]);
  return (
    <>
      {refused && <ErrorNotice title={t('minutes.preview.failed')} error={refused} />}
      <div ref={host} lang={language} data-testid="minutes-preview-page" />
    </>
  );
}

export function MinutesPreview({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const { db, api } = useServices();
  const id = useId();
  const [language, setLanguage] = useState<Language>(currentLanguage);
  const preview = useAsyncValue(async () => {
    const { meeting, agenda, cases, signers } = await readMinutesRequest(db, meetingId);
    return api.previewMinutes({ meetingId, language, meeting, agenda, cases, signers });
  }, [db, api, meetingId, language]);

  return (
    <section className="card minutes-preview" aria-labelledby={`${id}-title`} data-testid="minutes-preview">
      <h2 id={`${id}-title`} className="card__title">
        {t('minutes.preview.title')}
      </h2>
      <fieldset className="choice-group">
        <legend>{t('minutes.preview.language')}</legend>
        {LANGUAGES.map((l) => (
          <label key={l} className="choice">
            <input type="radio" name={`${id}-language`} checked={language === l} onChange={() => setLanguage(l)} />
            <span>{t(`minutes.preview.languageName.${l}`)}</span>
          </label>
        ))}
      </fieldset>
      {preview.state === 'loading' && <p role="status">{t('minutes.preview.loading')}</p>}
      {preview.state === 'failed' && <ErrorNotice title={t('minutes.preview.failed')} error={preview.error} />}
      {preview.state === 'done' && (
        <div className="minutes-preview__desk" role="region" tabIndex={0} aria-label={t('minutes.preview.region')}>
          <div className="minutes-preview__sheet">
            <ShadowHtml html={preview.value.html} language={language} />
          </div>
        </div>
      )}
    </section>
  );
}

/**
 * "Make the minutes": main makes the PDF and DOCX in the languages ticked, the payment list as CSV
 * and XLSX, writes them into <sync>/minutes/ (and a folder of the secretary's own when asked),
 * and the secretary's attestation that lists them. One run at a time; the files made are listed.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MinutesExportResult } from '../../shared/api';
import type { Language } from '../../shared/i18n';
import { describeError, type ErrorInfo } from '../common/council-api';
import { ErrorNotice } from '../common/ErrorNotice';
import { currentLanguage } from '../common/i18n';
import { useServices } from '../common/services';
import { readMinutesRequest } from './minutes-request';

type Run = { state: 'idle' } | { state: 'busy' } | { state: 'done'; result: MinutesExportResult | null } | { state: 'failed'; error: ErrorInfo };

const LANGUAGES: readonly Language[] = ['ko', 'en'];

export function MinutesExportPanel({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const { db, api } = useServices();
  const id = useId();
  const [languages, setLanguages] = useState<Language[]>(['ko', 'en']);
  const [chooseFolder, setChooseFolder] = useState(false);
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const busy = run.state === 'busy';
  const inert = busy || languages.length === 0;

  async function make() {
    if (inert) return;
    setRun({ state: 'busy' });
    try {
      const request = await readMinutesRequest(db, meetingId);
      const result = await api.exportMinutes({ ...request, languages, chooseFolder, dialogLanguage: currentLanguage() });
      setRun({ state: 'done', result });
    } catch (err) {
      setRun({ state: 'failed', error: describeError(err) });
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="minutes-export">
      <h2 id={`${id}-title`} className="card__title">
        {t('minutes.export.title')}
      </h2>
      <fieldset className="choice-group">
        <legend>{t('minutes.export.languages')}</legend>
        {LANGUAGES.map((language) => (
          <label key={language} className="choice">
            <input
              type="checkbox"
              checked={languages.includes(language)}
              disabled={busy}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setLanguages((now) => LANGUAGES.filter((l) => (l === language ? on : now.includes(l))));
              }}
            />
            <span>{t(`minutes.export.language.${language}`)}</span>
          </label>
        ))}
      </fieldset>
      <label className="choice">
        <input type="checkbox" checked={chooseFolder} disabled={busy} onChange={(e) => setChooseFolder(e.currentTarget.checked)} />
        <span>{t('minutes.export.chooseFolder')}</span>
      </label>
      <div className="settings-actions">
        <button type="button" className="button button--primary" aria-disabled={inert} aria-describedby={`${id}-hint`} onClick={() => void make()}>
          {t('minutes.export.make')}
        </button>
      </div>
      <p id={`${id}-hint`} className="screen__note">
        {languages.length === 0 ? t('minutes.export.noLanguage') : t('minutes.export.hint')}
      </p>
      <div role="status" data-testid="minutes-export-status">
        {busy && <p>{t('minutes.export.busy')}</p>}
        {run.state === 'done' && run.result === null && <p>{t('minutes.export.cancelled')}</p>}
        {run.state === 'done' && run.result !== null && (
          <>
            <p>{t(run.result.attestation.existed ? 'minutes.export.existed' : 'minutes.export.done', { fileName: run.result.attestation.fileName, count: run.result.files.length })}</p>
            <ul className="path-text">
              {[...run.result.files.map((f) => f.paths[0] ?? f.name), run.result.attestation.paths[0] ?? run.result.attestation.fileName].map((path) => (
                <li key={path}>{path}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      {run.state === 'failed' && <ErrorNotice title={t('minutes.export.failed')} error={run.error} />}
    </section>
  );
}

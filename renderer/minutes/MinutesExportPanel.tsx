/**
 * "Make the minutes": main makes the PDF and DOCX in the languages ticked, the payment list as CSV
 * and XLSX, writes them into <sync>/minutes/ (and a folder of the secretary's own when asked),
 * and the secretary's attestation that lists them; each step is shown as main takes it. Minutes
 * made before (this device's audit log says so, or main finds them: MINUTES_EXIST) are made
 * again only when the secretary says so, and the earlier ones are moved into earlier/ by main.
 * Each making is recorded in the audit log. One run at a time; the files made are listed.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MinutesExportResult } from '../../shared/api';
import type { Language } from '../../shared/i18n';
import { describeError, type ErrorInfo } from '../common/council-api';
import { ErrorNotice } from '../common/ErrorNotice';
import { currentLanguage } from '../common/i18n';
import { useServices } from '../common/services';
import { recordMinutesMade, type MinutesMade } from './minutes-audit';
import { readMinutesRequest } from './minutes-request';
import { MinutesSteps } from './MinutesSteps';
import { useMinutesProgress } from './use-minutes-progress';

type Run =
  | { state: 'idle' }
  | { state: 'busy'; runId: string; languages: Language[] }
  | { state: 'done'; result: MinutesExportResult | null }
  | { state: 'failed'; error: ErrorInfo };

const LANGUAGES: readonly Language[] = ['ko', 'en'];

export function MinutesExportPanel({ meetingId, made, onMade }: { meetingId: string; made: MinutesMade | null; onMade: (made: MinutesMade) => void }) {
  const { t } = useTranslation();
  const { db, api } = useServices();
  const id = useId();
  const [languages, setLanguages] = useState<Language[]>(['ko', 'en']);
  const [chooseFolder, setChooseFolder] = useState(false);
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const progress = useMinutesProgress(api, run.state === 'busy' ? run.runId : null);
  const busy = run.state === 'busy';
  const inert = busy || languages.length === 0;
  const exists = run.state === 'failed' && run.error.code === 'MINUTES_EXIST';
  const again = made !== null || exists;

  async function make() {
    if (inert) return;
    const runId = crypto.randomUUID();
    setRun({ state: 'busy', runId, languages });
    try {
      const request = await readMinutesRequest(db, meetingId);
      const result = await api.exportMinutes({ ...request, languages, chooseFolder, dialogLanguage: currentLanguage(), runId, again });
      if (result !== null) {
        onMade(await recordMinutesMade(db, meetingId, result));
      }
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
          {t(again ? 'minutes.export.makeAgain' : 'minutes.export.make')}
        </button>
      </div>
      <p id={`${id}-hint`} className="screen__note">
        {languages.length === 0 ? t('minutes.export.noLanguage') : t(again ? 'minutes.export.hintAgain' : 'minutes.export.hint')}
      </p>
      <div role="status" data-testid="minutes-export-status">
        {run.state === 'done' && run.result === null && <p>{t('minutes.export.cancelled')}</p>}
        {run.state === 'done' && run.result !== null && <MadeFiles result={run.result} />}
        {exists && <p>{t('minutes.export.exists')}</p>}
      </div>
      {busy && <MinutesSteps languages={run.languages} progress={progress} />}
      {run.state === 'failed' && !exists && <ErrorNotice title={t('minutes.export.failed')} error={run.error} />}
    </section>
  );
}

function MadeFiles({ result }: { result: MinutesExportResult }) {
  const { t } = useTranslation();
  const paths = [...result.files.map((f) => f.paths[0] ?? f.name), result.attestation.paths[0] ?? result.attestation.fileName];
  return (
    <>
      <p>{t(result.attestation.existed ? 'minutes.export.existed' : 'minutes.export.done', { fileName: result.attestation.fileName, count: result.files.length })}</p>
      <ul className="path-text">
        {paths.map((path) => (
          <li key={path}>{path}</li>
        ))}
      </ul>
      {result.earlier.length > 0 && (
        <>
          <p>{t('minutes.export.movedEarlier', { count: result.earlier.length })}</p>
          <ul className="path-text">
            {result.earlier.map((folder) => (
              <li key={folder}>{folder}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

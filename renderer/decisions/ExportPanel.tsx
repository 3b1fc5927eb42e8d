/**
 * "Export decisions" for the chosen meeting: the button (focusable but inert, with the reason
 * beside it, when there is nothing new, no meeting chosen, or no chair key can sign), how many
 * decisions the next file holds, the outcome said in a status region, and what stopped it in an
 * alert naming the decision and the field.
 */
import { useId } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BuildProblem } from '../../shared/decisions/build-payload';
import type { ErrorInfo } from '../common/council-api';
import { ErrorNotice } from '../common/ErrorNotice';
import { formatCount } from '../common/format/numbers';
import { useUiStore } from '../common/ui-store';
import type { ChairKeyBlock } from './export/chair-key';
import type { ExportOutcome } from './export/export-decisions';
import type { ExportRun } from './export/use-decision-export';
import { koDecisionExport } from './export/strings-ko';
import { AutomaticBackupLine } from '../settings';

export type ExportBlock = 'noMeeting' | 'nothingNew' | ChairKeyBlock;

type WordedCode = keyof typeof koDecisionExport.decisionExport.errors;

const isWorded = (code: string): code is WordedCode => Object.hasOwn(koDecisionExport.decisionExport.errors, code);

function errorTitle(t: TFunction, error: ErrorInfo): string {
  return isWorded(error.code) ? t(`decisionExport.errors.${error.code}`) : t('decisionExport.failed');
}

/** The outcome in one sentence for the status region; null for what an alert says instead. */
function outcomeText(t: TFunction, outcome: ExportOutcome, count: (n: number) => string): string | null {
  if (outcome.kind === 'nothing') return t('decisionExport.nothing');
  if (outcome.kind !== 'exported') return null;
  const { result, decisions } = outcome;
  if (result.existed) return t('decisionExport.writtenBefore', { fileName: result.fileName });
  const values = { fileName: result.fileName, count: count(decisions.length), path: result.path ?? '' };
  return result.state === 'queued' ? t('decisionExport.queued', values) : t('decisionExport.written', values);
}

function problemText(t: TFunction, p: BuildProblem): string {
  return p.caseId === null ? t('decisionExport.meetingProblem', { field: p.field, message: p.message }) : t('decisionExport.problem', { caseId: p.caseId, revision: p.revision, field: p.field, message: p.message });
}

function Stopped({ outcome }: { outcome: ExportOutcome }) {
  const { t } = useTranslation();
  if (outcome.kind === 'no-key') {
    return (
      <div role="alert" className="notice notice--error">
        <p className="notice__title">{t(`decisionExport.why.${outcome.block}`)}</p>
      </div>
    );
  }
  if (outcome.kind !== 'refused') return null;
  return (
    <div role="alert" className="notice notice--error">
      <p className="notice__title">{t('decisionExport.refused')}</p>
      <ul>
        {outcome.problems.map((p, i) => (
          <li key={i}>{problemText(t, p)}</li>
        ))}
      </ul>
    </div>
  );
}

export function ExportPanel({ pending, block, run, onExport }: { pending: number | null; block: ExportBlock | null; run: ExportRun; onExport(): void }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const whyId = useId();
  const busy = run.state === 'busy';
  const inert = busy || block !== null;
  const count = (n: number) => formatCount(n, language);
  const status = busy ? t('decisionExport.exporting') : run.state === 'done' ? outcomeText(t, run.outcome, count) : null;
  return (
    <div className="decision-export" aria-busy={busy}>
      {pending !== null && <p className="stat">{t('decisionExport.pending', { count: count(pending) })}</p>}
      <div className="settings-actions">
        <button type="button" className="button" aria-disabled={inert} aria-describedby={block ? whyId : undefined} onClick={() => !inert && onExport()}>
          {t('decisionExport.export')}
        </button>
      </div>
      {block && (
        <p id={whyId} className="screen__note" data-testid="decision-export-why">
          {t(`decisionExport.why.${block}`)}
        </p>
      )}
      <p role="status" data-testid="decision-export-status" className="path-text">
        {status}
      </p>
      <AutomaticBackupLine />
      {run.state === 'done' && <Stopped outcome={run.outcome} />}
      {run.state === 'failed' && <ErrorNotice title={errorTitle(t, run.error)} error={run.error} />}
    </div>
  );
}

/**
 * How the last import ended (other than with a validation report): imported, with the counts and
 * the revised cases; already imported (nothing done); cancelled; or refused with its code (storage
 * running out with what was used and left, and that the import was rolled back whole).
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../common/format/numbers';
import { IMPORT_REFUSAL_CODES, type ImportOutcome, type ImportRefusalCode } from './import/import-outcome';
import { problemLine } from './report/report-text';
import { useImportStore } from './import-store';
import { useUiStore } from '../common/ui-store';
import { ErrorNotice } from '../common/ErrorNotice';
import type { ShownErrorCode } from '../common/council-api';
import { STORAGE_FULL } from '../common/storage';

type NoticeOutcome = Exclude<ImportOutcome, { kind: 'invalid' }>;
type Refused = Extract<ImportOutcome, { kind: 'refused' }>;

const IDS_SHOWN = 20;

const isRefusalCode = (code: ShownErrorCode): code is ImportRefusalCode => (IMPORT_REFUSAL_CODES as readonly ShownErrorCode[]).includes(code);

function idList(ids: readonly string[]): string {
  return ids.length > IDS_SHOWN ? `${ids.slice(0, IDS_SHOWN).join(', ')}, … (${ids.length})` : ids.join(', ');
}

/** The refusal in the UI language when its code is known, else the main process's own words. */
function refusalWords(t: TFunction, outcome: Refused): string {
  if (!isRefusalCode(outcome.code)) return outcome.message;
  return t(`notice.codes.${outcome.code}`, { bundleId: outcome.bundleId ?? '', caseIds: idList(outcome.caseIds) });
}

function Dismiss() {
  const { t } = useTranslation();
  return (
    <button type="button" className="button button--quiet notice__dismiss" onClick={() => useImportStore.getState().dismiss()}>
      {t('notice.dismiss')}
    </button>
  );
}

export function ImportOutcomeNotice({ outcome }: { outcome: NoticeOutcome }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const n = (value: number) => formatCount(value, language);

  if (outcome.kind === 'refused') {
    return (
      <div className="import-notice" data-outcome="refused">
        <ErrorNotice
          title={t(outcome.code === STORAGE_FULL ? 'notice.storageFull' : 'notice.refused', { fileName: outcome.fileName })}
          error={{ code: outcome.code, message: refusalWords(t, outcome), storage: outcome.storage }}
        />
        <Dismiss />
      </div>
    );
  }
  const text =
    outcome.kind === 'imported' ? t('notice.imported', { fileName: outcome.fileName, cases: n(outcome.cases), documents: n(outcome.documents), revised: n(outcome.revised.length) })
    : outcome.kind === 'already-imported' ? t('notice.alreadyImported', { bundleId: outcome.bundleId, fileName: outcome.fileName })
    : t('notice.cancelled', { fileName: outcome.fileName });
  return (
    <div className={`import-notice notice notice--${outcome.kind === 'imported' ? 'success' : 'info'}`} data-outcome={outcome.kind}>
      {/* said by the shell's live region (ImportAnnouncements), wherever the user is */}
      <p className="notice__title">{text}</p>
      {outcome.kind === 'imported' && outcome.revised.length > 0 && <p>{t('notice.revisedList', { caseIds: idList(outcome.revised) })}</p>}
      {outcome.kind === 'imported' && outcome.warnings.length > 0 && (
        <>
          <p>{t('notice.warnings', { count: n(outcome.warnings.length) })}</p>
          <ul className="problem-list">
            {outcome.warnings.slice(0, 100).map((w, i) => (
              <li key={i}>{problemLine(t, w, language)}</li>
            ))}
          </ul>
        </>
      )}
      <Dismiss />
    </div>
  );
}

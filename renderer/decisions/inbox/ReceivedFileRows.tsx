/**
 * One received file in the list: its row (name, signer, meeting, sequence, chain, verification)
 * and, for a verified file whose decisions are shown, the row below holding them. A failed file
 * lists its reasons and offers no decisions.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceivedDecisionFile } from '../../../shared/api';
import { KEYID_SHOWN } from '../../common/signature-words';
import { useUiStore } from '../../common/ui-store';
import { formatCount } from '../../common/format/numbers';
import type { FileDecision } from './decision-conflicts';
import { CHAIN_WARNINGS, chainWords, problemWords, signerWords } from './received-words';
import { ReceivedDecisionsTable } from './ReceivedDecisionsTable';

/** The list's columns: the row of a file's decisions spans them all. */
const FILE_COLUMNS = 7;

interface Props {
  file: ReceivedDecisionFile;
  inInbox: boolean;
  /** The file's decisions and how each stands here; null while this device's are read. */
  decisions: readonly FileDecision[] | null;
  expanded: boolean;
  onToggle(): void;
}

function SignerCell({ signer }: { signer: ReceivedDecisionFile['signer'] }) {
  const { t } = useTranslation();
  if (signer === null) return <td>{t('inboxDecisions.noSigner')}</td>;
  return (
    <td>
      <span>{signerWords(t, signer)}</span>
      <br />
      <span className="received-files__keyid">
        {t('inboxDecisions.keyid')}{' '}
        <span className="mono" title={signer.keyid}>
          {signer.keyid.slice(0, KEYID_SHOWN)}
        </span>
      </span>
    </td>
  );
}

function StatusCell({ file }: { file: ReceivedDecisionFile }) {
  const { t } = useTranslation();
  if (file.status === 'verified') {
    return (
      <td>
        <span className="badge badge--trusted">{t('inboxDecisions.verified')}</span>
        {file.verifiedBy && <span className="received-files__note">{t('inboxDecisions.verifiedBy', { name: file.verifiedBy.name })}</span>}
      </td>
    );
  }
  return (
    <td>
      <span className="badge received-badge--danger">{t('inboxDecisions.failed')}</span>
    </td>
  );
}

/** A failed file's reasons, in the row below it, across the list. */
function ProblemsRow({ file }: { file: ReceivedDecisionFile }) {
  const { t } = useTranslation();
  return (
    <tr className="received-files__decisions" data-testid="received-problems">
      <td colSpan={FILE_COLUMNS}>
        <p className="received-files__note">{t('inboxDecisions.failedWhy', { fileName: file.fileName })}</p>
        <ul className="received-files__problems">
          {file.problems.map((problem, i) => (
            <li key={`${problem.path}/${problem.code}/${i}`}>{problemWords(t, problem)}</li>
          ))}
        </ul>
      </td>
    </tr>
  );
}

export function ReceivedFileRows({ file, inInbox, decisions, expanded, onToggle }: Props) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const panelId = useId();
  const verified = file.status === 'verified' && file.payload !== null;
  const count = formatCount(file.payload?.decisions.length ?? 0, language);
  const conflicts = decisions?.filter((d) => d.standing.kind === 'conflict').length ?? 0;
  const chainClass = file.chain !== null && CHAIN_WARNINGS.has(file.chain) ? 'badge badge--untrusted' : 'badge badge--muted';

  return (
    <>
      <tr data-file-status={file.status} data-chain={file.chain ?? ''}>
        <th scope="row" className="mono">
          {file.fileName}
          {!inInbox && <span className="received-files__note">{t('inboxDecisions.opened')}</span>}
        </th>
        <SignerCell signer={file.signer} />
        <td className="mono">{file.meetingId ?? '—'}</td>
        <td className="num">{file.sequence ?? '—'}</td>
        <td>
          <span className={chainClass}>{chainWords(t, file.chain)}</span>
        </td>
        <StatusCell file={file} />
        <td>
          {verified ? (
            <>
              <button
                type="button"
                className="button button--quiet"
                aria-expanded={expanded}
                aria-controls={expanded ? panelId : undefined}
                aria-label={expanded ? t('inboxDecisions.hideLabel', { fileName: file.fileName }) : t('inboxDecisions.showLabel', { fileName: file.fileName, count })}
                onClick={onToggle}
              >
                {expanded ? t('inboxDecisions.hide') : t('inboxDecisions.show', { count })}
              </button>
              {conflicts > 0 && <span className="badge received-badge--danger">{t('inboxDecisions.conflicts', { count: formatCount(conflicts, language) })}</span>}
            </>
          ) : (
            <span className="received-files__note">{t('inboxDecisions.failedNoDecisions')}</span>
          )}
        </td>
      </tr>
      {file.status === 'failed' && file.problems.length > 0 && <ProblemsRow file={file} />}
      {verified && expanded && (
        <tr id={panelId} className="received-files__decisions">
          <td colSpan={FILE_COLUMNS}>
            <ReceivedDecisionsTable fileName={file.fileName} decisions={decisions} />
          </td>
        </tr>
      )}
    </>
  );
}

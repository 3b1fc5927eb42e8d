/**
 * "Add cases by filter": the Cases list's filters (tier, flagged or not, bundle) or a preset,
 * over the cases store's loaded index; before anything is added it says how many cases match,
 * how many would be added (and of them deferred) and how many are refused as decided or as
 * already on the agenda. The tiers and their awards are the bundles' policies'.
 */
import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatKrw, type Language } from '../../shared/i18n';
import { useCasesStore } from '../cases';
import { announce } from '../common/announcer';
import { useCouncilStore } from '../common/council-store';
import { formatCount } from '../common/format/numbers';
import { useServices } from '../common/services';
import { useAsyncValue } from '../common/use-async-value';
import { useUiStore } from '../common/ui-store';
import { refusalCounts } from './agenda-plan';
import { policyTiers, selectCases, type AgendaSelection, type FlaggedFilter, type PolicyTier } from './agenda-selection';
import { addResultText, refusalText } from './meeting-text';
import { addToAgenda, planAgendaAdd } from './meetings-db';

/** The "pick by" choice: the filters, the unflagged fixed-award preset, or one bundle's case-by-case-or-flagged preset. */
type Pick = 'filter' | 'unflaggedFixedAward' | `bundle:${string}`;

function tierLabel(t: TFunction, tier: PolicyTier, language: Language): string {
  return t('meeting.tierOption', { tier: tier.id, award: tier.award === null ? t('meeting.caseByCase') : formatKrw(tier.award, language) });
}

function Select({ label, value, onChange, children, wide }: { label: string; value: string; onChange(value: string): void; children: ReactNode; wide?: boolean }) {
  const id = useId();
  return (
    <div className={wide ? 'form-field form-field--wide' : 'form-field'}>
      <label className="form-field__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="form-field__input" value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </div>
  );
}

export function AgendaAddPanel({ meetingId, agenda }: { meetingId: string; agenda: readonly string[] }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const language = useUiStore((s) => s.language);
  const bundles = useCouncilStore((s) => s.bundles);
  const index = useCasesStore((s) => s.index);
  const casesStatus = useCasesStore((s) => s.status);
  const headingId = useId();
  const [pick, setPick] = useState<Pick>('filter');
  const [tier, setTier] = useState('all');
  const [flagged, setFlagged] = useState<FlaggedFilter>('all');
  const [bundle, setBundle] = useState('all');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ text: string; failed: boolean } | null>(null);

  useEffect(() => {
    void useCasesStore.getState().ensureLoaded(db, bundles);
  }, [db, bundles]);

  const tiers = useMemo(() => policyTiers(bundles), [bundles]);
  const fixed = tiers.filter((x) => x.award !== null).map((x) => x.id);
  const caseByCase = tiers.filter((x) => x.award === null).map((x) => x.id);
  const selection: AgendaSelection = pick === 'filter' ? { kind: 'filter', tier, flagged, bundle } : pick === 'unflaggedFixedAward' ? { kind: 'unflaggedFixedAward' } : { kind: 'caseByCaseOrFlagged', bundle: pick.slice('bundle:'.length) };
  const selectionKey = JSON.stringify(selection);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the selection is named by its key
  const ids = useMemo(() => (index ? selectCases(index, tiers, selection) : []), [index, tiers, selectionKey]);
  const plan = useAsyncValue(() => planAgendaAdd(db, meetingId, ids), [db, meetingId, ids, agenda]);

  async function add() {
    setBusy(true);
    try {
      const result = await addToAgenda(db, meetingId, ids);
      const text = addResultText(t, result);
      setOutcome({ text, failed: false });
      announce(text);
    } catch (err) {
      setOutcome({ text: refusalText(t, err), failed: true });
    } finally {
      setBusy(false);
    }
  }

  const count = (n: number) => formatCount(n, language);
  const ready = plan.state === 'done' && index !== null;
  const refused = ready ? refusalCounts(plan.value) : null;

  return (
    <section className="card meeting-add" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {t('meeting.addTitle')}
      </h2>
      <p className="screen__note">{t('meeting.addIntro')}</p>
      <div className="meeting-add__controls">
        <Select wide label={t('meeting.addBy')} value={pick} onChange={(v) => setPick(v as Pick)}>
          <option value="filter">{t('meeting.byFilter')}</option>
          {bundles.map((b) => (
            <option key={b.bundleId} value={`bundle:${b.bundleId}`}>
              {caseByCase.length > 0
                ? t('meeting.presetCaseByCaseOrFlagged', { bundle: b.bundleId, tiers: caseByCase.join(', ') })
                : t('meeting.presetCaseByCaseOrFlaggedNoTier', { bundle: b.bundleId })}
            </option>
          ))}
          {fixed.length > 0 && <option value="unflaggedFixedAward">{t('meeting.presetUnflaggedFixed', { tiers: fixed.join(', ') })}</option>}
        </Select>
        {pick === 'filter' && (
          <>
            <Select label={t('meeting.filterTier')} value={tier} onChange={setTier}>
              <option value="all">{t('meeting.all')}</option>
              {tiers.map((x) => (
                <option key={x.id} value={x.id}>
                  {tierLabel(t, x, language)}
                </option>
              ))}
              <option value="none">{t('meeting.noTier')}</option>
            </Select>
            <Select label={t('meeting.filterFlagged')} value={flagged} onChange={(v) => setFlagged(v as FlaggedFilter)}>
              <option value="all">{t('meeting.all')}</option>
              <option value="flagged">{t('meeting.flagged')}</option>
              <option value="unflagged">{t('meeting.unflagged')}</option>
            </Select>
            <Select label={t('meeting.filterBundle')} value={bundle} onChange={setBundle}>
              <option value="all">{t('meeting.all')}</option>
              {bundles.map((b) => (
                <option key={b.bundleId} value={b.bundleId}>
                  {t('meeting.bundleOption', { title: b.manifest.title, bundleId: b.bundleId })}
                </option>
              ))}
            </Select>
          </>
        )}
      </div>
      <div className="meeting-add__preview" data-testid="agenda-preview" aria-live="polite">
        {casesStatus !== 'ready' || !ready || !refused ? (
          <p>{t('meeting.casesLoading')}</p>
        ) : (
          <ul className="meeting-add__counts">
            <li>{t('meeting.previewMatched', { count: count(ids.length) })}</li>
            <li>
              <strong>{t('meeting.previewAdd', { count: count(plan.value.add.length) })}</strong>
              {plan.value.deferred.length > 0 && <> · {t('meeting.previewDeferred', { count: count(plan.value.deferred.length) })}</>}
            </li>
            {refused.decided > 0 && <li>{t('meeting.previewDecided', { count: count(refused.decided) })}</li>}
            {refused['on-agenda'] > 0 && <li>{t('meeting.previewOnAgenda', { count: count(refused['on-agenda']) })}</li>}
          </ul>
        )}
      </div>
      <button type="button" className="button button--primary" disabled={busy || !ready || plan.value.add.length === 0} onClick={() => void add()}>
        {t('meeting.addSelected', { count: ready ? count(plan.value.add.length) : '0' })}
      </button>
      {outcome && (
        <p className={outcome.failed ? 'notice notice--error' : 'meeting-add__outcome'} role={outcome.failed ? 'alert' : undefined} data-testid="agenda-add-outcome">
          {outcome.text}
        </p>
      )}
    </section>
  );
}

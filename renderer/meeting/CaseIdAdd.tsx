/**
 * "Add one case": a search box over the loaded cases (case id, business name, registration
 * number, as the Cases list searches); the matches each with an Add button. Enter adds the case
 * whose id was typed exactly, or the only match.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { filterCases, NO_FILTERS, useCasesStore } from '../cases';
import { announce } from '../common/announcer';
import { useServices } from '../common/services';
import { addResultText, refusalText } from './meeting-text';
import { addToAgenda } from './meetings-db';

const SHOWN = 8;

export function CaseIdAdd({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const index = useCasesStore((s) => s.index);
  const headingId = useId();
  const inputId = useId();
  const [query, setQuery] = useState('');
  const [outcome, setOutcome] = useState<{ text: string; failed: boolean } | null>(null);

  const matches = useMemo(() => {
    if (!index || query.trim() === '') return [];
    return Array.from(filterCases(index, { ...NO_FILTERS, search: query }), (p) => index.rows[p]!);
  }, [index, query]);

  async function add(caseId: string) {
    try {
      const result = await addToAgenda(db, meetingId, [caseId]);
      const text = addResultText(t, result);
      setOutcome({ text, failed: false });
      announce(text);
      if (result.add.length > 0) setQuery('');
    } catch (err) {
      setOutcome({ text: refusalText(t, err), failed: true });
    }
  }

  function submit() {
    const typed = query.trim();
    const exact = matches.find((m) => m.caseId.toLowerCase() === typed.toLowerCase());
    const only = matches.length === 1 ? matches[0] : undefined;
    const target = exact ?? only;
    if (target) void add(target.caseId);
  }

  return (
    <section className="card meeting-add" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {t('meeting.searchTitle')}
      </h2>
      <form
        role="search"
        aria-labelledby={headingId}
        className="meeting-search"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="form-field">
          <label className="form-field__label" htmlFor={inputId}>
            {t('meeting.searchLabel')}
          </label>
          <input
            id={inputId}
            type="search"
            className="form-field__input"
            value={query}
            placeholder={t('meeting.searchPlaceholder')}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => {
              setQuery(e.target.value);
              setOutcome(null);
            }}
          />
        </div>
        <button type="submit" className="button button--quiet">
          {t('meeting.searchSubmit')}
        </button>
      </form>
      {query.trim() !== '' && (
        <div aria-live="polite">
          {matches.length === 0 ? (
            <p>{t('meeting.searchNoMatch')}</p>
          ) : (
            <>
              <p>{t('meeting.searchMatches', { count: matches.length })}</p>
              <ul className="meeting-search__matches">
                {matches.slice(0, SHOWN).map((m) => (
                  <li key={m.caseId}>
                    <span className="mono">{m.caseId}</span> {m.businessName}{' '}
                    <button type="button" className="button button--quiet button--small" aria-label={t('meeting.addOneLabel', { caseId: m.caseId })} onClick={() => void add(m.caseId)}>
                      {t('meeting.addOne')}
                    </button>
                  </li>
                ))}
              </ul>
              {matches.length > SHOWN && <p className="screen__note">{t('meeting.searchMore', { shown: SHOWN })}</p>}
            </>
          )}
        </div>
      )}
      {outcome && (
        <p className={outcome.failed ? 'notice notice--error' : 'meeting-add__outcome'} role={outcome.failed ? 'alert' : undefined} data-testid="case-add-outcome">
          {outcome.text}
        </p>
      )}
    </section>
  );
}

/**
 * The steps of making the minutes while main takes them: a bar of steps done and each step with
 * where it stands (done, under way, to come), in words a screen reader says as well as in marks.
 */
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/i18n';
import { minutesSteps, type MinutesProgress, type MinutesStep } from '../../shared/minutes/minutes-steps';
import { ProgressBar } from '../common/ProgressBar';

function stepKey(step: MinutesStep): string {
  return 'language' in step ? `${step.kind}-${step.language}` : step.kind;
}

export function MinutesSteps({ languages, progress }: { languages: readonly Language[]; progress: MinutesProgress | null }) {
  const { t } = useTranslation();
  const steps = minutesSteps(languages);
  const done = progress?.done ?? 0;
  const label = (step: MinutesStep) => t(`minutes.steps.${step.kind}`, 'language' in step ? { language: t(`minutes.steps.language.${step.language}`) } : {});
  const current = steps[done];
  return (
    <div className="minutes-steps" data-testid="minutes-steps">
      <ProgressBar
        label={t('minutes.steps.title')}
        percent={progress === null ? null : Math.round((100 * done) / steps.length)}
        valueText={current ? t('minutes.steps.valueText', { done, total: steps.length, step: label(current) }) : t('minutes.steps.allDone')}
      />
      <ol className="minutes-steps__list">
        {steps.map((step, i) => {
          const state = i < done ? 'done' : i === done ? 'current' : 'waiting';
          return (
            <li key={stepKey(step)} data-state={state} aria-current={state === 'current' ? 'step' : undefined}>
              <span aria-hidden="true" className="minutes-steps__mark">
                {state === 'done' ? '✓' : state === 'current' ? '…' : '·'}
              </span>{' '}
              {label(step)} <span className="visually-hidden">({t(`minutes.steps.state.${state}`)})</span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

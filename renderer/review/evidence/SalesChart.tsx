/**
 * The case's daily sales as an SVG bar chart: the best baseline week and the outage week shaded
 * and labelled with their totals (the assessment's own figures, formatted as in the reasons), the
 * outage days with no figure marked. For screen readers: the SVG's title and description, a
 * visually hidden table of the two weeks compared with their totals, and one of every day.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../../shared/assessment/types';
import { formatAmount, formatKrw, type Language } from '../../../shared/i18n';
import { salesChartModel, type ChartRange, type DailySale, type SalesChartModel } from './sales-chart-model';

export interface SalesChartProps {
  dailySales: DailySale[];
  assessment: Assessment;
  language: Language;
}

function RangeMark({ range, kind, row, label, model }: { range: ChartRange; kind: 'baseline' | 'outage'; row: number; label: string; model: SalesChartModel }) {
  const { plot } = model;
  const rightHalf = range.x + range.width / 2 > model.width / 2;
  const textX = rightHalf ? range.x + range.width : range.x;
  const textY = 14 + row * 16;
  return (
    <g className={`evidence-chart-range evidence-chart-range-${kind}`}>
      <rect
        data-testid={`chart-range-${kind}`}
        data-from={range.from}
        data-to={range.to}
        x={range.x}
        y={plot.top}
        width={range.width}
        height={plot.bottom - plot.top}
      />
      <line x1={textX} x2={textX} y1={textY + 3} y2={plot.top} />
      <text x={textX} y={textY} textAnchor={rightHalf ? 'end' : 'start'} data-testid={`chart-label-${kind}`}>
        {label}
      </text>
    </g>
  );
}

/** How many dates of a range have a figure (a missing day is not counted). */
function daysWithFigures(model: SalesChartModel, kind: 'baseline' | 'outage'): number {
  return model.bars.filter((bar) => (kind === 'baseline' ? bar.inBaseline : bar.inOutage)).length;
}

/**
 * The chart's point in words for screen readers: the two weeks compared, their dates, how many
 * days had a figure and their totals, as a real table (row and column headers).
 */
function WeeksTable({ model, krw }: { model: SalesChartModel; krw: (n: number) => string }) {
  const { t } = useTranslation();
  const row = (kind: 'baseline' | 'outage', range: ChartRange) => (
    <tr key={kind} data-testid={`weeks-row-${kind}`}>
      <th scope="row">{t(`evidence.chart.${kind}`)}</th>
      <td>{t('evidence.chart.range', { from: range.from, to: range.to })}</td>
      <td>{t('evidence.chart.days', { count: daysWithFigures(model, kind) })}</td>
      <td>{krw(range.total)}</td>
    </tr>
  );
  return (
    // In a div: a table ignores the height that hides it, and would leave a long empty scroll under the chart.
    <div className="visually-hidden">
      <table data-testid="weeks-table">
        <caption>{t('evidence.chart.weeksCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('evidence.chart.colWeek')}</th>
            <th scope="col">{t('evidence.chart.colRange')}</th>
            <th scope="col">{t('evidence.chart.colDays')}</th>
            <th scope="col">{t('evidence.chart.colTotal')}</th>
          </tr>
        </thead>
        <tbody>
          {model.baseline ? (
            row('baseline', model.baseline)
          ) : (
            <tr data-testid="weeks-row-baseline">
              <th scope="row">{t('evidence.chart.baseline')}</th>
              <td colSpan={3}>{t('evidence.chart.noBaseline')}</td>
            </tr>
          )}
          {row('outage', model.outage)}
        </tbody>
      </table>
    </div>
  );
}

export function SalesChart({ dailySales, assessment, language }: SalesChartProps) {
  const { t } = useTranslation();
  const id = useId();
  const model = salesChartModel(dailySales, assessment);
  if (!model) return <p className="evidence-status">{t('evidence.chart.noSales')}</p>;
  const krw = (n: number) => formatKrw(n, language);
  const { plot, baseline, outage } = model;
  const first = model.sales[0]!.date;
  const last = model.sales[model.sales.length - 1]!.date;
  const desc = baseline
    ? t('evidence.chart.desc', {
        from: first,
        to: last,
        baselineFrom: baseline.from,
        baselineTo: baseline.to,
        baselineTotal: krw(baseline.total),
        outageFrom: outage.from,
        outageTo: outage.to,
        outageTotal: krw(outage.total),
      })
    : t('evidence.chart.descNoBaseline', { from: first, to: last, outageFrom: outage.from, outageTo: outage.to, outageTotal: krw(outage.total) });
  const missing = new Set(assessment.outage.missingDays);
  const markOf = (sale: DailySale, inBaseline: boolean, inOutage: boolean) =>
    [inBaseline ? t('evidence.chart.baseline') : '', inOutage ? t('evidence.chart.outage') : ''].filter(Boolean).join(', ') || (missing.has(sale.date) ? t('evidence.chart.missing') : '');

  return (
    <figure className="evidence-chart" data-testid="sales-chart">
      <svg viewBox={`0 0 ${model.width} ${model.height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="evidence-chart-svg">
        <title id={`${id}-title`}>{t('evidence.chart.title')}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        <g className="evidence-chart-grid" aria-hidden="true">
          {model.yTicks.map((tick) => (
            <g key={tick.value}>
              <line x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} />
              <text x={plot.left - 6} y={tick.y + 4} textAnchor="end">
                {formatAmount(tick.value)}
              </text>
            </g>
          ))}
          {model.xLabels.map((label) => (
            <text key={label.date} x={label.x} y={plot.bottom + 18} textAnchor="middle">
              {label.label}
            </text>
          ))}
        </g>
        <g aria-hidden="true">
          {baseline && <RangeMark range={baseline} kind="baseline" row={0} label={`${t('evidence.chart.baselineTotal')} ${krw(baseline.total)}`} model={model} />}
          <RangeMark range={outage} kind="outage" row={1} label={`${t('evidence.chart.outageTotal')} ${krw(outage.total)}`} model={model} />
          <g className="evidence-chart-bars">
            {model.bars.map((bar) => (
              <rect
                key={bar.date}
                data-testid="sales-bar"
                data-date={bar.date}
                data-amount={bar.amount}
                className={bar.inOutage ? 'is-outage' : bar.inBaseline ? 'is-baseline' : undefined}
                x={bar.x}
                y={bar.y}
                width={bar.width}
                height={Math.max(0, bar.height)}
              />
            ))}
          </g>
          <g className="evidence-chart-missing">
            {model.missingDays.map((day) => (
              <g key={day.date} data-testid="chart-missing-day" data-date={day.date}>
                <rect x={day.x + 1} y={plot.bottom - 14} width={Math.max(1, day.width - 2)} height={14} />
                <text x={day.x + day.width / 2} y={plot.bottom - 3} textAnchor="middle">
                  ×
                </text>
              </g>
            ))}
          </g>
          <line className="evidence-chart-axis" x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} />
        </g>
      </svg>
      <figcaption className="evidence-chart-legend">
        <dl>
          <div className="evidence-chart-total is-baseline" data-testid="chart-total-baseline">
            <dt>{t('evidence.chart.baselineTotal')}</dt>
            {baseline ? (
              <>
                <dd className="evidence-chart-amount">{krw(baseline.total)}</dd>
                <dd>{t('evidence.chart.range', { from: baseline.from, to: baseline.to })}</dd>
              </>
            ) : (
              <dd>{t('evidence.chart.noBaseline')}</dd>
            )}
          </div>
          <div className="evidence-chart-total is-outage" data-testid="chart-total-outage">
            <dt>{t('evidence.chart.outageTotal')}</dt>
            <dd className="evidence-chart-amount">{krw(outage.total)}</dd>
            <dd>{t('evidence.chart.range', { from: outage.from, to: outage.to })}</dd>
          </div>
        </dl>
        {model.missingDays.length > 0 && (
          <p className="evidence-note" data-testid="chart-missing-note">
            <span className="evidence-chart-missing-key" aria-hidden="true">
              ×
            </span>{' '}
            {t('evidence.chart.missingDays', { days: model.missingDays.map((d) => d.date).join(', ') })}
          </p>
        )}
      </figcaption>
      <WeeksTable model={model} krw={krw} />
      <div className="visually-hidden">
        <table>
          <caption>{t('evidence.chart.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('evidence.chart.colDate')}</th>
              <th scope="col">{t('evidence.chart.colAmount')}</th>
              <th scope="col">{t('evidence.chart.colMark')}</th>
            </tr>
          </thead>
          <tbody>
            {model.bars.map((bar) => (
              <tr key={bar.date}>
                <th scope="row">{bar.date}</th>
                <td>{krw(bar.amount)}</td>
                <td>{markOf(bar, bar.inBaseline, bar.inOutage)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** A labelled progress bar: a known percent fills it, null shows it waiting (still checking). */
export function ProgressBar({ label, percent, valueText }: { label: string; percent: number | null; valueText: string }) {
  return (
    <div
      role="progressbar"
      className="progress"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent ?? undefined}
      aria-valuetext={valueText}
    >
      <div className={percent === null ? 'progress__fill progress__fill--waiting' : 'progress__fill'} style={percent === null ? undefined : { width: `${percent}%` }} />
    </div>
  );
}

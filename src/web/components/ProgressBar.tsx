import { Label, ProgressBar as AriaProgressBar } from 'react-aria-components';
import { formatPercent } from '../i18n/format';

/** A labelled progress bar (role progressbar with value text), for imports and goal fulfilment. */
export function ProgressBar({ label, value, max = 1, valueText }: { label: string; value: number; max?: number; valueText?: string }) {
  const fraction = max > 0 ? Math.min(1, value / max) : 0;
  return (
    <AriaProgressBar className="progress" value={Math.min(value, max)} maxValue={max} valueLabel={valueText ?? formatPercent(fraction)}>
      {({ valueText: text }) => (
        <>
          <div className="progress__top">
            <Label>{label}</Label>
            <span>{text}</span>
          </div>
          <div className="progress__track">
            <div className="progress__fill" style={{ width: `${fraction * 100}%` }} />
          </div>
        </>
      )}
    </AriaProgressBar>
  );
}

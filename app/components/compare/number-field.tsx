import { clampedInt } from '../../lib/clamped-int';
import { FIELD, LABEL } from '../control-classes';

export interface NumberFieldProps {
  label: string;
  /** Classes of the wrapping label (its width); a literal, for Tailwind's scanner. */
  className: string;
  testId: string;
  bounds: { min: number; max: number };
  value: number;
  disabled?: boolean;
  /** Called with the entry rounded and clamped to `bounds`; not called for an empty or non-numeric entry. */
  onValue: (value: number) => void;
}

/** A labelled whole-number input that only ever reports in-bound values. */
export function NumberField({ label, className, testId, bounds, value, disabled, onValue }: NumberFieldProps) {
  return (
    <label className={className}>
      <span className={LABEL}>{label}</span>
      <input
        type="number"
        className={FIELD}
        data-testid={testId}
        min={bounds.min}
        max={bounds.max}
        value={value}
        disabled={disabled}
        onChange={(e) => {
          const v = clampedInt(e.target.value, bounds);
          if (v !== null) onValue(v);
        }}
      />
    </label>
  );
}

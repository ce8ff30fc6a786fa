'use client';
import { useId } from 'react';
import { clampedInt } from '../../lib/clamped-int';
import { FIELD, LABEL } from '../control-classes';

/** A labelled whole-number field, kept within [min, max]. */
export function NumberInput({ label, value, min, max, onChange, help, testId }: { label: string; value: number; min: number; max: number; onChange: (v: number) => void; help?: string; testId: string }) {
  const id = useId();
  return (
    <div className="min-w-40">
      <label htmlFor={id} className={LABEL}>
        {label}
      </label>
      <input
        id={id}
        type="number"
        className={FIELD}
        min={min}
        max={max}
        value={value}
        onChange={(e) => onChange(clampedInt(e.target.value, { min, max }) ?? value)}
        aria-describedby={help ? `${id}-help` : undefined}
        data-testid={testId}
      />
      {help && (
        <p id={`${id}-help`} className="mt-1 text-sm text-slate-600">
          {help}
        </p>
      )}
    </div>
  );
}

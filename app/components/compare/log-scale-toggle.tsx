'use client';
import { useId, useState } from 'react';
import { needsLogScale } from '../../lib/log-scale';
import { useMessages } from '../../messages/messages-provider';

/**
 * A chart's linear/log switch, on by default when `values` span more than two orders of magnitude.
 * The reader's choice wins over the default once made.
 */
export function useLogScale(values: readonly number[]): { log: boolean; toggle: React.ReactNode } {
  const t = useMessages().classroom.logScale;
  const id = useId();
  const [choice, setChoice] = useState<boolean | undefined>(undefined);
  const log = choice ?? needsLogScale(values);
  const toggle = (
    <label htmlFor={id} className="flex items-center gap-2 text-sm font-semibold text-slate-700" title={t.help}>
      <input id={id} type="checkbox" checked={log} onChange={(e) => setChoice(e.target.checked)} data-testid="log-scale" />
      {t.label}
    </label>
  );
  return { log, toggle };
}

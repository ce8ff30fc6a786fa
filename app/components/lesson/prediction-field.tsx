'use client';
import { useId } from 'react';
import { useMessages } from '../../messages/messages-provider';
import { FIELD, LABEL } from '../control-classes';

/** The question a chapter opens with, and a field for the reader's guess (kept by the chapter). */
export function PredictionField({ question, guess, onGuess, testId }: { question: string; guess: string; onGuess: (guess: string) => void; testId: string }) {
  const t = useMessages().lesson.prediction;
  const id = useId();
  return (
    <div className="rounded-md border-l-4 border-amber-500 bg-amber-50 p-3">
      <p className="text-lg font-semibold text-slate-900">{question}</p>
      <label htmlFor={id} className={`${LABEL} mt-2`}>
        {t.label}
      </label>
      <input id={id} className={`${FIELD} max-w-xs`} inputMode="decimal" value={guess} onChange={(e) => onGuess(e.target.value)} aria-describedby={`${id}-help`} data-testid={`${testId}-guess`} />
      <p id={`${id}-help`} className="mt-1 text-sm text-slate-600">
        {t.help}
      </p>
    </div>
  );
}

/** The guess beside the measured answer. */
export function PredictionAnswer({ guess, measured, testId }: { guess: string; measured: string; testId: string }) {
  const t = useMessages().lesson.prediction;
  return (
    <p className="rounded-md bg-emerald-50 p-2 text-lg font-semibold text-emerald-900" data-testid={`${testId}-answer`}>
      {guess.trim() ? t.compare(guess.trim(), measured) : `${t.noGuess} ${measured}`}
    </p>
  );
}

'use client';
import { useEffect, useRef, useState } from 'react';
import { TRANSPORT_IDS } from '../../../protocol';
import { API_CALLS } from '../../lib/lesson/api-calls';
import { LESSON_NAMESPACE, makeBrowserClient, pageSuffix } from '../../lib/lesson/browser-lesson-deps';
import { LessonCast } from '../../lib/lesson/lesson-cast';
import { useMessages } from '../../messages/messages-provider';
import { PRIMARY_BUTTON } from '../control-classes';
import { ApiCard } from './api-card';
import { ChapterSection } from './chapter-section';

type CastState = { status: 'idle' } | { status: 'starting' } | { status: 'ready'; cast: LessonCast } | { status: 'failed'; reason: string };

/** Chapter 3: the cast of twelve live clients, and one card per Socket.IO API call. */
export function ApiChapter({ pollIntervalMs }: { pollIntervalMs: number }) {
  const messages = useMessages();
  const t = messages.lesson.api;
  const [state, setState] = useState<CastState>({ status: 'idle' });
  const castRef = useRef<LessonCast | undefined>(undefined);
  useEffect(() => () => castRef.current?.close(), []);
  const start = () => {
    setState({ status: 'starting' });
    LessonCast.open(TRANSPORT_IDS, LESSON_NAMESPACE, pageSuffix(), (transport, ns, name) => makeBrowserClient(transport, ns, name, pollIntervalMs)).then(
      (cast) => {
        castRef.current = cast;
        setState({ status: 'ready', cast });
      },
      (err: Error) => setState({ status: 'failed', reason: err.message }),
    );
  };
  const cast = state.status === 'ready' ? state.cast : undefined;
  return (
    <ChapterSection id="chapter-api" title={t.title} explain={t.explain}>
      <div className="rounded-md bg-slate-50 p-3">
        <h3 className="text-xl font-bold">{t.castHeading}</h3>
        <p>{t.castHelp}</p>
        <button type="button" className={`${PRIMARY_BUTTON} mt-2`} onClick={start} disabled={state.status === 'starting' || state.status === 'ready'} data-testid="cast-start">
          {t.startCast}
        </button>
        <p role="status" className="mt-1" data-testid="cast-status">
          {state.status === 'starting' ? t.castStarting : state.status === 'ready' ? t.castReady(state.cast.members.length, state.cast.room) : state.status === 'failed' ? messages.lesson.failed(state.reason) : ''}
        </p>
      </div>
      <div className="flex flex-col gap-3">
        {API_CALLS.map((call) => (
          <ApiCard key={call.id} call={call} cast={cast} />
        ))}
      </div>
    </ChapterSection>
  );
}

'use client';
import { useTransportCatalog } from '../../hooks/use-transport-catalog';
import { useMessages } from '../../messages/messages-provider';
import { SECONDARY_BUTTON } from '../control-classes';
import { PageHeader } from '../page-header';
import { ApiChapter } from './api-chapter';
import { ClusterChapter } from './cluster-chapter';
import { PollingChapter } from './polling-chapter';
import { WebSocketChapter } from './websocket-chapter';

/** `/lesson`: the seed lesson's three chapters, each a question and a live measurement, and what a load balancer does. */
export function LessonPage() {
  const messages = useMessages();
  const t = messages.lesson;
  const catalog = useTransportCatalog();
  const chapters = [
    { id: 'chapter-polling', title: t.polling.title },
    { id: 'chapter-websocket', title: t.websocket.title },
    { id: 'chapter-api', title: t.api.title },
    { id: 'chapter-cluster', title: t.cluster.title },
  ];
  return (
    <main className="mx-auto flex max-w-[100rem] flex-col gap-4 p-4">
      <PageHeader title={t.heading} intro={t.intro} current="lesson" />
      <nav aria-label={t.tocLabel}>
        <ol className="flex flex-wrap gap-4 text-lg">
          {chapters.map((c) => (
            <li key={c.id}>
              <a href={`#${c.id}`} className="font-semibold text-sky-900 underline underline-offset-4">
                {c.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {catalog.status === 'loading' && <p role="status">{messages.catalog.loading}</p>}
      {catalog.status === 'error' && (
        <p role="alert">
          {messages.catalog.failed(catalog.reason)}{' '}
          <button type="button" className={SECONDARY_BUTTON} onClick={catalog.retry}>
            {messages.catalog.retry}
          </button>
        </p>
      )}
      {catalog.status === 'ready' && (
        <>
          <PollingChapter defaultIntervalMs={catalog.catalog.pollIntervalMs} />
          <WebSocketChapter pollIntervalMs={catalog.catalog.pollIntervalMs} />
          <ApiChapter pollIntervalMs={catalog.catalog.pollIntervalMs} />
          <ClusterChapter />
        </>
      )}
    </main>
  );
}

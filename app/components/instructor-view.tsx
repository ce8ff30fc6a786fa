'use client';
import { useEffect, useState } from 'react';
import { TRANSPORT_IDS, type ClientInfo } from '../../protocol';
import { formatClockTime } from '../lib/time-format';
import { useMessages } from '../messages/messages-provider';
import { PageHeader } from './page-header';

/** How often the roster is read again: often enough to watch a class join, light on the server. */
const REFRESH_MS = 2000;

interface Roster {
  namespaces: { ns: string; clients: ClientInfo[] }[];
  readAt: number;
}

/** `/instructor`: every connected client per namespace, with its transport and rooms, from the server. */
export function InstructorView() {
  const messages = useMessages();
  const t = messages.classroom.instructor;
  const [roster, setRoster] = useState<Roster | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async () => {
      try {
        const res = await fetch('/api/classroom', { signal: controller.signal, cache: 'no-store' });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const body = (await res.json()) as Omit<Roster, 'readAt'>;
        setRoster({ ...body, readAt: Date.now() });
        setError(undefined);
      } catch (err) {
        if (controller.signal.aborted) return;
        setError((err as Error).message);
      }
      // The next read one interval after this one finished: never two in flight.
      if (!controller.signal.aborted) timer = setTimeout(() => void read(), REFRESH_MS);
    };
    void read();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, []);
  return (
    <main className="mx-auto flex max-w-[100rem] flex-col gap-4 p-4">
      <PageHeader title={t.heading} intro={t.intro} current="instructor" />
      {error && <p role="alert">{t.failed(error)}</p>}
      {roster && (
        <p role="status" className="text-sm text-slate-600">
          {t.refreshed(formatClockTime(messages.locale, roster.readAt))}
        </p>
      )}
      {roster?.namespaces.map(({ ns, clients }) => (
        <section key={ns} aria-labelledby={`ns-${ns}`} className="rounded-lg bg-white p-4 shadow-sm" data-testid={`roster-${ns}`}>
          <h2 id={`ns-${ns}`} className="text-2xl font-bold">
            {t.namespace(ns)}
          </h2>
          <p className="text-lg">
            {t.total(clients.length)}
            {clients.length > 0 &&
              ` · ${TRANSPORT_IDS.map((id) => t.perTransport(id, clients.filter((c) => c.transport === id).length)).join(' · ')}`}
          </p>
          {clients.length === 0 ? (
            <p>{t.empty}</p>
          ) : (
            <table className="mt-2 w-full text-left text-base">
              <thead>
                <tr className="bg-slate-100">
                  <th scope="col" className="px-2 py-1">{t.columns.name}</th>
                  <th scope="col" className="px-2 py-1">{t.columns.transport}</th>
                  <th scope="col" className="px-2 py-1">{t.columns.rooms}</th>
                  <th scope="col" className="px-2 py-1">{t.columns.id}</th>
                </tr>
              </thead>
              <tbody>
                {clients.map((c) => (
                  <tr key={c.id} data-testid="roster-row">
                    <th scope="row" translate="no" className="px-2 py-1">
                      {c.name}
                    </th>
                    <td translate="no" className="px-2 py-1 font-mono">
                      {c.transport}
                    </td>
                    <td translate={c.rooms.length ? 'no' : undefined} className="px-2 py-1">
                      {c.rooms.length ? c.rooms.join(', ') : t.noRooms}
                    </td>
                    <td translate="no" className="px-2 py-1 font-mono text-sm">
                      {c.id}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </main>
  );
}

'use client';
import type { PollTally } from '../../lib/inspector/record-store';
import { formatNumber } from '../../lib/number-format';
import { useMessages } from '../../messages/messages-provider';

/** Polling's waste, live: empty answers to GET events against useful ones, and their bytes. */
export function PollWaste({ polls }: { polls: PollTally }) {
  const messages = useMessages();
  const t = messages.inspector.polls;
  const fmt = (v: number) => formatNumber(messages.locale, v);
  const total = polls.empty + polls.useful;
  const cells: [string, number, string][] = [
    [t.empty, polls.empty, 'polls-empty'],
    [t.useful, polls.useful, 'polls-useful'],
    [t.emptyBytes, polls.emptyBytes, 'polls-empty-bytes'],
    [t.usefulBytes, polls.usefulBytes, 'polls-useful-bytes'],
  ];
  return (
    <section aria-labelledby="poll-waste-heading" className="rounded-lg border border-violet-300 bg-violet-50 p-3">
      <h3 id="poll-waste-heading" className="font-bold">
        {t.heading}
      </h3>
      <p className="text-sm text-slate-700">{t.help}</p>
      <dl className="mt-1 grid grid-cols-2 gap-x-4 md:grid-cols-4">
        {cells.map(([label, value, id]) => (
          <div key={id}>
            <dt className="text-sm">{label}</dt>
            <dd className="font-mono text-xl font-bold" data-testid={id}>
              {fmt(value)}
            </dd>
          </div>
        ))}
      </dl>
      {total > 0 && <p className="text-sm">{t.share(formatNumber(messages.locale, (100 * polls.empty) / total, 1))}</p>}
    </section>
  );
}

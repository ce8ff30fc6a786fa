'use client';
import { TRANSPORT_IDS } from '../../../protocol';
import { CAST_ROLES, castKey } from '../../lib/lesson/lesson-cast';
import type { Receipt, RunResult } from '../../lib/lesson/run-api-call';
import { formatNumber } from '../../lib/number-format';
import { useMessages } from '../../messages/messages-provider';


const RECEIPT_CLASS: Record<Receipt | 'none', string> = {
  message: 'bg-emerald-700 text-white',
  replay: 'bg-violet-700 text-white',
  presence: 'bg-sky-700 text-white',
  reply: 'bg-amber-600 text-slate-950',
  none: 'bg-slate-100 text-slate-600',
};

/** The strongest thing a member received, for its colour. */
function strongest(receipts: Receipt[] | undefined): Receipt | 'none' {
  for (const r of ['replay', 'message', 'reply', 'presence'] as const) if (receipts?.includes(r)) return r;
  return 'none';
}

/** Who received what in one run: a grid of the cast (transports × A, B, C, and D or E when used). */
function RecipientGrid({ result }: { result: RunResult }) {
  const messages = useMessages();
  const t = messages.lesson.api;
  const extraRole = result.extras[0]?.split(':')[1] as 'D' | 'E' | undefined;
  const roles: string[] = extraRole ? [...CAST_ROLES, extraRole] : [...CAST_ROLES];
  const keys = TRANSPORT_IDS.flatMap((id) => roles.map((role) => castKey(id, role))).filter((k) => result.received[k] !== undefined);
  const count = keys.filter((k) => strongest(result.received[k]) !== 'none').length;
  return (
    <figure className="rounded-md border border-slate-300 p-2" data-testid={`recipients-${result.sender}`}>
      <figcaption className="mb-1 font-semibold">
        {t.runOn(messages.transports[result.sender].name)} · {t.receivedBy(count, keys.length)} · {t.took(formatNumber(messages.locale, result.durationMs))}
      </figcaption>
      {/* One row per transport: its name, then one cell per role (three, or four with D or E). */}
      <div className="grid gap-1 text-sm" style={{ gridTemplateColumns: `auto repeat(${roles.length}, minmax(0, 1fr))` }}>
        {TRANSPORT_IDS.map((id) => (
          <div key={id} className="contents">
            <span translate="no" className="pr-1 font-mono">
              {id}
            </span>
            {roles.map((role) => {
              const key = castKey(id, role);
              const receipts = result.received[key];
              if (receipts === undefined) return <span key={role} />;
              const kind = strongest(receipts);
              const sender = role === 'A' && id === result.sender;
              const label = role === 'D' || role === 'E' ? t.extra[role] : role;
              const got = sender ? `${t.legend.sender}, ${t.legend[kind]}` : t.legend[kind];
              return (
                <span
                  key={role}
                  className={`rounded px-1 py-0.5 ${RECEIPT_CLASS[kind]} ${sender ? 'outline-3 outline-offset-1 outline-slate-900' : ''}`}
                  data-testid={`cell-${result.sender}-${key}`}
                  data-receipt={kind}
                  data-sender={sender ? 'true' : undefined}
                  title={t.memberLabel(label, id, got)}
                >
                  <span className="font-bold">{label}</span> <span className="text-xs">{got}</span>
                </span>
              );
            })}
          </div>
        ))}
      </div>
    </figure>
  );
}

/** One card's runs: a recipient grid per sender transport, and the bytes each run cost. */
export function RunResultView({ results }: { results: RunResult[] }) {
  const messages = useMessages();
  const t = messages.lesson.api;
  const fmt = (x: number) => formatNumber(messages.locale, x);
  return (
    <div className="flex flex-col gap-2">
      <div className="grid gap-2 md:grid-cols-2">
        {results.map((r) => (
          <RecipientGrid key={r.sender} result={r} />
        ))}
      </div>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="p-1 text-left font-semibold">{t.costHeading}</caption>
          <thead>
            <tr className="bg-slate-100">
              <th scope="col" className="px-2 py-1">{t.senderColumn}</th>
              {TRANSPORT_IDS.map((id) => (
                <th key={id} scope="col" className="px-2 py-1">
                  {messages.transports[id].name} ({t.costColumns.bytesIn} / {t.costColumns.bytesOut} · {t.costColumns.requests})
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <tr key={r.sender}>
                <th scope="row" className="px-2 py-1">{messages.transports[r.sender].name}</th>
                {TRANSPORT_IDS.map((id) => (
                  <td key={id} className="px-2 py-1 font-mono" data-testid={`cost-${r.sender}-${id}`}>
                    {fmt(r.bytes[id].bytesIn)} / {fmt(r.bytes[id].bytesOut)} · {fmt(r.bytes[id].requests)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <p className="text-sm text-slate-600">{t.costHelp}</p>
      </div>
    </div>
  );
}

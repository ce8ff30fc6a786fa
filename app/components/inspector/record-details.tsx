'use client';
import { WIRE_LAYERS, type WireRecord } from '../../../protocol';
import { formatNumber } from '../../lib/number-format';
import { useMessages } from '../../messages/messages-provider';

/** One record opened: layer split, frame header in hex, headers, decoded packets, raw text. */
export function RecordDetails({ record, onFollow }: { record: WireRecord; onFollow: (messageId: string) => void }) {
  const messages = useMessages();
  const t = messages.inspector.details;
  const names = messages.compare.layers.names;
  const fmt = (v: number) => formatNumber(messages.locale, v);
  return (
    <div className="grid gap-3 p-2 text-sm md:grid-cols-2" data-testid={`record-details-${record.seq}`}>
      <div className="flex flex-col gap-2">
        <section>
          <h4 className="font-semibold">{t.layers}</h4>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-3">
            {WIRE_LAYERS.map((layer) => (
              <div key={layer} className="contents">
                <dt>{names[layer]}</dt>
                <dd className="font-mono" data-testid={`layer-${layer}`}>
                  {fmt(record.layers[layer])}
                </dd>
              </div>
            ))}
          </dl>
        </section>
        {record.ws && (
          <section>
            <h4 className="font-semibold">{t.headerHex}</h4>
            <p>{t.frame(record.ws.opcode, record.ws.fin, record.ws.masked, record.ws.headerBytes, record.ws.payloadLength)}</p>
            <code className="font-mono break-all" data-testid="header-hex">
              {record.ws.headerHex.replace(/(..)/g, '$1 ').trim()}
            </code>
          </section>
        )}
        {record.client && (
          <p>
            {t.client}: <code translate="no">{record.client}</code>
          </p>
        )}
        {record.messageIds && (
          <div className="flex flex-wrap items-center gap-2">
            <span>{t.messages}:</span>
            {record.messageIds.map((id) => (
              <button key={id} type="button" className="rounded border border-sky-700 px-1.5 font-mono text-sky-900 hover:bg-sky-50" onClick={() => onFollow(id)}>
                {id}
              </button>
            ))}
          </div>
        )}
        <section>
          <h4 className="font-semibold">{t.decoded}</h4>
          <ol className="list-decimal pl-5">
            {record.decoded.map((p, i) => (
              <li key={i}>
                <code>
                  {p.protocol} {p.type}
                  {p.fields ? ` ${JSON.stringify(p.fields)}` : ''}
                </code>
              </li>
            ))}
          </ol>
        </section>
      </div>
      <section className="min-w-0">
        <h4 className="font-semibold">{t.raw}</h4>
        {/* Focusable: a scrolling region must be reachable by keyboard. */}
        <pre tabIndex={0} className="max-h-80 overflow-auto rounded bg-slate-900 p-2 font-mono text-xs whitespace-pre-wrap text-slate-100" data-testid="record-raw">
          {record.raw}
        </pre>
        {record.rawTruncated && <p>{t.truncated}</p>}
      </section>
    </div>
  );
}

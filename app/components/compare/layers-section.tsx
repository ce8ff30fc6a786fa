import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { WIRE_LAYERS } from '../../../protocol';
import type { SenderResult } from '../../../measure/benchmark-result';
import { LAYER_COLORS } from '../../lib/layer-colors';
import { messages } from '../../messages';
import { ChartPanel, TABLE, TD, TH } from './chart-panel';

const t = messages.compare;
const DIRECTIONS = ['in', 'out'] as const;

/**
 * Bytes per message per transport and direction, stacked payload / framing / http / keepalive
 * (the server's layer split over each transport's phase), with requests per message.
 */
export function LayersSection({ senders, exact }: { senders: SenderResult[]; exact: boolean }) {
  const key = (dir: 'in' | 'out', layer: string) => `${t.layers.direction[dir]}: ${t.layers.names[layer as keyof typeof t.layers.names]}`;
  const data = senders.map((s) => {
    const row: Record<string, string | number> = { name: messages.transports[s.transport].short };
    for (const dir of DIRECTIONS) {
      for (const layer of WIRE_LAYERS) row[key(dir, layer)] = s.wire.layers?.[dir === 'in' ? 'inPerMessage' : 'outPerMessage'][layer] ?? 0;
    }
    return row;
  });
  const chart = (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="name" />
        <YAxis unit={` ${t.units.bytesPerMessage}`} width={90} />
        <Tooltip />
        <Legend />
        {DIRECTIONS.flatMap((dir) =>
          WIRE_LAYERS.map((layer) => (
            <Bar key={key(dir, layer)} dataKey={key(dir, layer)} stackId={dir} fill={LAYER_COLORS[dir][layer]} isAnimationActive={false} />
          )),
        )}
      </BarChart>
    </ResponsiveContainer>
  );
  const table = (
    <table className={TABLE} data-testid="table-layers">
      <thead>
        <tr>
          <th className={TH}>{`${t.columns.transport} (${t.units.bytesPerMessage})`}</th>
          {DIRECTIONS.flatMap((dir) => [
            ...WIRE_LAYERS.map((layer) => (
              <th key={`${dir}-${layer}`} className={TH}>
                {key(dir, layer)}
              </th>
            )),
            <th key={`${dir}-total`} className={TH}>{`${t.layers.direction[dir]}: ${t.layers.total}`}</th>,
          ])}
          <th className={TH}>{`${t.columns.requests} (${t.units.requestsPerMessage})`}</th>
          <th className={TH}>{`${t.layers.keepaliveRequests} (${t.units.requestsPerMessage})`}</th>
        </tr>
      </thead>
      <tbody>
        {senders.map((s) => {
          const layers = s.wire.layers;
          return (
            <tr key={s.transport} data-testid={`row-${s.transport}`}>
              <th scope="row" className={TD}>{messages.transports[s.transport].short}</th>
              {DIRECTIONS.flatMap((dir) => [
                ...WIRE_LAYERS.map((layer) => (
                  <td key={`${dir}-${layer}`} className={TD} data-testid={`${dir}-${layer}`}>
                    {layers ? layers[dir === 'in' ? 'inPerMessage' : 'outPerMessage'][layer] : ''}
                  </td>
                )),
                <td key={`${dir}-total`} className={TD} data-testid={`${dir}-total`}>
                  {dir === 'in' ? s.wire.bytesInPerMessage : s.wire.bytesOutPerMessage}
                </td>,
              ])}
              <td className={TD} data-testid="requests">{s.wire.requestsPerMessage}</td>
              <td className={TD} data-testid="keepalive-requests">{layers?.keepaliveRequestsPerMessage ?? ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
  const missing = senders.some((s) => s.wire.layers === null);
  return <ChartPanel title={t.layers.title} help={t.layers.help(exact) + (missing ? ` ${t.layers.missing}` : '')} chart={chart} table={table} />;
}

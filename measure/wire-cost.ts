/** Turns two readings of `GET /api/metrics/wire` into one transport's cost per message. */
import type { TransportId, WireMetricsResponse } from '../protocol';
import type { WireCost } from './benchmark-result';

const perMessage = (value: number, messages: number) => (messages > 0 ? Math.round((value / messages) * 100) / 100 : 0);

/**
 * The difference of one bucket between two readings, divided by the messages sent.
 * @param before reading taken before the phase
 * @param after reading taken after every copy arrived
 * @param transport the bucket
 * @param messages messages the transport sent in the phase
 * @param exact whether the transport was alone in the phase
 */
export function wireCost(
  before: WireMetricsResponse,
  after: WireMetricsResponse,
  transport: TransportId,
  messages: number,
  exact: boolean,
): WireCost {
  const a = before.buckets[transport];
  const b = after.buckets[transport];
  // A reset between the readings would make the difference meaningless: refuse to guess.
  if (after.since !== before.since) throw new Error('wire metrics were reset during the run');
  const bytesIn = b.bytesIn - a.bytesIn;
  const bytesOut = b.bytesOut - a.bytesOut;
  const requests = b.requests - a.requests;
  return {
    bytesIn,
    bytesOut,
    requests,
    bytesInPerMessage: perMessage(bytesIn, messages),
    bytesOutPerMessage: perMessage(bytesOut, messages),
    requestsPerMessage: perMessage(requests, messages),
    exact,
  };
}

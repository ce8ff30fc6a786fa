/** Turns two readings of `GET /api/metrics/wire` into one transport's cost per message. */
import { WIRE_LAYERS, type LaneId, type WireLayerBytes, type WireMetricsResponse } from '../protocol';
import type { WireCost, WireLayerCost } from './benchmark-result';

const perMessage = (value: number, messages: number) => (messages > 0 ? Math.round((value / messages) * 100) / 100 : 0);

function layerDelta(a: WireLayerBytes, b: WireLayerBytes): WireLayerBytes {
  return Object.fromEntries(WIRE_LAYERS.map((l) => [l, b[l] - a[l]])) as WireLayerBytes;
}

function layerPerMessage(bytes: WireLayerBytes, messages: number): WireLayerBytes {
  return Object.fromEntries(WIRE_LAYERS.map((l) => [l, perMessage(bytes[l], messages)])) as WireLayerBytes;
}

/**
 * The layer split of one transport between two readings; null when either reading has none.
 * @param messages messages sent in the window (divisor of the per-message figures)
 */
export function layerCost(before: WireMetricsResponse, after: WireMetricsResponse, transport: LaneId, messages: number): WireLayerCost | null {
  const a = before.layers?.[transport];
  const b = after.layers?.[transport];
  if (!a || !b) return null;
  const bytesIn = layerDelta(a.in, b.in);
  const bytesOut = layerDelta(a.out, b.out);
  const keepaliveRequests = b.keepaliveRequests - a.keepaliveRequests;
  return {
    in: bytesIn,
    out: bytesOut,
    inPerMessage: layerPerMessage(bytesIn, messages),
    outPerMessage: layerPerMessage(bytesOut, messages),
    keepaliveRequests,
    keepaliveRequestsPerMessage: perMessage(keepaliveRequests, messages),
  };
}

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
  transport: LaneId,
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
    layers: layerCost(before, after, transport, messages),
  };
}

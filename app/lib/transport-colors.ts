/** One chart colour per transport, matching the chat panes' accent stripes (violet, sky, emerald, orange). */
import type { LaneId, TransportId } from '../../protocol';

export const TRANSPORT_COLORS: Record<TransportId, string> = {
  polling: '#7c3aed',
  ws: '#0284c7',
  sockjs: '#059669',
  socketio: '#ea580c',
};

/**
 * One chart colour per lane: a base lane has its transport's colour, a variant a darker or lighter
 * shade of it, so a library's columns read as one family.
 */
export const LANE_COLORS: Record<LaneId, string> = {
  ...TRANSPORT_COLORS,
  'socketio:polling': '#9a3412',
  'socketio:upgrade': '#fb923c',
  'sockjs:xhr-streaming': '#065f46',
  'sockjs:xhr-polling': '#34d399',
  'sockjs:eventsource': '#0f766e',
  'sockjs:iframe-eventsource': '#14b8a6',
  'sockjs:iframe-htmlfile': '#047857',
  'sockjs:iframe-xhr-polling': '#6ee7b7',
};

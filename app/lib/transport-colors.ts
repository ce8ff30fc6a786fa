/** One chart colour per transport, matching the chat panes' accent stripes (violet, sky, emerald, orange). */
import type { TransportId } from '../../protocol';

export const TRANSPORT_COLORS: Record<TransportId, string> = {
  polling: '#7c3aed',
  ws: '#0284c7',
  sockjs: '#059669',
  socketio: '#ea580c',
};

/** Chart colours of the four wire layers; server → client a lighter shade of client → server. */
import type { WireLayer } from '../../protocol';

export const LAYER_COLORS: Record<'in' | 'out', Record<WireLayer, string>> = {
  in: { payload: '#0f766e', framing: '#b45309', http: '#1d4ed8', keepalive: '#6b7280' },
  out: { payload: '#5eead4', framing: '#fcd34d', http: '#93c5fd', keepalive: '#d1d5db' },
};

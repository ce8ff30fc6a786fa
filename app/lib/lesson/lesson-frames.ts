/**
 * How one chat operation looks on each transport, built from the very object the runner sends:
 * a Socket.IO event (`socket.emit(op, body)`), one JSON text frame (raw ws, SockJS), and a
 * polling POST with that frame as its body (docs/PROTOCOL.md).
 */
import { TRANSPORT_PATHS, type ClientOpInput } from '../../../protocol';

export interface OpFrames {
  socketio: string;
  text: string;
  polling: string;
}

/** The three ways `op` travels. */
export function framesOf(op: ClientOpInput): OpFrames {
  const { op: name, ...body } = op as { op: string } & Record<string, unknown>;
  const text = JSON.stringify(op);
  return {
    socketio: `socket.emit(${JSON.stringify(name)}, ${JSON.stringify(body)}, ack)`,
    text,
    polling: `POST ${TRANSPORT_PATHS.polling}/send?sid=…\ncontent-type: application/json\n\n${text}`,
  };
}

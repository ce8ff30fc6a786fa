/**
 * What the decoders read out of one unit: its packets, and the facts the inspector links units
 * by (which client a session is, which chat messages a unit carries, which reply answers which send).
 */
import type { DecodedPacket } from '../../../protocol';

/** A send waiting for the ack that names its message id. */
export interface SendKey {
  /** The op's `ref`, when the client gave one. */
  ref?: string;
  /** Socket.IO's acknowledgement id, when the op was emitted with a callback. */
  ackId?: number;
}

export interface UnitFacts {
  packets: DecodedPacket[];
  /** One readable phrase per packet, joined into the record's summary. */
  phrases: string[];
  /** The client id a welcome in this unit announced. */
  welcome?: string;
  /** Chat message ids this unit carries (message events, acks). */
  messageIds: string[];
  /** Sends in this unit (client → server), to be linked to their acks. */
  sends: SendKey[];
  /** Acks in this unit: which send they answer and the message id they name. */
  acks: (SendKey & { messageId: string })[];
  /** A session id the unit opened (polling `open`, Engine.IO `open`). */
  openedSession?: string;
}

export const noFacts = (): UnitFacts => ({ packets: [], phrases: [], messageIds: [], sends: [], acks: [] });

/** Cuts `text` for a one-line summary. */
export const brief = (text: string, max = 40): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

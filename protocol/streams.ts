/**
 * Message streams: every chat message gets a position (`seq`) in exactly one stream, so a client
 * that reconnects can say what it last saw and the server can replay what it missed.
 *
 * Stream ids are opaque to clients; the server builds them here:
 *   `ns:<ns>`            messages to the whole namespace (scopes `all` and `others`)
 *   `room:<ns>:<room>`   messages to one room
 *   `direct:<ns>:<key>`  direct messages to one client, keyed by its resume token (stable across
 *                        reconnects, unlike the client id)
 * Positions restart only with a new `epoch` (a server run that lost its history).
 */
import { z } from 'zod';

/** Stream of namespace-wide messages. */
export function namespaceStream(ns: string): string {
  return `ns:${ns}`;
}

/** Stream of one room's messages. */
export function roomStream(ns: string, room: string): string {
  return `room:${ns}:${room}`;
}

/** Stream of the direct messages to one client, identified by its resume key. */
export function directStream(ns: string, clientKey: string): string {
  return `direct:${ns}:${clientKey}`;
}

/** Longest resume token a client may present. */
export const MAX_RESUME_TOKEN_LENGTH = 64;
/** Most streams one hello may resume (namespace + direct + every room a client may be in, with room to spare). */
export const MAX_RESUME_STREAMS = 256;

/** A client-chosen random key that identifies "the same client" across reconnects. */
export const resumeTokenSchema = z.string().regex(new RegExp(`^[A-Za-z0-9_-]{8,${MAX_RESUME_TOKEN_LENGTH}}$`), { message: 'invalid_field' });

/** What a reconnecting client last saw: the server run's epoch and, per stream, the last seq. */
export const resumeStateSchema = z
  .object({
    epoch: z.string().min(1).max(64),
    streams: z
      .record(z.string().min(1).max(200), z.number().int().min(0))
      .refine((s) => Object.keys(s).length <= MAX_RESUME_STREAMS, { message: `at most ${MAX_RESUME_STREAMS} streams` }),
  })
  .strict();

/** What a reconnecting client last saw (hello's `resume`). */
export type ResumeState = z.infer<typeof resumeStateSchema>;

/** The answer to a resume, in welcome. */
export interface RecoveryReport {
  /** True when every stream the client named was replayed without a gap. */
  recovered: boolean;
  /** Streams with a gap the server could not fill (history too short, or another epoch). */
  missedStreams?: { stream: string; missed?: number }[];
  /** Messages replayed after this welcome (they carry `replay: true`). */
  replayed: number;
}

/**
 * Operations a client sends to the server, with their zod schemas.
 *
 * On ws, SockJS and polling an operation travels as one JSON text frame `{"op": "...", ...}`.
 * On Socket.IO the op is the event name and the rest is the payload: `socket.emit('join', {rooms})`.
 * The server validates every operation against these schemas and uses only the parsed
 * fields, never the object as received.
 */
import { z } from 'zod';
import { isValidName, isValidRoom, NAMESPACE_PATTERN } from './names';
import { MAX_RESUME_STREAMS, resumeStateSchema, resumeTokenSchema } from './streams';

/** Most rooms one join/leave operation may name. */
export const MAX_ROOMS_PER_OP = 16;
/** Longest correlation reference a client may attach. */
export const MAX_REF_LENGTH = 64;
/** Longest client id an operation may name (a direct send's `to`, a list's `id`). */
export const MAX_CLIENT_ID_LENGTH = 64;

const ref = z.string().min(1).max(MAX_REF_LENGTH).optional();
/** Display name: trimmed, then checked. */
export const nameSchema = z
  .string()
  .trim()
  .min(1)
  .refine(isValidName, { message: 'invalid_name' });
/** Room name. */
export const roomSchema = z
  .string()
  .refine(isValidRoom, { message: 'invalid_room' });
const namespace = z.string().regex(NAMESPACE_PATTERN, { message: 'invalid_namespace' });
const rooms = z.array(roomSchema).min(1).max(MAX_ROOMS_PER_OP);

/** Where a chat message goes. Mirrors Socket.IO's emit family. */
export const SCOPES = ['all', 'others', 'room', 'direct'] as const;
/** A chat message's audience. */
export type Scope = (typeof SCOPES)[number];

/**
 * Whose presence changes a client hears. `namespace` (the default): every arrival, departure,
 * rename and room change in its namespace, and a welcome that lists everyone. `rooms`: only those
 * of clients it shares a room with (and of rooms it is in), and a welcome that lists those
 * room-mates: what a large chat needs, since telling every client about every other costs N².
 */
export const PRESENCE_SCOPES = ['namespace', 'rooms'] as const;
/** A client's presence scope (hello's `presence`). */
export type PresenceScope = (typeof PRESENCE_SCOPES)[number];

/** Every operation, by name. `.strict()` rejects fields we did not define. */
export const clientOpSchemas = {
  /**
   * First operation on every connection: who I am and (except on Socket.IO) which namespace.
   * Optional, for delivery across reconnects: `resumeToken` (my stable client key), `resume`
   * (what I last saw per stream) and `rooms` (rejoined before anything is replayed or delivered);
   * `presence` (see PRESENCE_SCOPES, default `namespace`).
   */
  hello: z
    .object({
      op: z.literal('hello'),
      name: nameSchema,
      ns: namespace.optional(),
      resumeToken: resumeTokenSchema.optional(),
      resume: resumeStateSchema.optional(),
      rooms: z.array(roomSchema).max(MAX_RESUME_STREAMS).optional(),
      presence: z.enum(PRESENCE_SCOPES).optional(),
      ref,
    })
    .strict(),
  /** Change my display name. */
  rename: z.object({ op: z.literal('rename'), name: nameSchema, ref }).strict(),
  /**
   * Send a chat message. `all`: everyone in the namespace (io.emit); `others`: everyone but me
   * (socket.broadcast.emit); `room`: a room, with me (io.to(room)) or without me
   * (socket.to(room), `includeSelf: false`); `direct`: one client by id (io.to(id)).
   */
  send: z
    .object({
      op: z.literal('send'),
      scope: z.enum(SCOPES),
      text: z.string().min(1),
      room: roomSchema.optional(),
      to: z.string().min(1).max(MAX_CLIENT_ID_LENGTH).optional(),
      includeSelf: z.boolean().optional(),
      ref,
    })
    .strict()
    .superRefine((v, ctx) => {
      if (v.scope === 'room' && v.room === undefined) {
        ctx.addIssue({ code: 'custom', path: ['room'], message: 'scope "room" needs "room"' });
      }
      if (v.scope === 'direct' && v.to === undefined) {
        ctx.addIssue({ code: 'custom', path: ['to'], message: 'scope "direct" needs "to"' });
      }
    }),
  /** Join one or more rooms at once. */
  join: z.object({ op: z.literal('join'), rooms, ref }).strict(),
  /** Leave one or more rooms at once. */
  leave: z.object({ op: z.literal('leave'), rooms, ref }).strict(),
  /**
   * Ask for a list: `clients` (everyone in my namespace), `rooms` (every room with its size),
   * `client-rooms` (the rooms of client `id`, default me), `room-clients` (who is in `room`).
   */
  list: z
    .object({
      op: z.literal('list'),
      what: z.enum(['clients', 'rooms', 'client-rooms', 'room-clients']),
      room: roomSchema.optional(),
      id: z.string().min(1).max(MAX_CLIENT_ID_LENGTH).optional(),
      ref,
    })
    .strict()
    .superRefine((v, ctx) => {
      if (v.what === 'room-clients' && v.room === undefined) {
        ctx.addIssue({ code: 'custom', path: ['room'], message: '"room-clients" needs "room"' });
      }
    }),
  /** A reply to me only: who the server thinks I am. */
  whoami: z.object({ op: z.literal('whoami'), ref }).strict(),
} as const;

/** Name of an operation. */
export type OpName = keyof typeof clientOpSchemas;
/** The names of all operations. */
export const OP_NAMES = Object.keys(clientOpSchemas) as OpName[];

export type HelloOp = z.infer<typeof clientOpSchemas.hello>;
export type RenameOp = z.infer<typeof clientOpSchemas.rename>;
export type SendOp = z.infer<typeof clientOpSchemas.send>;
export type JoinOp = z.infer<typeof clientOpSchemas.join>;
export type LeaveOp = z.infer<typeof clientOpSchemas.leave>;
export type ListOp = z.infer<typeof clientOpSchemas.list>;
export type WhoamiOp = z.infer<typeof clientOpSchemas.whoami>;
/** Any valid operation, after parsing. */
export type ClientOp = HelloOp | RenameOp | SendOp | JoinOp | LeaveOp | ListOp | WhoamiOp;
/** What a client may pass to send(): an operation before the server has parsed it. */
export type ClientOpInput = z.input<(typeof clientOpSchemas)[OpName]>;

/** True when `name` is a known operation. */
export function isOpName(name: unknown): name is OpName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(clientOpSchemas, name);
}

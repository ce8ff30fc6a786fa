/**
 * Turning text frames into validated operations and events into text frames.
 * Node-free: runs in the browser and on the server alike.
 */
import { clientOpSchemas, isOpName, MAX_REF_LENGTH, type ClientOp, type OpName } from './client-ops';
import { ERROR_CODES, type ErrorCode } from './error-codes';
import type { ErrorEvent, ServerEvent } from './server-events';

/** Outcome of reading one frame: the operation, or the error to send back. */
export type ParseResult = { ok: true; op: ClientOp } | { ok: false; error: ErrorEvent };

/**
 * A faster check in front of the schemas (the server's compiled one), which must accept nothing
 * the schemas refuse: when it says yes, `candidate` is taken as the operation as it is; when it
 * says no, the schemas decide and word the error.
 */
export type OpAcceptor = (name: OpName, candidate: Record<string, unknown>) => boolean;

const utf8 = new TextEncoder();

/** Size of a string in UTF-8 bytes. */
export function utf8Length(text: string): number {
  return utf8.encode(text).byteLength;
}

/**
 * True when `text` is over `maxBytes` in UTF-8. A UTF-16 code unit is at most 3 UTF-8 bytes, so
 * only text that could be over the limit is encoded to measure it (encoding every frame cost
 * ~5 % of the server's time per message).
 */
export function isOverBytes(text: string, maxBytes: number): boolean {
  return text.length > maxBytes || (text.length * 3 > maxBytes && utf8Length(text) > maxBytes);
}

/** Builds an error event with the standard message for `code`. */
export function errorEvent(code: ErrorCode, extra: Partial<Omit<ErrorEvent, 'type' | 'code'>> = {}): ErrorEvent {
  return { type: 'error', code, message: extra.message ?? ERROR_CODES[code], ...stripUndefined(extra) };
}

/**
 * Reads one text frame from ws, SockJS or a polling POST.
 * @param text the raw frame
 * @param maxFrameBytes frames larger than this are refused with `too_large` before parsing
 * @param accept a faster check tried before the schemas (see OpAcceptor)
 */
export function parseClientFrame(text: string, maxFrameBytes: number, accept?: OpAcceptor): ParseResult {
  if (isOverBytes(text, maxFrameBytes)) {
    return { ok: false, error: errorEvent('too_large', { message: `Frame is over ${maxFrameBytes} bytes.` }) };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: errorEvent('bad_json') };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: errorEvent('bad_envelope') };
  }
  const op = (value as Record<string, unknown>).op;
  // The frame's own object already carries `op`: validated as it is, without the copy Socket.IO's
  // (name, body) pairs need.
  return parseNamedOp(op, value, value as Record<string, unknown>, accept);
}

/**
 * Validates an operation already split into name and body (Socket.IO events arrive this way).
 * @param name the operation name (`op` field, or the Socket.IO event name)
 * @param body the operation's fields; `op` inside it is ignored and replaced by `name`
 * @param accept a faster check tried before the schemas (see OpAcceptor)
 */
export function parseClientOp(name: unknown, body: unknown, accept?: OpAcceptor): ParseResult {
  let candidate: Record<string, unknown> | undefined;
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    // `op` first, as in a text frame, then set again over any `op` the body carried. Why not
    // `{ ...body, op: name }`: with `op` last, zod's parse of the copy took about 4 µs longer
    // (7.7 against 3.6 µs per send), a quarter of the Lab's Socket.IO path per message.
    candidate = { op: name, ...body };
    candidate.op = name;
  }
  return parseNamedOp(name, body, candidate, accept);
}

/** Checks the name and the body's shape, then validates `candidate`: the body with `op` = name. */
function parseNamedOp(name: unknown, body: unknown, candidate: Record<string, unknown> | undefined, accept?: OpAcceptor): ParseResult {
  const ref = readRef(body);
  if (typeof name !== 'string') return { ok: false, error: errorEvent('bad_envelope', { ref }) };
  if (!isOpName(name)) {
    return { ok: false, error: errorEvent('unknown_op', { op: name.slice(0, 64), ref }) };
  }
  if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) {
    return { ok: false, error: errorEvent('invalid_field', { op: name, ref, message: 'The payload must be an object.' }) };
  }
  if (candidate && accept?.(name, candidate)) return { ok: true, op: candidate as ClientOp };
  const parsed = clientOpSchemas[name].safeParse(candidate ?? { op: name });
  if (parsed.success) return { ok: true, op: parsed.data as ClientOp };
  const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  // A name or room that fails its pattern gets its own code, so clients can say exactly what is wrong.
  const code: ErrorCode = issues.some((i) => i.message === 'invalid_room')
    ? 'invalid_room'
    : issues.some((i) => i.message === 'invalid_name')
      ? 'invalid_name'
      : issues.some((i) => i.message === 'invalid_namespace')
        ? 'invalid_namespace'
        : 'invalid_field';
  return { ok: false, error: errorEvent(code, { op: name, ref, issues }) };
}

/** Serialises an event for ws, SockJS and polling. */
export function encodeServerEvent(event: ServerEvent): string {
  return JSON.stringify(event);
}

/** Splits an event into Socket.IO's (event name, payload) pair. */
export function toSocketIoEvent(event: ServerEvent): [string, Omit<ServerEvent, 'type'>] {
  const { type, ...payload } = event;
  return [type, payload];
}

/** Parses a server event frame (client side). Returns null when the frame is not an event. */
export function decodeServerEvent(text: string): ServerEvent | null {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string') {
      return value as ServerEvent;
    }
  } catch {
    // fall through: not JSON
  }
  return null;
}

function readRef(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const ref = (body as { ref?: unknown }).ref;
  return typeof ref === 'string' && ref.length <= MAX_REF_LENGTH ? ref : undefined;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Every error the server can send to a client. The code is stable and machine-readable;
 * the message is English prose for logs and developers (the page translates codes itself).
 */
export const ERROR_CODES = {
  bad_json: 'The frame is not valid JSON.',
  bad_envelope: 'The message is not an object with a string "op".',
  unknown_op: 'The operation is not one the server knows.',
  invalid_field: 'A field is missing or has the wrong type.',
  too_large: 'The message is over the size limit.',
  invalid_name: 'The display name is empty, too long or has characters that are not allowed.',
  invalid_room: 'A room name is empty, too long or has characters that are not allowed.',
  invalid_namespace: 'The namespace does not exist on this server.',
  not_ready: 'Say hello first: send {"op":"hello"} before any other operation.',
  already_hello: 'This connection already said hello; use rename to change the name.',
  unknown_client: 'No client with that id is connected in this namespace.',
  unknown_session: 'The polling session does not exist or has expired.',
  bad_request: 'The HTTP request is not one this endpoint accepts.',
  forbidden_origin: 'The page this request comes from (its Origin) is not allowed to use this server.',
  too_many_connections: 'Too many open connections from this address.',
  rate_limited: 'Too many operations too fast; this one was dropped. Slow down.',
  kicked: 'The connection was closed for going over the rate limit again and again.',
  room_limit: 'Joining these rooms would put this client in more rooms than allowed; none were joined.',
  room_full: 'A room is full; none of the rooms were joined.',
  unavailable: 'The server cannot reach the rest of the cluster (Redis) right now; nothing was sent. Try again.',
} as const;

/** A stable error code. */
export type ErrorCode = keyof typeof ERROR_CODES;

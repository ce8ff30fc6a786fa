/**
 * What the inspector never shows: resume tokens (a client's key to its direct messages) and
 * credentials in headers. Only the text shown changes; byte counts stay those of the wire.
 */

/** Header names whose values are replaced. */
const SECRET_HEADERS = new Set(['authorization', 'cookie', 'set-cookie', 'x-admin-token', 'proxy-authorization']);

/** `"resumeToken":"…"`, also inside a JSON string (SockJS, escaped quotes) and in a query string. */
const RESUME_IN_JSON = /(\\*"resumeToken\\*"\s*:\s*\\*")[^"\\]*/g;
const TOKEN_IN_QUERY = /([?&](?:resumeToken|token|adminToken)=)[^&\s]*/g;
/** A client's direct-message stream is named by its resume token (`direct:<ns>:<token>`, protocol/streams.ts). */
const DIRECT_STREAM = /(direct:[^:"\\\s]*:)[A-Za-z0-9_-]+/g;

export const REDACTED = '[redacted]';

/** `text` with every resume token and query token replaced. */
export function redactText(text: string): string {
  if (!text.includes('oken') && !text.includes('direct:')) return text;
  return text.replace(RESUME_IN_JSON, `$1${REDACTED}`).replace(TOKEN_IN_QUERY, `$1${REDACTED}`).replace(DIRECT_STREAM, `$1${REDACTED}`);
}

/** A header's value as shown. */
export function redactHeader(name: string, value: string): string {
  return SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : redactText(value);
}

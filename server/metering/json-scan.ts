/**
 * Byte counts read straight off JSON text, without parsing it into values and encoding them
 * again. Why: the layer meter classifies every Socket.IO and SockJS frame in both directions, and
 * `JSON.parse` plus a `JSON.stringify` per argument was most of what metering cost on those
 * transports. A single pass over the characters gives the same numbers for the JSON the libraries
 * write (`JSON.stringify` output: no whitespace between tokens), which a property test checks
 * against the parse-and-encode reference.
 *
 * The scanner checks structure (brackets, strings, escapes), not grammar: text that only looks
 * like JSON (`[a,b]`) is counted as written. It only ever runs on frames a library has already
 * accepted or is about to send, so that never happens on the wire the meter watches.
 */

/** A top-level element of a JSON array text: `text.slice(start, end)`. */
export interface ElementRange {
  start: number;
  end: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const LOWER_U = 0x75;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

// Module-level helpers, not closures: this runs per frame, and a closure made per call costs.
const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Index just past the string literal whose opening quote is at `i`, or -1 when it never closes. */
function skipString(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === BACKSLASH) j++;
    else if (c === QUOTE) return j + 1;
  }
  return -1;
}

/**
 * The top-level elements of the JSON array that opens at `text[open]` and ends the text.
 * @returns the ranges, or undefined when the text there is not one whole array
 */
export function arrayElements(text: string, open: number): ElementRange[] | undefined {
  if (text.charCodeAt(open) !== OPEN_BRACKET) return undefined;
  const elements: ElementRange[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const after = skipString(text, i);
      if (after < 0) return undefined;
      i = after - 1;
    } else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      depth++;
    } else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) {
      depth--;
      if (depth === 0) {
        // The array closed: it must be the end of the text.
        if (i !== text.length - 1 || c !== CLOSE_BRACKET) return undefined;
        if (i > start) elements.push({ start, end: i });
        return elements;
      }
      if (depth < 0) return undefined;
    } else if (depth === 1 && c === COMMA) {
      elements.push({ start, end: i });
      start = i + 1;
    }
  }
  return undefined;
}

const HEX4 = /^[0-9a-fA-F]{4}$/;

/** Value of the hex digits `text[i..i+4)`, or -1. */
function hex4(text: string, i: number): number {
  if (i + 4 > text.length) return -1;
  const digits = text.slice(i, i + 4);
  return HEX4.test(digits) ? Number.parseInt(digits, 16) : -1;
}

/**
 * UTF-8 bytes of the string a JSON string literal decodes to (`\n` is 1 byte, `\u00e9` 2, an
 * escaped surrogate pair 4, a lone escaped surrogate 3 as U+FFFD).
 * @param start index of the opening quote; `end` is just past the closing one
 * @returns the bytes, or undefined when the range is not one string literal
 */
export function decodedStringBytes(text: string, start: number, end: number): number | undefined {
  if (text.charCodeAt(start) !== QUOTE || skipString(text, start) !== end) return undefined;
  let bytes = 0;
  /** The previous decoded unit was a high surrogate still waiting for its low half. */
  let pendingHigh = false;
  for (let i = start + 1; i < end - 1; i++) {
    const c = text.charCodeAt(i);
    let unit = c;
    if (c === BACKSLASH) {
      if (text.charCodeAt(i + 1) === LOWER_U) {
        unit = hex4(text, i + 2);
        if (unit < 0) return undefined;
        i += 5;
      } else {
        unit = 0x20; // \" \\ \/ \b \f \n \r \t: one ASCII character each
        i += 1;
      }
    }
    if (pendingHigh && isLow(unit)) {
      bytes += 1; // 3 already counted for the high half; a pair is 4
      pendingHigh = false;
      continue;
    }
    pendingHigh = isHigh(unit);
    bytes += unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3;
  }
  return bytes;
}

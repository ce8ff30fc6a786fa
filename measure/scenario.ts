/**
 * A benchmark scenario: what to send, how fast and over which lanes (transports, or one of their
 * library's variants, protocol/lanes.ts). Node-free, so the page,
 * a CLI and the e2e tests share one definition, and a run is shareable as a URL query string.
 */
import { z } from 'zod';
import { LANE_IDS, LANES, TRANSPORT_IDS, type LaneId } from '../protocol';

/** Defaults: a short run that finishes in seconds and covers several polling cycles. */
export const SCENARIO_DEFAULTS = {
  messages: 200,
  ratePerSec: 10,
  sizeBytes: 64,
  pollIntervalMs: 500,
  transports: [...TRANSPORT_IDS] as LaneId[],
  isolate: true,
  warmup: 10,
};

/**
 * Bounds. `ratePerSec` stays within the server's default per-connection rate limit (20/s, burst
 * 40) plus headroom for configured servers; over the limit messages are refused and show up as
 * undelivered, never silently dropped from the statistics. `sizeBytes` stays under the default
 * `MAX_TEXT_CHARS` (2000): the text is ASCII, so characters are bytes.
 */
export const SCENARIO_BOUNDS = {
  messages: { min: 1, max: 5000 },
  ratePerSec: { min: 1, max: 100 },
  sizeBytes: { min: 1, max: 2000 },
  pollIntervalMs: { min: 50, max: 5000 },
  warmup: { min: 0, max: 1000 },
};

/**
 * Lanes that each keep an HTTP request open all the time (a long-poll or a stream) at most in one
 * run. Why: a browser opens at most six HTTP/1.1 connections per origin, and the page still needs
 * free ones for the polling pane's polls, every lane's sends and the wire readings. Three held
 * leave three; four would make sends queue behind held polls, and the queueing would be measured
 * as the transports' latency.
 */
export const MAX_HELD_LANES = 3;

/** The lanes in `lanes` that hold an HTTP request open. */
export function heldLanes(lanes: readonly LaneId[]): LaneId[] {
  return lanes.filter((id) => LANES[id].holdsRequest === true);
}

/**
 * The polling sweep (optional: a scenario without it is the plain benchmark, and old URLs still
 * decode): for each polling interval, the polling client is recreated with it, sends `messages`
 * round-trip messages and is measured idle. Defaults and bounds below.
 */
export const SWEEP_DEFAULTS = { intervalsMs: [100, 250, 500, 1000, 2000], messages: 20 };
export const SWEEP_BOUNDS = { intervals: { min: 1, max: 10 }, messages: { min: 2, max: 200 } };

/** Strict schema of the sweep; each interval within the scenario's polling bounds. */
export const sweepSchema = z.object({
  intervalsMs: z
    .array(z.number().int().min(SCENARIO_BOUNDS.pollIntervalMs.min).max(SCENARIO_BOUNDS.pollIntervalMs.max))
    .min(SWEEP_BOUNDS.intervals.min)
    .max(SWEEP_BOUNDS.intervals.max),
  messages: z.number().int().min(SWEEP_BOUNDS.messages.min).max(SWEEP_BOUNDS.messages.max),
});

/** A valid sweep. */
export type Sweep = z.infer<typeof sweepSchema>;

const int = (key: keyof typeof SCENARIO_BOUNDS) =>
  z.number().int().min(SCENARIO_BOUNDS[key].min).max(SCENARIO_BOUNDS[key].max);

/** The strict schema: every field required to be in bounds; defaults fill missing fields. */
export const scenarioSchema = z
  .object({
    messages: int('messages').default(SCENARIO_DEFAULTS.messages),
    ratePerSec: int('ratePerSec').default(SCENARIO_DEFAULTS.ratePerSec),
    sizeBytes: int('sizeBytes').default(SCENARIO_DEFAULTS.sizeBytes),
    pollIntervalMs: int('pollIntervalMs').default(SCENARIO_DEFAULTS.pollIntervalMs),
    transports: z
      .array(z.enum(LANE_IDS))
      .min(1)
      .refine((ids) => new Set(ids).size === ids.length, 'transports must not repeat')
      .refine((ids) => heldLanes(ids).length <= MAX_HELD_LANES, {
        message: `at most ${MAX_HELD_LANES} lanes that hold an HTTP request open (${LANE_IDS.filter((id) => LANES[id].holdsRequest).join(', ')}): the browser has six connections per origin`,
      })
      .default(() => [...SCENARIO_DEFAULTS.transports]),
    isolate: z.boolean().default(SCENARIO_DEFAULTS.isolate),
    warmup: int('warmup').default(SCENARIO_DEFAULTS.warmup),
    sweep: sweepSchema.optional(),
  })
  .refine((s) => s.warmup < s.messages, { message: 'warmup must be less than messages', path: ['warmup'] });

/** A valid scenario. */
export type Scenario = z.infer<typeof scenarioSchema>;

/** Query-string keys, short so a shared URL stays readable. */
const KEYS = {
  messages: 'messages',
  ratePerSec: 'rate',
  sizeBytes: 'size',
  pollIntervalMs: 'poll',
  transports: 'transports',
  isolate: 'isolate',
  warmup: 'warmup',
  sweepIntervals: 'sweep',
  sweepMessages: 'sweepMessages',
} as const;

/**
 * Encodes a scenario as a query string (without `?`), every field written out so a shared URL
 * still means the same run if the defaults change.
 * @param scenario a valid scenario
 */
export function encodeScenario(scenario: Scenario): string {
  const params = new URLSearchParams();
  params.set(KEYS.messages, String(scenario.messages));
  params.set(KEYS.ratePerSec, String(scenario.ratePerSec));
  params.set(KEYS.sizeBytes, String(scenario.sizeBytes));
  params.set(KEYS.pollIntervalMs, String(scenario.pollIntervalMs));
  // Canonical order, so the same selection always gives the same URL.
  params.set(KEYS.transports, LANE_IDS.filter((id) => scenario.transports.includes(id)).join(','));
  params.set(KEYS.isolate, scenario.isolate ? '1' : '0');
  params.set(KEYS.warmup, String(scenario.warmup));
  // Only when set, so a scenario without a sweep keeps the URL it always had.
  if (scenario.sweep) {
    params.set(KEYS.sweepIntervals, scenario.sweep.intervalsMs.join(','));
    params.set(KEYS.sweepMessages, String(scenario.sweep.messages));
  }
  return params.toString();
}

function intParam(params: URLSearchParams, key: keyof typeof SCENARIO_BOUNDS, name: string): number {
  const raw = params.get(name);
  const { min, max } = SCENARIO_BOUNDS[key];
  if (raw === null || !/^\d+$/.test(raw.trim())) return SCENARIO_DEFAULTS[key];
  // Out of range is clamped rather than dropped: `messages=99999` means "as many as allowed".
  return Math.min(max, Math.max(min, Number(raw.trim())));
}

/**
 * Reads the sweep from the URL: absent when neither key is there; otherwise unreadable intervals
 * are dropped, the rest clamped to the polling bounds, de-duplicated and sorted, and a missing
 * part takes its default.
 */
function decodeSweep(params: URLSearchParams): Sweep | undefined {
  const listed = params.get(KEYS.sweepIntervals);
  const rawMessages = params.get(KEYS.sweepMessages);
  if (listed === null && rawMessages === null) return undefined;
  const { min, max } = SCENARIO_BOUNDS.pollIntervalMs;
  const parsed = (listed ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter((x) => /^\d+$/.test(x))
    .map((x) => Math.min(max, Math.max(min, Number(x))));
  const intervalsMs = [...new Set(parsed)].sort((a, b) => a - b).slice(0, SWEEP_BOUNDS.intervals.max);
  const m = SWEEP_BOUNDS.messages;
  const messages = rawMessages !== null && /^\d+$/.test(rawMessages.trim()) ? Math.min(m.max, Math.max(m.min, Number(rawMessages.trim()))) : SWEEP_DEFAULTS.messages;
  return { intervalsMs: intervalsMs.length > 0 ? intervalsMs : [...SWEEP_DEFAULTS.intervalsMs], messages };
}

/**
 * Decodes a query string (with or without `?`) into a scenario. Forgiving, because URLs are
 * typed by hand: a missing or unreadable field takes its default, an out-of-range number is
 * clamped, unknown lanes are ignored, lanes holding a request past MAX_HELD_LANES are dropped, and
 * warmup is cut below `messages`.
 * @param search e.g. `?messages=40&rate=20&transports=ws,polling,socketio:polling`
 */
export function decodeScenario(search: string): Scenario {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const listed = params.get(KEYS.transports);
  const named = listed === null ? [] : listed.split(',').map((s) => s.trim());
  const held = new Set(heldLanes(LANE_IDS.filter((id) => named.includes(id))).slice(0, MAX_HELD_LANES));
  const picked = LANE_IDS.filter((id) => named.includes(id) && (!LANES[id].holdsRequest || held.has(id)));
  const isolateRaw = params.get(KEYS.isolate);
  const messages = intParam(params, 'messages', KEYS.messages);
  const warmup = Math.min(intParam(params, 'warmup', KEYS.warmup), messages - 1);
  const sweep = decodeSweep(params);
  return scenarioSchema.parse({
    ...(sweep ? { sweep } : {}),
    messages,
    ratePerSec: intParam(params, 'ratePerSec', KEYS.ratePerSec),
    sizeBytes: intParam(params, 'sizeBytes', KEYS.sizeBytes),
    pollIntervalMs: intParam(params, 'pollIntervalMs', KEYS.pollIntervalMs),
    transports: picked.length > 0 ? picked : [...SCENARIO_DEFAULTS.transports],
    isolate: isolateRaw === null ? SCENARIO_DEFAULTS.isolate : !['0', 'false', 'no'].includes(isolateRaw.toLowerCase()),
    warmup,
  });
}

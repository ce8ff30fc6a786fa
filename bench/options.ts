/** Command-line options of `npm run bench`, parsed with node:util's parseArgs. */
import { parseArgs } from 'node:util';
import { isTransportId, TRANSPORT_IDS, type TransportId } from '../protocol';
import { exitCodesHelp, wholeNumber } from '../scripts/cli-numbers';

/** Everything a run is told. */
export interface BenchOptions {
  transports: TransportId[];
  rounds: number;
  /** Round trips per measurement. */
  messages: number;
  /** Messages per throughput measurement, and how many may be in flight. */
  throughputMessages: number;
  window: number;
  /** Receivers of the fan-out, and broadcasts per measurement. */
  fanoutClients: number;
  broadcasts: number;
  /** Round trips per wire-meter measurement. */
  meterMessages: number;
  /** Polling clients' period, ms (both the Lab's and the bare server's clients). */
  pollIntervalMs: number;
  /** Whole run's deadline, s: past it the run stops with exit code 2. */
  timeoutSec: number;
  quick: boolean;
  /** Pin the servers and the clients to separate CPUs (see cpu-pinning.ts). */
  pin: boolean;
  /** Also measure fan-out spread over two nodes on Redis vs all on one (bench/cluster-fanout.ts). */
  cluster: boolean;
  /** Run every workload once, unmeasured, before the measured rounds. */
  warmup: boolean;
  /** Messages the warm-up sends through each server (pipelined, as in the throughput workload). */
  warmupMessages: number;
  /**
   * Run the servers from the TypeScript sources through tsx instead of the compiled `dist/`
   * (the tests do: `npm test` runs before `npm run build`).
   */
  fromSource: boolean;
  json?: string;
}

/**
 * Why a warm-up of 20,000 messages in the quick run too: it is what brings both sides to their
 * steady state. After 200 round trips and 1,000 messages (the warm-up before), ws round trips
 * still fell from about 260 to 70 µs over the next 3,000, the Lab's more slowly than bare's (more
 * code for the JIT to optimise), and a round's Lab/bare ratio ranged 0.96–1.74 with the round it
 * fell in. After 20,000 the same rounds' ratios stayed within 1.14–1.22 (2026-12-07, ws). The
 * cost is seconds on the WebSocket transports and most of the warm-up's time on polling.
 */
const WARMUP_MESSAGES = 20_000;
const QUICK = { rounds: 3, messages: 100, throughputMessages: 1000, fanoutClients: 100, broadcasts: 5, meterMessages: 100, timeoutSec: 420, warmupMessages: WARMUP_MESSAGES };
// Polling round trips cost about one poll interval each, which is what sets the full run's length (~8 min with every row).
const FULL = { rounds: 6, messages: 500, throughputMessages: 5000, fanoutClients: 100, broadcasts: 20, meterMessages: 500, timeoutSec: 1500, warmupMessages: WARMUP_MESSAGES };

/** Usage text for `--help`. */
export const USAGE = `Usage: npm run bench -- [options]

Measures the Lab's server path against a bare server of the same library, per transport,
interleaved over several rounds; prints JSON with paired ratios (Lab/bare) on stdout, and each
side's server CPU time per round trip (µs, from its own process's CPU counters).

  --quick                 a smaller run: fewer rounds and messages, the same warm-up (about 2 min)
  --transports LIST       comma-separated: ${TRANSPORT_IDS.join(',')} (default: all)
  --rounds N              interleaved rounds (quick ${QUICK.rounds}, default ${FULL.rounds})
  --messages N            round trips per measurement (quick ${QUICK.messages}, default ${FULL.messages})
  --throughput-messages N messages per throughput measurement (quick ${QUICK.throughputMessages}, default ${FULL.throughputMessages})
  --window N              throughput: most messages in flight (default 100)
  --fanout-clients N      fan-out receivers (default 100)
  --broadcasts N          fan-out broadcasts per measurement (quick ${QUICK.broadcasts}, default ${FULL.broadcasts})
  --meter-messages N      round trips per wire-meter and inspector on/off measurement
  --poll-interval MS      polling clients' period (default 20)
  --timeout S             give up after S seconds, exit code 2 (quick ${QUICK.timeoutSec}, default ${FULL.timeoutSec})
  --no-pin                do not pin servers and clients to separate CPUs (taskset)
  --no-cluster            skip the row: fan-out over 2 nodes on Redis vs 1 node
  --no-warmup             skip the unmeasured warm-up round
  --warmup-messages N     messages the warm-up sends through each server (default ${WARMUP_MESSAGES})
  --from-source           run the servers from the TypeScript sources through tsx; default:
                          the compiled dist/ (run npm run build first), as production runs
  --json FILE             also write the JSON to FILE
  --help                  this text

${exitCodesHelp('is not used: targets are reported, never enforced')}
`;

/**
 * Parses argv (without node and script).
 * @returns the options, or 'help' when --help was given
 * @throws on an unknown option or a bad value
 */
export function parseBenchArgs(argv: string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      quick: { type: 'boolean', default: false },
      'no-pin': { type: 'boolean', default: false },
      'no-cluster': { type: 'boolean', default: false },
      'no-warmup': { type: 'boolean', default: false },
      'from-source': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
      transports: { type: 'string' },
      rounds: { type: 'string' },
      messages: { type: 'string' },
      'throughput-messages': { type: 'string' },
      window: { type: 'string' },
      'fanout-clients': { type: 'string' },
      broadcasts: { type: 'string' },
      'meter-messages': { type: 'string' },
      'warmup-messages': { type: 'string' },
      'poll-interval': { type: 'string' },
      timeout: { type: 'string' },
      json: { type: 'string' },
    },
  });
  if (values.help) return 'help';
  const base = values.quick ? QUICK : FULL;
  const int = (name: keyof typeof values, fallback: number, min = 1): number => {
    const raw = values[name];
    return wholeNumber(typeof raw === 'string' ? raw : undefined, String(name), { min }, fallback);
  };
  const transports = (values.transports ?? TRANSPORT_IDS.join(',')).split(',').map((t) => t.trim()).filter(Boolean);
  const unknown = transports.filter((t) => !isTransportId(t));
  if (unknown.length > 0 || transports.length === 0) throw new Error(`--transports: unknown ${unknown.join(',') || '(none given)'}; use ${TRANSPORT_IDS.join(',')}`);
  return {
    transports: [...new Set(transports)] as TransportId[],
    rounds: int('rounds', base.rounds),
    messages: int('messages', base.messages),
    throughputMessages: int('throughput-messages', base.throughputMessages),
    window: int('window', 100),
    fanoutClients: int('fanout-clients', base.fanoutClients),
    broadcasts: int('broadcasts', base.broadcasts),
    meterMessages: int('meter-messages', base.meterMessages),
    pollIntervalMs: int('poll-interval', 20),
    timeoutSec: int('timeout', base.timeoutSec),
    quick: values.quick === true,
    pin: values['no-pin'] !== true,
    cluster: values['no-cluster'] !== true,
    warmup: values['no-warmup'] !== true,
    warmupMessages: int('warmup-messages', base.warmupMessages),
    fromSource: values['from-source'] === true,
    json: values.json,
  };
}

/** Command-line options of `npm run compare`, parsed with node:util's parseArgs. */
import { parseArgs } from 'node:util';
import { isTransportId, TRANSPORT_IDS } from '../../protocol';
import { SCENARIO_BOUNDS, SCENARIO_DEFAULTS, scenarioSchema, type Scenario } from '../../measure/scenario';

/** Everything one headless run is told. */
export interface CompareOptions {
  /** The benchmark as the /compare page will run it (validated by the page's own schema). */
  scenario: Scenario;
  /** An already-running server; without it the CLI starts `node dist/server/index.js` itself. */
  baseUrl?: string;
  outDir: string;
  /** Whole run's deadline, s: past it the run stops with exit code 2. */
  timeoutSec: number;
  chromiumPath: string;
}

const B = SCENARIO_BOUNDS;
const D = SCENARIO_DEFAULTS;

/** Usage text for `--help`. */
export const USAGE = `Usage: npm run compare -- [options]

Runs the /compare benchmark headless in Chromium against the production server and writes
what the page measured to an output folder (report.json, report.csv, report.html, charts.png).

Scenario (the same fields and bounds as the /compare form and its URL):
  --messages N        messages per transport, ${B.messages.min}-${B.messages.max} (default ${D.messages})
  --rate N            messages per second per sender, ${B.ratePerSec.min}-${B.ratePerSec.max} (default ${D.ratePerSec})
  --size N            text size in bytes, ${B.sizeBytes.min}-${B.sizeBytes.max} (default ${D.sizeBytes})
  --poll-interval MS  polling pane's period, ${B.pollIntervalMs.min}-${B.pollIntervalMs.max} (default ${D.pollIntervalMs})
  --warmup N          first messages left out of the statistics, below --messages (default ${D.warmup})
  --transports LIST   comma-separated: ${TRANSPORT_IDS.join(',')} (default: all)
  --isolate           one transport at a time: exact bytes per transport (default)
  --no-isolate        all transports at once, side by side

Run:
  --base-url URL      use a server that is already running (it needs ADMIN_API=on);
                      default: start \`node dist/server/index.js\` on a free 127.0.0.1 port
  --out DIR           output folder (default compare-out/)
  --timeout S         give up after S seconds, exit code 2 (default: twice the scenario's
                      sending time plus 60 s)
  --help              this text

Environment: CHROMIUM_PATH (default /usr/bin/chromium).
Exit codes: 0 done, every copy delivered; 1 error; 2 timeout; 3 done but copies missing.
`;

function intOption(raw: string | undefined, name: string, key: keyof typeof SCENARIO_BOUNDS, fallback: number): number {
  if (raw === undefined) return fallback;
  const { min, max } = B[key];
  // Strict, unlike the page's URL decoding which clamps: a typo on a command line should fail loudly.
  if (!/^\d+$/.test(raw.trim())) throw new Error(`--${name} wants a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new Error(`--${name} must be within ${min}-${max}, got ${value}`);
  return value;
}

/** Seconds the senders need by the scenario's own clock (isolated phases run one after another). */
export function sendingSeconds(s: Scenario): number {
  const phases = s.isolate ? s.transports.length : 1;
  return (phases * s.messages) / s.ratePerSec;
}

/**
 * Parses argv (without node and script).
 * @returns the options, or 'help' when --help was given
 * @throws on an unknown option or a bad value
 */
export function parseCompareArgs(argv: string[], env: Record<string, string | undefined> = process.env): CompareOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      help: { type: 'boolean', default: false },
      messages: { type: 'string' },
      rate: { type: 'string' },
      size: { type: 'string' },
      'poll-interval': { type: 'string' },
      warmup: { type: 'string' },
      transports: { type: 'string' },
      isolate: { type: 'boolean' },
      // Spelled out rather than parseArgs' allowNegative, which needs Node 20.16+ (engines says 20.9).
      'no-isolate': { type: 'boolean' },
      'base-url': { type: 'string' },
      out: { type: 'string', default: 'compare-out' },
      timeout: { type: 'string' },
    },
  });
  if (values.help) return 'help';
  if (values.isolate && values['no-isolate']) throw new Error('--isolate and --no-isolate exclude each other');
  let transports = [...D.transports];
  if (values.transports !== undefined) {
    const listed = values.transports.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = listed.filter((id) => !isTransportId(id));
    if (unknown.length > 0 || listed.length === 0) throw new Error(`--transports: unknown "${unknown.join(',')}"; pick from ${TRANSPORT_IDS.join(',')}`);
    // The page lists transports in canonical order; so does the URL encoder.
    transports = TRANSPORT_IDS.filter((id) => listed.includes(id));
  }
  const messages = intOption(values.messages, 'messages', 'messages', D.messages);
  const parsed = scenarioSchema.safeParse({
    messages,
    ratePerSec: intOption(values.rate, 'rate', 'ratePerSec', D.ratePerSec),
    sizeBytes: intOption(values.size, 'size', 'sizeBytes', D.sizeBytes),
    pollIntervalMs: intOption(values['poll-interval'], 'poll-interval', 'pollIntervalMs', D.pollIntervalMs),
    transports,
    isolate: values['no-isolate'] ? false : (values.isolate ?? D.isolate),
    // The default warm-up would swallow a tiny run: keep it below the message count.
    warmup: intOption(values.warmup, 'warmup', 'warmup', Math.min(D.warmup, Math.floor(messages / 4))),
  });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
  const scenario = parsed.data;
  let timeoutSec = Math.ceil(2 * sendingSeconds(scenario) + 60);
  if (values.timeout !== undefined) {
    timeoutSec = Number(values.timeout);
    if (!Number.isFinite(timeoutSec) || timeoutSec <= 0) throw new Error(`--timeout wants a positive number of seconds, got "${values.timeout}"`);
  }
  let baseUrl = values['base-url'];
  if (baseUrl !== undefined) {
    const url = new URL(baseUrl); // throws on a malformed URL, which is the message we want
    baseUrl = url.origin;
  }
  return { scenario, baseUrl, outDir: values.out, timeoutSec, chromiumPath: env.CHROMIUM_PATH ?? '/usr/bin/chromium' };
}

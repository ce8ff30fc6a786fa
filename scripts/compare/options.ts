/** Command-line options of `npm run compare`, parsed with node:util's parseArgs. */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { LANE_IDS, parseLaneList } from '../../protocol';
import { CATALOGUES, DEFAULT_LOCALE, isLocale, type Locale } from '../../app/messages/catalogues';
import { IDLE_SECONDS } from '../../measure/idle-cost';
import { MAX_HELD_LANES, SCENARIO_BOUNDS, SCENARIO_DEFAULTS, SWEEP_BOUNDS, SWEEP_DEFAULTS, scenarioSchema, type Scenario } from '../../measure/scenario';
import { COST_KINDS, costSeconds, type CostKind } from './cost-plan';
import { EXIT, exitCodesHelp, wholeNumber } from '../cli-numbers';
import { budgetProblems, parseBudget, type Budget } from './budget';

/** Everything one headless run is told. */
export interface CompareOptions {
  /**
   * The benchmark as the /compare page will run it (validated by the page's own schema). Holds
   * the polling sweep's intervals and messages when `costs` has `sweep`, the page's own place for them.
   */
  scenario: Scenario;
  /** The cost measurements to run after the benchmark, in the page's order; empty for none. */
  costs: CostKind[];
  /** The idle cost's window, s (meaningful when `costs` has `idle`). */
  idleSeconds: number;
  /** An already-running server; without it the CLI starts `node dist/server/index.js` itself. */
  baseUrl?: string;
  outDir: string;
  /** Whole run's deadline, s: past it the run stops with exit code 2. */
  timeoutSec: number;
  chromiumPath: string;
  /** The language of report.html and of the page the run drives (its screenshot). */
  lang: Locale;
  /** `--repeat`: how many times the scenario runs (each run its own page and files). */
  repeat: number;
  /** `--budget`: limits to check the run against, and the file they came from. */
  budget?: { source: string; limits: Budget };
}

const B = SCENARIO_BOUNDS;

/** `--repeat`: enough for a stable median, few enough to stay a CI step. */
export const REPEAT_BOUNDS = { min: 1, max: 20 };
const D = SCENARIO_DEFAULTS;

/**
 * The CLI's sweep: the page's intervals, but 10 messages each rather than the page's 20, which
 * halves the sweep (≈ 40 s instead of ≈ 70 s here) and keeps a default run near 2.5 minutes; ten
 * sends still sample the poll cycle evenly (measure/polling-sweep.ts), so the mean stays unbiased.
 */
export const CLI_SWEEP_DEFAULTS = { intervalsMs: [...SWEEP_DEFAULTS.intervalsMs], messages: 10 };

/** Usage text for `--help`. */
export const USAGE = `Usage: npm run compare -- [options]

Runs the /compare benchmark, then its cost measurements, headless in Chromium against the
production server and writes what the page measured to an output folder (report.json,
report.csv, report.html, charts.png). With the defaults a run takes about 2.5 minutes.

Scenario (the same fields and bounds as the /compare form and its URL):
  --messages N        messages per transport, ${B.messages.min}-${B.messages.max} (default ${D.messages})
  --rate N            messages per second per sender, ${B.ratePerSec.min}-${B.ratePerSec.max} (default ${D.ratePerSec})
  --size N            text size in bytes, ${B.sizeBytes.min}-${B.sizeBytes.max} (default ${D.sizeBytes})
  --poll-interval MS  polling pane's period, ${B.pollIntervalMs.min}-${B.pollIntervalMs.max} (default ${D.pollIntervalMs})
  --warmup N          first messages left out of the statistics, below --messages (default ${D.warmup})
  --transports LIST   comma-separated lanes: ${LANE_IDS.join(',')}
                      (default: the four transports; a variant is a column of its own, at most
                      ${MAX_HELD_LANES} of those that hold a request open)
  --isolate           one transport at a time: exact bytes per transport (default)
  --no-isolate        all transports at once, side by side

Cost measurements (after the benchmark, on the same page, one after another; they always cover
all four transports, as the page does):
  --costs LIST        comma-separated: ${COST_KINDS.join(',')}, or none (default: all three)
                        idle     bytes and requests per client and minute with nothing sent
                        connect  bytes, requests and time for a fresh client until its welcome
                        sweep    polling latency and idle bytes at several polling intervals
  --idle-seconds N    idle window, ${IDLE_SECONDS.min}-${IDLE_SECONDS.max} s (default ${IDLE_SECONDS.default})
  --sweep LIST        sweep intervals in ms, comma-separated, each ${B.pollIntervalMs.min}-${B.pollIntervalMs.max}, ${SWEEP_BOUNDS.intervals.min}-${SWEEP_BOUNDS.intervals.max} of them
                      (default ${CLI_SWEEP_DEFAULTS.intervalsMs.join(',')}); run in ascending order, like the page
  --sweep-messages N  round-trip messages per interval, ${SWEEP_BOUNDS.messages.min}-${SWEEP_BOUNDS.messages.max} (default ${CLI_SWEEP_DEFAULTS.messages})

Run:
  --base-url URL      use a server that is already running (it needs ADMIN_API=on);
                      default: start \`node dist/server/index.js\` on a free 127.0.0.1 port
  --out DIR           output folder (default compare-out/)
  --lang TAG          language of report.html and of the page in charts.png:
                      ${Object.keys(CATALOGUES).join(' or ')} (default ${DEFAULT_LOCALE})
  --timeout S         give up after S seconds, exit code 2 (default: twice the expected
                      time, i.e. the sending time plus the costs' own time, times --repeat,
                      plus 60 s)
  --repeat N          run the scenario N times, ${REPEAT_BOUNDS.min}-${REPEAT_BOUNDS.max} (default 1): each run's files in
                      run-1/ … run-N/, the median and min–max of every figure in repeat.json,
                      and --budget checked on the medians
  --budget FILE       check the run against limits per lane and figure (a JSON file, e.g.
                      {"ws":{"roundTripP99Ms":20,"bytesPerMessage":400}}; see docs/COMPARE.md,
                      "Use it in CI"); writes budget-junit.xml and budget.md to --out and
                      exits ${EXIT.budgetMissed} when a limit is missed
  --help              this text

Environment: CHROMIUM_PATH (default /usr/bin/chromium).
${exitCodesHelp('done but copies missing (benchmark deliveries or sweep replies); the reports show what did arrive')} ${EXIT.budgetMissed} done but a --budget limit missed.
`;

// Strict, unlike the page's URL decoding which clamps: a typo on a command line should fail loudly.
const intOption = (raw: string | undefined, name: string, bounds: { min: number; max: number }, fallback: number) => wholeNumber(raw, name, bounds, fallback);

/** `--costs`: a subset of the kinds in the page's order, or `none`. */
function costsOption(raw: string | undefined): CostKind[] {
  if (raw === undefined) return [...COST_KINDS];
  const listed = raw.split(',').map((s) => s.trim()).filter(Boolean);
  if (listed.length === 1 && listed[0] === 'none') return [];
  const unknown = listed.filter((k) => !(COST_KINDS as readonly string[]).includes(k));
  if (unknown.length > 0 || listed.length === 0) {
    throw new Error(`--costs: unknown "${unknown.join(',')}"; pick from ${COST_KINDS.join(',')}, or none alone`);
  }
  return COST_KINDS.filter((k) => listed.includes(k));
}

/** `--sweep`: distinct whole intervals within the polling bounds, sorted as the page sorts them. */
function sweepIntervalsOption(raw: string | undefined): number[] {
  if (raw === undefined) return [...CLI_SWEEP_DEFAULTS.intervalsMs];
  const listed = raw.split(',').map((s) => s.trim());
  const values = listed.map((x) => intOption(x, 'sweep', B.pollIntervalMs, 0));
  if (new Set(values).size !== values.length) throw new Error(`--sweep lists an interval twice: "${raw}"`);
  const { min, max } = SWEEP_BOUNDS.intervals;
  if (values.length < min || values.length > max) throw new Error(`--sweep wants ${min}-${max} intervals, got ${values.length}`);
  // The page decodes the URL into ascending order; asking in that order keeps the two equal.
  return values.sort((a, b) => a - b);
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
      costs: { type: 'string' },
      'idle-seconds': { type: 'string' },
      sweep: { type: 'string' },
      'sweep-messages': { type: 'string' },
      lang: { type: 'string', default: DEFAULT_LOCALE },
      budget: { type: 'string' },
      repeat: { type: 'string' },
    },
  });
  if (values.help) return 'help';
  const lang = values.lang;
  if (!isLocale(lang)) throw new Error(`--lang: unknown "${lang}"; pick from ${Object.keys(CATALOGUES).join(', ')}`);
  const costs = costsOption(values.costs);
  // A knob for a measurement that will not run is a mistake worth saying, not ignoring.
  if (values['idle-seconds'] !== undefined && !costs.includes('idle')) throw new Error('--idle-seconds needs idle in --costs');
  for (const knob of ['sweep', 'sweep-messages'] as const) {
    if (values[knob] !== undefined && !costs.includes('sweep')) throw new Error(`--${knob} needs sweep in --costs`);
  }
  const idleSeconds = intOption(values['idle-seconds'], 'idle-seconds', IDLE_SECONDS, IDLE_SECONDS.default);
  if (values.isolate && values['no-isolate']) throw new Error('--isolate and --no-isolate exclude each other');
  let transports = [...D.transports];
  if (values.transports !== undefined) {
    const listed = parseLaneList(values.transports);
    if ('unknown' in listed) throw new Error(`--transports: unknown "${listed.unknown}"; pick from ${LANE_IDS.join(',')}`);
    if (listed.lanes.length === 0) throw new Error(`--transports: empty; pick from ${LANE_IDS.join(',')}`);
    // The page lists lanes in canonical order; so does the URL encoder.
    transports = LANE_IDS.filter((id) => listed.lanes.includes(id));
  }
  const messages = intOption(values.messages, 'messages', B.messages, D.messages);
  const sweep = costs.includes('sweep')
    ? {
        intervalsMs: sweepIntervalsOption(values.sweep),
        messages: intOption(values['sweep-messages'], 'sweep-messages', SWEEP_BOUNDS.messages, CLI_SWEEP_DEFAULTS.messages),
      }
    : undefined;
  const parsed = scenarioSchema.safeParse({
    messages,
    ratePerSec: intOption(values.rate, 'rate', B.ratePerSec, D.ratePerSec),
    sizeBytes: intOption(values.size, 'size', B.sizeBytes, D.sizeBytes),
    pollIntervalMs: intOption(values['poll-interval'], 'poll-interval', B.pollIntervalMs, D.pollIntervalMs),
    transports,
    isolate: values['no-isolate'] ? false : (values.isolate ?? D.isolate),
    // The default warm-up would swallow a tiny run: keep it below the message count.
    warmup: intOption(values.warmup, 'warmup', B.warmup, Math.min(D.warmup, Math.floor(messages / 4))),
    // Only with a sweep: without one the page URL stays exactly what it was before costs existed.
    ...(sweep ? { sweep } : {}),
  });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
  const scenario = parsed.data;
  const repeat = wholeNumber(values.repeat, 'repeat', REPEAT_BOUNDS, 1);
  let timeoutSec = Math.ceil(repeat * 2 * (sendingSeconds(scenario) + costSeconds(costs, scenario, idleSeconds)) + 60);
  if (values.timeout !== undefined) timeoutSec = wholeNumber(values.timeout, 'timeout', { min: 1 }, timeoutSec);
  let baseUrl = values['base-url'];
  if (baseUrl !== undefined) {
    const url = new URL(baseUrl); // throws on a malformed URL, which is the message we want
    baseUrl = url.origin;
  }
  let budget: CompareOptions['budget'];
  if (values.budget !== undefined) {
    let text: string;
    try {
      text = readFileSync(values.budget, 'utf8');
    } catch (err) {
      throw new Error(`--budget: cannot read ${values.budget} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    const limits = parseBudget(text, `--budget ${values.budget}`);
    // Checked before anything runs: a budget the run cannot measure would fail after minutes, or pass on nothing.
    const problems = budgetProblems(limits, scenario.transports, costs);
    if (problems.length > 0) throw new Error(`--budget ${values.budget}: ${problems.join('; ')}`);
    budget = { source: values.budget, limits };
  }
  return { scenario, costs, idleSeconds, baseUrl, outDir: values.out, timeoutSec, chromiumPath: env.CHROMIUM_PATH ?? '/usr/bin/chromium', lang, repeat, ...(budget ? { budget } : {}) };
}

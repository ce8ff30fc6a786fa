/**
 * The strings of `npm run compare`'s report.html (part of `Messages`). The report is written by
 * the CLI, not rendered in a request, so `--lang` picks the catalogue.
 */

/** A chart's accessible name and axis labels. */
export interface ChartText {
  title: string;
  xLabel: string;
  yLabel: string;
}

export interface ReportMessages {
  /** `<title>`; `startedAt` is the run's ISO start time. */
  title: (startedAt: string) => string;
  heading: string;
  intro: string;
  facts: {
    started: string;
    startedValue: (startedAt: string, seconds: string) => string;
    scenario: string;
    /** Everything but the query, which follows in `<code>`. */
    scenarioValue: (s: { messages: string; ratePerSec: string; sizeBytes: string; pollIntervalMs: string; warmup: string; isolate: boolean }) => string;
    page: string;
    machine: string;
    machineValue: (m: { cpuModel: string; cpus: string; memMiB: string; os: string; load: string; node: string; chromium: string }) => string;
  };
  serverErrors: (summary: string) => string;
  /** Column heads shared by several tables. */
  columns: {
    transport: string;
    receiver: string;
    samples: string;
    deliveredOfExpected: string;
    delivered: string;
    expected: string;
    /** A latency column: `p50` → "p50 ms". */
    ms: (name: string) => string;
    mean: string;
    max: string;
    bytesIn: string;
    bytesOut: string;
    requests: string;
    bytesInPerMessage: string;
    bytesOutPerMessage: string;
    requestsPerMessage: string;
    bytesInPerMin: string;
    bytesOutPerMin: string;
    requestsPerMin: string;
    clients: string;
    idleWindowMs: string;
  };
  summary: { heading: string; caption: string };
  roundTrip: {
    heading: string;
    percentiles: Omit<ChartText, 'xLabel'>;
    cdf: ChartText;
    intended: string;
    actual: string;
    server: string;
  };
  overTime: { heading: string; chart: ChartText };
  fanout: { heading: string; caption: string };
  wire: {
    heading: string;
    chart: Omit<ChartText, 'xLabel'>;
    isolate: string;
    sideBySide: string;
  };
  pollRequest: { caption: string; row: string };
  idle: {
    heading: string;
    help: (p: { requestedSeconds: string; elapsedSeconds: string; pollIntervalMs: string }) => string;
    bytesChart: Omit<ChartText, 'xLabel'>;
    requestsChart: Omit<ChartText, 'xLabel'>;
    caption: string;
  };
  connect: {
    heading: string;
    /** Everything around the namespace, which is shown in `<code>`. */
    help: { before: string; after: string };
    chart: Omit<ChartText, 'xLabel'>;
    caption: string;
    msToWelcome: string;
    timelineHeading: string;
    idleBytesInPerSec: string;
    idleBytesOutPerSec: string;
    idleRequestsPerSec: string;
  };
  sweep: {
    heading: string;
    help: (messages: string) => string;
    latencyChart: ChartText;
    bytesChart: ChartText;
    theory: string;
    measuredMean: string;
    measuredP50: string;
    caption: string;
    intervalMs: string;
    receivedOfSent: string;
    theoryMs: string;
    pollRequestMs: string;
    pollCycleMs: string;
  };
}

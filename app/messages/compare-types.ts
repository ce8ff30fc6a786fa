/** The Compare view's strings (part of `Messages`). */

export interface CompareMessages {
  nav: { label: string; chat: string; compare: string };
  heading: string;
  intro: string;
  form: {
    legend: string;
    messages: string;
    ratePerSec: string;
    sizeBytes: string;
    pollIntervalMs: string;
    warmup: string;
    transports: string;
    variants: string;
    /** Why no more held-request variants can be picked. */
    heldLimit: (max: number) => string;
    mode: string;
    isolate: string;
    sideBySide: string;
    modeHelp: string;
    run: string;
    cancel: string;
    /** The lanes' labels. */
    waiting: (lanes: string[]) => string;
  };
  progress: {
    label: string;
    phase: (phase: number, phases: number, sending: string[]) => string;
    done: (seconds: number) => string;
    cancelled: string;
    failed: (reason: string) => string;
  };
  sections: {
    latency: string;
    latencyHelp: string;
    cdf: string;
    cdfHelp: string;
    timeline: string;
    timelineHelp: string;
    delivery: string;
    deliveryHelp: string;
    wire: string;
    wireHelp: (exact: boolean) => string;
  };
  columns: {
    transport: string;
    samples: string;
    mean: string;
    p50: string;
    p90: string;
    p95: string;
    p99: string;
    max: string;
    rawP50: string;
    serverP50: string;
    delivered: string;
    percentile: string;
    first: string;
    last: string;
    bytesIn: string;
    bytesOut: string;
    requests: string;
    latency: string;
    sentAt: string;
  };
  units: { ms: string; bytesPerMessage: string; requestsPerMessage: string };
  pollRequest: (meanMs: number, count: number) => string;
  serverErrors: (summary: string) => string;
  exportJson: string;
  exportCsv: string;
  /** Bytes per message split by layer (a results section). */
  layers: {
    title: string;
    help: (exact: boolean) => string;
    names: Record<'payload' | 'framing' | 'http' | 'keepalive', string>;
    direction: { in: string; out: string };
    total: string;
    keepaliveRequests: string;
    missing: string;
  };
  /** Status line of a cost measurement. */
  task: {
    running: (done: number, total: number) => string;
    done: string;
    cancelled: string;
    failed: (reason: string) => string;
    cancel: string;
  };
  idle: {
    title: string;
    help: (seconds: number, pollIntervalMs: number) => string;
    seconds: string;
    measure: string;
    bytesInPerMin: string;
    bytesOutPerMin: string;
    requestsPerMin: string;
    clients: string;
    unitBytes: string;
    measured: (seconds: number) => string;
  };
  connect: {
    title: string;
    help: (ns: string) => string;
    measure: string;
    ms: string;
    idleBytesInPerSec: string;
    idleBytesOutPerSec: string;
    idleRequestsPerSec: string;
    unitBytes: string;
    timelineHeading: string;
    timelineHelp: string;
  };
  sweep: {
    title: string;
    help: string;
    intervals: string;
    intervalsHelp: string;
    messages: string;
    run: string;
    interval: string;
    measuredMean: string;
    measuredP50: string;
    theory: string;
    pollRequest: string;
    pollCycle: string;
    received: string;
    bytesPerMin: string;
    latencyChart: string;
    bytesChart: string;
  };
  /** Heading over the idle, connect and sweep sections. */
  costsHeading: string;
}

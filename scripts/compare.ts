/**
 * `npm run compare`: the /compare benchmark, headless, then the page's cost measurements (idle,
 * connect, polling sweep). Drives the real page in Chromium, takes the page's own exports and
 * writes report.json, report.csv, report.html and charts.png.
 * Progress on stderr, the tables on stdout. Exit codes (scripts/cli-numbers.ts): 0 done, 1 error, 2 timeout, 3 copies missing,
 * 4 a `--budget` limit missed (then budget-junit.xml and budget.md say which).
 */
import { SingleBar } from 'cli-progress';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { checkBudget, describeCheck, type BudgetCheck } from './compare/budget';
import { budgetJunit, budgetMarkdown } from './compare/budget-reports';
import { buildReport, formatTable, missingDeliveries, type CompareReport } from './compare/compare-report';
import { formatRepeatTable, summarizeRepeats, type RepeatSummary } from './compare/repeat-summary';
import { COST_CONTROLS } from './compare/cost-plan';
import { collectCosts, joinCsv, missingSweepReplies } from './compare/cost-report';
import { formatCostTables } from './compare/cost-tables';
import { renderHtmlReport } from './compare/html-report';
import { EXIT } from './cli-numbers';
import { CATALOGUES } from '../app/messages/catalogues';
import { parseCompareArgs, USAGE, type CompareOptions } from './compare/options';
import { runOnComparePage, type PageProgress } from './compare/page-run';
import { startProductionServer } from './compare/production-server';
import { encodeScenario } from '../measure/scenario';

const ROOT = resolve(__dirname, '..');

/** The files a run writes, by name inside the output folder. */
export const OUTPUT_FILES = { json: 'report.json', csv: 'report.csv', html: 'report.html', png: 'charts.png' } as const;

/** With `--repeat`: the median and min–max of every figure over the runs. */
export const REPEAT_FILE = 'repeat.json';

/** The files `--budget` adds: JUnit XML for CI test reporters, Markdown for a job summary. */
export const BUDGET_FILES = { junit: 'budget-junit.xml', markdown: 'budget.md' } as const;

/** Closers for whatever is running, so the deadline can stop the browser and the server too. */
const cleanups: (() => Promise<void>)[] = [];
/** Set at the deadline: closing the browser then fails the run, which must still exit 2, not 1. */
let timedOut = false;
const TIMEOUT_EXIT = EXIT.timeout;

async function cleanUp(): Promise<void> {
  // Newest first: the browser before the server it talks to.
  for (const close of cleanups.splice(0).reverse()) await close().catch(() => undefined);
}

/** A clear message for a wrong --base-url, instead of a browser's navigation error. */
async function assertHealthy(baseUrl: string): Promise<void> {
  const status = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(5000) }).then(
    (res) => String(res.status),
    (err: Error) => err.message,
  );
  if (status !== '200') throw new Error(`no healthy Lab server at ${baseUrl} (GET /healthz: ${status}); drop --base-url to let the CLI start one`);
}

/**
 * Runs one comparison and writes its files.
 * @param log progress lines (stderr in the CLI)
 * @returns each run's report as written to its report.json, the --repeat summary, the budget checks
 */
export async function runCompare(
  options: CompareOptions,
  log: (line: string) => void,
): Promise<{ reports: CompareReport[]; summary: RepeatSummary | undefined; checks: BudgetCheck[] }> {
  const started = performance.now();
  let baseUrl = options.baseUrl;
  if (!baseUrl) {
    log('starting the production server (node dist/server/index.js) …');
    const server = await startProductionServer(ROOT);
    cleanups.push(() => server.stop());
    baseUrl = server.baseUrl;
  } else {
    await assertHealthy(baseUrl);
  }
  log(`running /compare?${encodeScenario(options.scenario)} on ${baseUrl} in ${options.chromiumPath}`);
  if (options.costs.length > 0) log(`then on the same page: ${options.costs.map((k) => COST_CONTROLS[k].label).join(', ')}`);
  // A bar on a terminal; plain lines in CI logs (cli-progress draws nothing without a TTY).
  const tty = process.stderr.isTTY === true;
  const bar = new SingleBar({ format: 'compare [{bar}] {percentage}% | {phase}: {status}', hideCursor: true, stream: process.stderr }, undefined);
  let lastLine = '';
  const onProgress = ({ phase, fraction, text }: PageProgress) => {
    // The benchmark and each cost measurement fill the bar in turn, under their own name.
    const name = phase === 'messages' ? 'benchmark' : COST_CONTROLS[phase].label;
    if (tty) return bar.update(Math.round(fraction * 100), { phase: name, status: text });
    // In a log, one line per phase and per tenth of it is plenty.
    const line = `${name}: ${Math.floor(fraction * 10) * 10}% ${text}`;
    if (line !== lastLine) log((lastLine = line));
  };
  const out = resolve(options.outDir);
  const reports: CompareReport[] = [];
  const reportPaths: string[] = [];
  for (let run = 1; run <= options.repeat; run++) {
    if (options.repeat > 1) log(`run ${run} of ${options.repeat}`);
    // One run's files in the output folder itself; with --repeat, each run's in run-N/.
    const dir = options.repeat > 1 ? join(out, `run-${run}`) : out;
    reports.push(await runOnce(options, baseUrl, dir, tty ? bar : undefined, onProgress));
    reportPaths.push(join(options.repeat > 1 ? `run-${run}` : '.', OUTPUT_FILES.json));
  }
  let summary: RepeatSummary | undefined;
  if (options.repeat > 1) {
    summary = summarizeRepeats(reports, reportPaths);
    await writeFile(join(out, REPEAT_FILE), `${JSON.stringify(summary, null, 2)}\n`);
  }
  let checks: BudgetCheck[] = [];
  if (options.budget) {
    checks = checkBudget(options.budget.limits, reports);
    const last = reports.at(-1)!;
    const info = { source: options.budget.source, pageUrl: last.pageUrl, seconds: (performance.now() - started) / 1000, timestamp: last.createdAt };
    await writeFile(join(out, BUDGET_FILES.junit), budgetJunit(checks, info));
    await writeFile(join(out, BUDGET_FILES.markdown), budgetMarkdown(checks, info));
  }
  return { reports, summary, checks };
}

/** One run on a fresh page: the page's exports into `dir` as report.json, .csv, .html and charts.png. */
async function runOnce(options: CompareOptions, baseUrl: string, dir: string, bar: SingleBar | undefined, onProgress: (p: PageProgress) => void): Promise<CompareReport> {
  bar?.start(100, 0, { phase: 'benchmark', status: 'connecting' });
  let page;
  try {
    page = await runOnComparePage(
      baseUrl,
      { scenario: options.scenario, costs: options.costs, idleSeconds: options.idleSeconds, lang: options.lang },
      options.chromiumPath,
      onProgress,
      (close) => cleanups.push(close),
    );
  } finally {
    bar?.stop();
  }
  const costs = collectCosts(page.costs, { idleSeconds: options.idleSeconds, sweep: options.scenario.sweep });
  const report = buildReport(
    options.scenario,
    page.json,
    { pageUrl: page.pageUrl, browserVersion: page.browserVersion, serverStartedByCli: !options.baseUrl },
    costs,
  );
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, OUTPUT_FILES.json), `${JSON.stringify(report, null, 2)}\n`);
  // The page's own CSV downloads, byte for byte but for the cost exports' repeated header rows:
  // the CLI adds no figures of its own.
  await writeFile(join(dir, OUTPUT_FILES.csv), joinCsv([page.csv, ...page.costs.map((c) => c.csv)]));
  await writeFile(join(dir, OUTPUT_FILES.html), renderHtmlReport(report, CATALOGUES[options.lang]));
  await writeFile(join(dir, OUTPUT_FILES.png), page.screenshot);
  return report;
}

async function main(): Promise<number> {
  let options: CompareOptions | 'help';
  try {
    options = parseCompareArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`compare: ${(err as Error).message}\n\n${USAGE}`);
    return EXIT.error;
  }
  if (options === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const { timeoutSec } = options;
  // Bounded in time whatever happens: a stuck page or server must fail, not hang a CI job.
  const deadline = setTimeout(() => {
    timedOut = true;
    process.stderr.write(`\ncompare: timed out after ${timeoutSec} s\n`);
    void cleanUp().finally(() => process.exit(TIMEOUT_EXIT));
  }, timeoutSec * 1000);
  deadline.unref();
  const log = (line: string) => process.stderr.write(`[compare ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
  try {
    const { reports, summary, checks } = await runCompare(options, log);
    for (const [i, report] of reports.entries()) {
      if (reports.length > 1) process.stdout.write(`run ${i + 1} of ${reports.length}\n`);
      process.stdout.write(`${formatTable(report.result)}\n\n`);
      const costTables = formatCostTables(report.costs);
      if (costTables) process.stdout.write(`${costTables}\n\n`);
    }
    if (summary) process.stdout.write(`${formatRepeatTable(summary)}\n\n`);
    const files = [...Object.values(OUTPUT_FILES)].flatMap((f) => (reports.length > 1 ? reports.map((_, i) => join(`run-${i + 1}`, f)) : [f]));
    const written = [...files, ...(summary ? [REPEAT_FILE] : []), ...(options.budget ? Object.values(BUDGET_FILES) : [])];
    process.stdout.write(`wrote ${written.map((f) => join(options.outDir, f)).join(', ')}\n`);
    const missing = reports.flatMap((report, i) =>
      [...missingDeliveries(report.result), ...missingSweepReplies(report.costs.sweep)].map((m) => (reports.length > 1 ? `run ${i + 1}: ${m}` : m)),
    );
    if (missing.length > 0) {
      process.stderr.write(`compare: not every copy arrived (${missing.join(', ')}); the reports show what did\n`);
      return EXIT.incomplete;
    }
    if (options.budget) {
      const missed = checks.filter((c) => !c.passed);
      if (missed.length > 0) {
        process.stderr.write(`compare: ${missed.length} of ${checks.length} budgets missed:\n${missed.map((c) => `  ${describeCheck(c)}`).join('\n')}\n`);
        return EXIT.budgetMissed;
      }
      process.stdout.write(`all ${checks.length} budgets met (${options.budget.source})\n`);
    }
    return EXIT.ok;
  } finally {
    clearTimeout(deadline);
    await cleanUp();
  }
}

if (require.main === module) {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void cleanUp().finally(() => process.exit(1)));
  }
  main().then(
    (code) => process.exit(timedOut ? TIMEOUT_EXIT : code),
    (err: Error) => {
      if (!timedOut) process.stderr.write(`compare failed: ${err.message}\n`);
      void cleanUp().finally(() => process.exit(timedOut ? TIMEOUT_EXIT : 1));
    },
  );
}

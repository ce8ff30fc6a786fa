/**
 * The budget checks in the two forms CI systems show: JUnit XML (one test case per lane ×
 * figure, a `<failure>` with measured vs limit; Jenkins, GitLab and GitHub's test reporters read
 * it) and a Markdown table (for a job summary, e.g. `$GITHUB_STEP_SUMMARY`).
 */
import { XMLBuilder } from 'fast-xml-parser';
import { describeCheck, type BudgetCheck } from './budget';

/** Where the checks came from, for the reports' headers. */
export interface BudgetRunInfo {
  /** The budget file as given. */
  source: string;
  /** The page URL the scenario ran as. */
  pageUrl: string;
  /** Seconds the whole compare took. */
  seconds: number;
  /** ISO time the report was written. */
  timestamp: string;
}

const sign = (c: BudgetCheck) => (c.bound === 'max' ? '≤' : '≥');

/**
 * The JUnit XML document. fast-xml-parser builds it, so every text and attribute is escaped.
 */
export function budgetJunit(checks: BudgetCheck[], info: BudgetRunInfo): string {
  const failures = checks.filter((c) => !c.passed).length;
  const testcases = checks.map((c) => ({
    '@_classname': `transport-lab.compare.${c.lane}`,
    '@_name': `${c.figure} ${sign(c)} ${c.limit} ${c.unit}`,
    '@_time': '0',
    ...(c.passed ? {} : { failure: { '@_type': 'budget', '@_message': describeCheck(c), '#text': describeCheck(c) } }),
    'system-out': describeCheck(c),
  }));
  const doc = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuites: {
      '@_name': 'transport-lab compare budgets',
      '@_tests': String(checks.length),
      '@_failures': String(failures),
      '@_time': info.seconds.toFixed(3),
      testsuite: {
        '@_name': `budget ${info.source}`,
        '@_tests': String(checks.length),
        '@_failures': String(failures),
        '@_errors': '0',
        '@_skipped': '0',
        '@_time': info.seconds.toFixed(3),
        '@_timestamp': info.timestamp,
        properties: { property: [{ '@_name': 'pageUrl', '@_value': info.pageUrl }] },
        testcase: testcases,
      },
    },
  };
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true, processEntities: true });
  return builder.build(doc) as string;
}

/** Escapes what would break a Markdown table cell. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The Markdown summary: a verdict line and one row per check. */
export function budgetMarkdown(checks: BudgetCheck[], info: BudgetRunInfo): string {
  const failed = checks.filter((c) => !c.passed);
  const verdict = failed.length === 0 ? `**All ${checks.length} budgets met.**` : `**${failed.length} of ${checks.length} budgets missed.**`;
  const rows = checks.map((c) =>
    `| ${c.passed ? '✅' : '❌'} | ${cell(c.lane)} | ${cell(c.figure)} | ${c.measured === null ? 'not measured' : `${c.measured} ${c.unit}`} | ${sign(c)} ${c.limit} ${c.unit} |`,
  );
  return [
    `## Transport Lab compare: budget \`${cell(info.source)}\``,
    '',
    verdict,
    '',
    '| | lane | figure | measured | limit |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    `Scenario: \`${cell(info.pageUrl)}\`. Every figure is what the page measured in this run.`,
    '',
  ].join('\n');
}

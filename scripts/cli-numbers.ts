/**
 * What our command-line tools (`compare`, `bench`, `load`, `cluster`) share: one strict reader of
 * whole-number options, one reading of the options (help, errors), and one set of exit codes.
 */

/** Exit codes of every CLI of ours. */
export const EXIT = {
  /** Done; every result complete. */
  ok: 0,
  /** An error, bad options included (the message says which). */
  error: 1,
  /** The tool's own deadline passed (`--timeout`, `--max-seconds`). */
  timeout: 2,
  /** Done, but the results are incomplete: messages or copies missing, connections failed. */
  incomplete: 3,
  /**
   * Done and complete, but a `--budget` limit was missed (compare only). Not 1: a CI job can then
   * tell "the transport got worse" from "the tool could not run".
   */
  budgetMissed: 4,
} as const;

/** The `--help` line for the exit codes; `incomplete` says what incomplete means for that tool. */
export function exitCodesHelp(incomplete: string): string {
  return `Exit codes: ${EXIT.ok} done; ${EXIT.error} error (bad options included); ${EXIT.timeout} timed out; ${EXIT.incomplete} ${incomplete}.`;
}

/**
 * A whole-number option: digits only (no sign, spaces, exponent, hex or decimals), within
 * `min`–`max`. Strict on purpose: a typo on a command line must fail loudly, not become NaN or 0.
 * @returns `fallback` when the option was not given
 * @throws Error naming the option, its bounds and what was given
 */
export function wholeNumber(raw: string | undefined, name: string, bounds: { min: number; max?: number }, fallback: number): number {
  if (raw === undefined) return fallback;
  const { min, max = Number.MAX_SAFE_INTEGER } = bounds;
  if (!/^\d+$/.test(raw)) throw new Error(`--${name} wants a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new Error(`--${name} must be within ${min}-${max === Number.MAX_SAFE_INTEGER ? '…' : max}, got ${value}`);
  return value;
}

/**
 * Reads a CLI's options, or ends the reading: `--help` prints `help` (exit 0), a bad option is
 * named above `help` on stderr (exit 1).
 * @returns the options, or the exit code to return at once
 */
export function readOptions<T extends object>(tool: string, help: string, parse: (argv: string[]) => T | 'help', argv = process.argv.slice(2)): T | number {
  let options: T | 'help';
  try {
    options = parse(argv);
  } catch (err) {
    console.error(`${tool}: ${(err as Error).message}\n\n${help}`);
    return EXIT.error;
  }
  if (options !== 'help') return options;
  console.log(help);
  return EXIT.ok;
}

/**
 * SIGTERM/SIGINT handling shared by every entry point (server/index.ts, the headless server of
 * scripts/load): the first signal runs the orderly stop within a time limit, then exits 0; a
 * second signal, a stop that fails, or one that outlives the limit exits 1 at once.
 */

export interface ShutdownSignalOptions {
  /** The orderly stop: stop accepting, tell clients, close transports, save, close the rest. */
  stop: () => Promise<void>;
  /** Longest the orderly stop may take, ms, before the process exits anyway. */
  timeoutMs: number;
  /** Where progress lines go (default: stderr, so stdout stays machine-readable for server-main). */
  log?: (line: string) => void;
  /** Ends the process (tests inject a fake). */
  exit?: (code: number) => never | void;
  /** Where signals come from (tests inject an emitter). */
  signals?: Pick<NodeJS.Process, 'on'>;
}

/** Installs the handlers. */
export function exitOnShutdownSignals(options: ShutdownSignalOptions): void {
  const log = options.log ?? ((line: string) => console.error(line));
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const source = options.signals ?? process;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  const onSignal = (signal: string) => {
    if (stopping) {
      // An operator pressing Ctrl-C twice wants out now, whatever is still closing.
      log(`${signal} again: exiting without waiting`);
      clearTimeout(timer);
      return void exit(1);
    }
    stopping = true;
    log(`${signal}: shutting down (at most ${options.timeoutMs} ms)`);
    // Not unref'd: this timer is what ends a shutdown that hangs.
    timer = setTimeout(() => {
      log(`shutdown took longer than ${options.timeoutMs} ms: exiting anyway`);
      exit(1);
    }, options.timeoutMs);
    options.stop().then(
      () => {
        clearTimeout(timer);
        log('shut down cleanly');
        exit(0);
      },
      (err: Error) => {
        clearTimeout(timer);
        log(`shutdown failed: ${err.message}`);
        exit(1);
      },
    );
  };
  source.on('SIGTERM', () => onSignal('SIGTERM'));
  source.on('SIGINT', () => onSignal('SIGINT'));
}

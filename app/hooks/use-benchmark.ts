import { useCallback, useEffect, useRef, useState } from 'react';
import type { BenchmarkProgress, BenchmarkResult } from '../../measure/benchmark-result';
import { runBenchmark, type BenchmarkDeps } from '../../measure/benchmark-runner';
import type { Scenario } from '../../measure/scenario';
import { readWire } from '../lib/read-wire';

/** Where a run stands. */
export type BenchmarkState =
  | { status: 'idle' }
  | { status: 'running'; progress: BenchmarkProgress | null }
  | { status: 'done'; result: BenchmarkResult }
  | { status: 'cancelled' }
  | { status: 'failed'; reason: string };

/** Progress redraws at most this often: a repaint per copy would disturb what it measures. */
const PROGRESS_EVERY_MS = 100;

/**
 * Runs benchmarks on the page's clock and keeps the latest outcome. `cancel()` aborts a run;
 * unmounting does too.
 */
export function useBenchmark(): {
  state: BenchmarkState;
  run: (scenario: Scenario, deps: Pick<BenchmarkDeps, 'clients' | 'pollTimer'>) => void;
  cancel: () => void;
} {
  const [state, setState] = useState<BenchmarkState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback((scenario: Scenario, deps: Pick<BenchmarkDeps, 'clients' | 'pollTimer'>) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    let lastDraw = 0;
    setState({ status: 'running', progress: null });
    runBenchmark(scenario, {
      ...deps,
      readWire,
      now: () => performance.now(),
      signal: abort.signal,
      onProgress: (progress) => {
        const t = performance.now();
        if (t - lastDraw < PROGRESS_EVERY_MS && progress.fraction < 1) return;
        lastDraw = t;
        setState({ status: 'running', progress });
      },
    })
      .then((result) => {
        if (!abort.signal.aborted) setState({ status: 'done', result });
      })
      .catch((err: Error) => {
        setState(err.name === 'AbortError' ? { status: 'cancelled' } : { status: 'failed', reason: err.message });
      });
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { state, run, cancel };
}

import { useCallback, useEffect, useRef, useState } from 'react';

/** Where a cost measurement stands; `progress` is done/total steps while running. */
export type TaskState<T> =
  | { status: 'idle' }
  | { status: 'running'; done: number; total: number }
  | { status: 'done'; result: T }
  | { status: 'cancelled' }
  | { status: 'failed'; reason: string };

/** What a task gets: a signal that cancels it and a progress callback. */
export interface TaskContext {
  signal: AbortSignal;
  progress: (done: number, total: number) => void;
}

/**
 * Runs one cancellable async measurement at a time and keeps its latest outcome (idle cost,
 * connect cost, polling sweep). Unmounting cancels it.
 */
export function useTask<T>(): {
  state: TaskState<T>;
  run: (task: (ctx: TaskContext) => Promise<T>) => void;
  cancel: () => void;
} {
  const [state, setState] = useState<TaskState<T>>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);
  const run = useCallback((task: (ctx: TaskContext) => Promise<T>) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState({ status: 'running', done: 0, total: 0 });
    const progress = (done: number, total: number) => {
      if (!abort.signal.aborted) setState({ status: 'running', done, total });
    };
    task({ signal: abort.signal, progress })
      .then((result) => {
        if (!abort.signal.aborted) setState({ status: 'done', result });
      })
      .catch((err: Error) => setState(err.name === 'AbortError' ? { status: 'cancelled' } : { status: 'failed', reason: err.message }));
  }, []);
  const cancel = useCallback(() => controller.current?.abort(), []);
  return { state, run, cancel };
}

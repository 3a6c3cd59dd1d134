import { useCallback, useEffect, useRef, useState } from 'react';

/** Anything running longer than this shows a progress bar with a Cancel button. */
export const SLOW_TASK_MS = 1000;

export type TaskState =
  | { status: 'idle' }
  | { status: 'running'; label: string; slow: boolean; progress?: number }
  | { status: 'error'; error: unknown }
  | { status: 'cancelled' };

export interface TaskContext {
  signal: AbortSignal;
  /** Updates the progress bar; fraction 0–1, or undefined for "working". */
  progress(fraction?: number): void;
  /** Lets React paint (progress, Cancel) between heavy steps, then stops if cancelled. */
  step(): Promise<void>;
}

export interface Task {
  state: TaskState;
  running: boolean;
  /** Runs fn unless a task is already running; resolves with fn's result, or undefined if it failed or was cancelled. */
  run<T>(label: string, fn: (ctx: TaskContext) => Promise<T>): Promise<T | undefined>;
  cancel(): void;
  clear(): void;
}

export function isAbort(e: unknown): boolean {
  const err = e as { name?: string; code?: string } | null;
  return err?.name === 'AbortError' || (err?.name === 'HostError' && err.code === 'aborted');
}

export function useTask(slowMs = SLOW_TASK_MS): Task {
  const [state, setState] = useState<TaskState>({ status: 'idle' });
  const controller = useRef<AbortController | undefined>(undefined);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      controller.current?.abort();
    };
  }, []);

  const run = useCallback(
    async <T>(label: string, fn: (ctx: TaskContext) => Promise<T>): Promise<T | undefined> => {
      if (controller.current) return undefined;
      const ctrl = new AbortController();
      controller.current = ctrl;
      const set = (s: TaskState | ((prev: TaskState) => TaskState)) => {
        if (mounted.current) setState(s);
      };
      set({ status: 'running', label, slow: false });
      const timer = setTimeout(() => set((s) => (s.status === 'running' ? { ...s, slow: true } : s)), slowMs);
      const ctx: TaskContext = {
        signal: ctrl.signal,
        progress: (fraction) => set((s) => (s.status === 'running' ? { ...s, progress: fraction } : s)),
        step: async () => {
          await new Promise((r) => setTimeout(r, 0));
          ctrl.signal.throwIfAborted();
        },
      };
      try {
        const result = await fn(ctx);
        ctrl.signal.throwIfAborted();
        set({ status: 'idle' });
        return result;
      } catch (e) {
        set(isAbort(e) || ctrl.signal.aborted ? { status: 'cancelled' } : { status: 'error', error: e });
        return undefined;
      } finally {
        clearTimeout(timer);
        controller.current = undefined;
      }
    },
    [slowMs],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  const clear = useCallback(() => setState((s) => (s.status === 'running' ? s : { status: 'idle' })), []);
  return { state, running: state.status === 'running', run, cancel, clear };
}

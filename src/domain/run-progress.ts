/**
 * Progress and cancellation for the long runs (ABC, bonuses) a task pane starts on big ranges:
 * every `every` rows the run reports how many it has taken, checks the signal and lets the event
 * loop run (so the UI can repaint and a Cancel click can land). Without a callback or a signal
 * the run never pauses: the CLI pays nothing for this.
 */

export interface RunProgressOptions {
  /** Called every `progressEvery` rows with the rows taken from the table so far (blank rows included), and once at the end of reading. */
  onProgress?: (rowsRead: number) => void;
  /** Aborting it makes the run throw an error named 'AbortError' at its next pause. */
  signal?: AbortSignal;
  /** Rows between pauses; default 10,000. */
  progressEvery?: number;
}

export const PROGRESS_EVERY = 10_000;

/** What a cancelled run throws (unless the signal's own reason already is an AbortError). */
export class AbortError extends Error {
  override name = 'AbortError';
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (!signal?.aborted) return;
  const reason: unknown = signal.reason;
  // The default reason is a DOMException named AbortError: thrown as it is. (Checked by name:
  // a DOMException from another realm is not an instance of this realm's Error.)
  if (typeof reason === 'object' && reason !== null && (reason as { name?: unknown }).name === 'AbortError') throw reason;
  throw new AbortError('The run was cancelled.', { cause: reason });
}

/** Counts rows; at every `every`th, `due()` says it is time to `pause()`. */
export class RowWatch {
  private taken = 0;
  private nextAt: number;
  private readonly every: number;

  constructor(private readonly options: RunProgressOptions) {
    this.every = Math.max(1, Math.floor(options.progressEvery ?? PROGRESS_EVERY));
    this.nextAt = this.every;
  }

  /** One more row taken; true when the run should pause now. */
  due(): boolean {
    return ++this.taken >= this.nextAt;
  }

  async pause(): Promise<void> {
    this.nextAt = this.taken + this.every;
    throwIfAborted(this.options.signal);
    this.options.onProgress?.(this.taken);
    // A macrotask, not a microtask: only that lets the browser paint and handle input.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    throwIfAborted(this.options.signal);
  }

  /** Reading is over: the last report, and the last chance to stop before the computation. */
  done(): void {
    throwIfAborted(this.options.signal);
    this.options.onProgress?.(this.taken);
  }
}

/** A watch when there is someone to report to or a signal to obey; undefined otherwise. */
export function watchRows(options: RunProgressOptions): RowWatch | undefined {
  throwIfAborted(options.signal);
  return options.onProgress || options.signal ? new RowWatch(options) : undefined;
}

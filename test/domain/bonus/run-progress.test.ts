import { runBonus } from '../../../src/domain/bonus/run';
import { Decimal } from '../../../src/domain/exact/decimal';
import { AbortError } from '../../../src/domain/run-progress';

const HEADERS = ['rep', 'contract', 'date', 'amount', 'currency', 'margin'];
const fx = { USD: new Decimal('7.1') };

/** n new-brand rows, counting how many the run has pulled. */
function table(n: number) {
  const pulled = { count: 0 };
  function* rows(): Generator<unknown[]> {
    for (let i = 0; i < n; i++) {
      pulled.count++;
      yield ['Li', `C${i % 500}`, '2026-01-05', String(5_000 + (i % 97)), 'USD', '12%'];
    }
  }
  return { pulled, rows };
}

const summary = (r: Awaited<ReturnType<typeof runBonus>>) => ({
  lines: r.lines.map((l) => [l.key, l.basis.toString(), l.bonus.toString(), l.reason]),
  rowsRead: r.rowsRead,
});

describe('runBonus: progress and cancellation', () => {
  test('reports every 10,000 rows and once at the end, with the same result as an unwatched run', async () => {
    const seen: number[] = [];
    const watched = await runBonus('new-brand', { headers: HEADERS, rows: table(25_000).rows() }, { fx, lang: 'en-US', onProgress: (n) => seen.push(n) });
    expect(seen).toEqual([10_000, 20_000, 25_000]);
    const plain = await runBonus('new-brand', { headers: HEADERS, rows: table(25_000).rows() }, { fx, lang: 'en-US' });
    expect(summary(watched)).toEqual(summary(plain));
    expect(watched.rowsRead).toBe(25_000);
  });

  test('batches are counted row by row; progressEvery sets the step', async () => {
    const { rows } = table(2_500);
    async function* batches() {
      let batch: { rowNumber: number; cells: unknown[] }[] = [];
      let n = 2;
      for (const cells of rows()) {
        batch.push({ rowNumber: n++, cells });
        if (batch.length === 700) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
    }
    const seen: number[] = [];
    const r = await runBonus('new-brand', { headers: HEADERS, batches: batches() }, { fx, lang: 'en-US', onProgress: (n) => seen.push(n), progressEvery: 1_000 });
    expect(seen).toEqual([1_000, 2_000, 2_500]);
    expect(r.rowsRead).toBe(2_500);
  });

  test('an aborted signal stops the run at its next pause with an AbortError; no result', async () => {
    const { pulled, rows } = table(1_000_000);
    const controller = new AbortController();
    const seen: number[] = [];
    const run = runBonus('new-brand', { headers: HEADERS, rows: rows() }, {
      fx,
      lang: 'en-US',
      signal: controller.signal,
      onProgress: (n) => {
        seen.push(n);
        if (n === 20_000) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    // Stopped right after the pause that saw the abort: not a row more was read.
    expect(seen).toEqual([10_000, 20_000]);
    expect(pulled.count).toBe(20_000);
  });

  test('a Cancel clicked while the run is paused lands before the next rows (the run yields to the event loop)', async () => {
    const { pulled, rows } = table(1_000_000);
    const controller = new AbortController();
    // A macrotask queued before the run: it can only run while the run pauses.
    setTimeout(() => controller.abort(), 0);
    await expect(runBonus('new-brand', { headers: HEADERS, rows: rows() }, { fx, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(pulled.count).toBe(10_000);
  });

  test('without a signal or a callback the run never pauses (the CLI pays nothing)', async () => {
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    const r = await runBonus('new-brand', { headers: HEADERS, rows: table(30_000).rows() }, { fx, lang: 'en-US' });
    expect(r.rowsRead).toBe(30_000);
    expect(timerRan).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(timerRan).toBe(true);
  });

  test('a signal aborted before the start: nothing is read', async () => {
    const { pulled, rows } = table(100);
    const reason = new Error('closed the pane');
    const controller = new AbortController();
    controller.abort(reason);
    const err = await runBonus('new-brand', { headers: HEADERS, rows: rows() }, { fx, signal: controller.signal }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbortError);
    expect(err).toMatchObject({ name: 'AbortError', cause: reason });
    expect(pulled.count).toBe(0);
  });

  test('the default abort reason (a DOMException named AbortError) is thrown as it is', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runBonus('new-brand', { headers: HEADERS, rows: table(10).rows() }, { fx, signal: controller.signal })).rejects.toBe(controller.signal.reason);
  });
});

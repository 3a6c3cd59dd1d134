import { runAbc, type AbcResult } from '../../../src/domain/abc/run';
import { AbortError } from '../../../src/domain/run-progress';

const HEADERS = ['Customer', 'Amount'];

/** n rows over 1,000 customers, counting how many the run has pulled. */
function table(n: number) {
  const pulled = { count: 0 };
  function* rows(): Generator<unknown[]> {
    for (let i = 0; i < n; i++) {
      pulled.count++;
      yield [`Customer ${i % 1000}`, `${(i % 389) + 1}.25`];
    }
  }
  return { pulled, rows };
}

const summary = (r: AbcResult) => ({
  customers: r.customers.map((c) => [c.customer, c.value.toString(), c.tier]),
  total: r.total.toString(),
  rowsRead: r.rowsRead,
});

describe('runAbc: progress and cancellation', () => {
  test('reports every 10,000 rows and once at the end, with the same result as an unwatched run', async () => {
    const seen: number[] = [];
    const watched = await runAbc({ headers: HEADERS, rows: table(25_000).rows() }, { onProgress: (n) => seen.push(n) });
    expect(seen).toEqual([10_000, 20_000, 25_000]);
    const plain = await runAbc({ headers: HEADERS, rows: table(25_000).rows() });
    expect(summary(watched)).toEqual(summary(plain));
    expect(watched.rowsRead).toBe(25_000);
  });

  test('batches and async rows are watched too; progressEvery sets the step', async () => {
    const { rows } = table(2_500);
    const all = [...rows()];
    const batches = function* () {
      for (let i = 0; i < all.length; i += 600) yield all.slice(i, i + 600).map((cells, k) => ({ rowNumber: i + k + 2, cells }));
    };
    const seen: number[] = [];
    const r = await runAbc({ headers: HEADERS, batches: batches() }, { onProgress: (n) => seen.push(n), progressEvery: 1_000 });
    expect(seen).toEqual([1_000, 2_000, 2_500]);
    expect(r.rowsRead).toBe(2_500);

    async function* asyncRows() {
      for (const cells of all) yield cells;
    }
    const seenAsync: number[] = [];
    const a = await runAbc({ headers: HEADERS, rows: asyncRows() }, { onProgress: (n) => seenAsync.push(n), progressEvery: 1_000 });
    expect(seenAsync).toEqual([1_000, 2_000, 2_500]);
    expect(summary(a)).toEqual(summary(r));
  });

  test('an aborted signal stops the run at its next pause with an AbortError', async () => {
    const { pulled, rows } = table(1_000_000);
    const controller = new AbortController();
    const run = runAbc({ headers: HEADERS, rows: rows() }, {
      signal: controller.signal,
      onProgress: (n) => {
        if (n === 30_000) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(pulled.count).toBe(30_000);
  });

  test('a Cancel clicked while the run is paused lands before the next rows (the run yields to the event loop)', async () => {
    const { pulled, rows } = table(1_000_000);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('user clicked Cancel')), 0);
    const err = await runAbc({ headers: HEADERS, rows: rows() }, { signal: controller.signal }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbortError);
    expect((err as AbortError).cause).toEqual(new Error('user clicked Cancel'));
    expect(pulled.count).toBe(10_000);
  });

  test('without a signal or a callback the run never pauses', async () => {
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    const r = await runAbc({ headers: HEADERS, rows: table(30_000).rows() });
    expect(r.rowsRead).toBe(30_000);
    expect(timerRan).toBe(false);
  });

  test('a signal aborted before the start: nothing is read', async () => {
    const { pulled, rows } = table(100);
    const controller = new AbortController();
    controller.abort();
    await expect(runAbc({ headers: HEADERS, rows: rows() }, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(pulled.count).toBe(0);
  });
});

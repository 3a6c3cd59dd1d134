import type { WorkbookHost } from '../../host/workbook-host';
import type { Lang } from '../../sheets/core/sheet-spec';
import type { AbcComputation } from './abc-service';

/**
 * The owner recorded with the n-th ABC result of the workbook (InsertOptions.owner): each run
 * keeps its own sheets, and its own defined names (ABC_, ABC2_ …).
 */
export const abcOwner = (run: number) => `abc:${run}`;

/** The run number of an ABC owner ("abc:2" → 2), undefined for any other owner. */
export function abcRunOf(owner: string): number | undefined {
  const m = /^abc:(\d+)$/.exec(owner);
  return m ? Number(m[1]) : undefined;
}

/**
 * The next run number: one above the highest still in the workbook (not the count of runs,
 * which would repeat run 2 once run 1's sheets are deleted and run 2's kept).
 */
export function nextAbcRun(owners: readonly string[]): number {
  return owners.reduce((max, o) => Math.max(max, abcRunOf(o) ?? 0), 0) + 1;
}

/**
 * Writes a computed ABC result as new sheets, recorded as the workbook's next ABC run: an
 * earlier result is never replaced, and each run's defined names stay apart (ABC_, ABC2_ …).
 * `beforeWrite` runs between building the sheets and writing them (the pane yields there).
 *
 * The run number comes from the sheets earlier runs recorded. When they cannot be listed the
 * write stops with that error, before anything is written: guessing "run 1" would give the new
 * sheets the first run's defined names (ABC_…) and owner, as if they were that run's.
 */
export async function writeAbcResult(
  host: WorkbookHost,
  computation: AbcComputation,
  lang: Lang,
  options: {
    signal?: AbortSignal;
    beforeWrite?: () => Promise<void>;
    onSettingsNotSaved?: (error: unknown) => void;
  } = {},
): Promise<string[]> {
  const owned = host.listOwnedSheets ? await host.listOwnedSheets() : [];
  const run = nextAbcRun(owned.map((o) => o.owner));
  const sheets = await computation.sheets(lang, run);
  await options.beforeWrite?.();
  return host.insertSheets(
    sheets,
    { activate: true, owner: abcOwner(run), onSettingsNotSaved: options.onSettingsNotSaved },
    options.signal,
  );
}

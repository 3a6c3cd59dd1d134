import type { WorkbookHost } from '../../host/workbook-host';
import type { Lang } from '../../sheets/core/sheet-spec';
import { abcOwner, isAbcOwner } from './owners';
import type { AbcComputation } from './types';

/**
 * Writes a computed ABC result as new sheets, recorded as the workbook's next ABC run: an
 * earlier result is never replaced, and each run's defined names stay apart (ABC_, ABC2_ …).
 * `beforeWrite` runs between building the sheets and writing them (the pane yields there).
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
  const owned = host.listOwnedSheets ? await host.listOwnedSheets().catch(() => []) : [];
  const run = new Set(owned.filter((o) => isAbcOwner(o.owner)).map((o) => o.owner)).size + 1;
  const sheets = await computation.sheets(lang, run);
  await options.beforeWrite?.();
  return host.insertSheets(
    sheets,
    { activate: true, owner: abcOwner(run), onSettingsNotSaved: options.onSettingsNotSaved },
    options.signal,
  );
}

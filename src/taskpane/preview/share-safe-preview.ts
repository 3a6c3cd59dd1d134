import type { ShareSafeCopyResult } from '../../host/workbook-host';
import { translator } from '../../i18n/define';
import messages from '../../i18n/share-safe';
import { personalContent, shareSafeSheet } from '../../sheets/sharing/share-safe';
import { withRowsAsCells } from '../../sheets/core/row-blocks';
import type { Lang, SheetSpec } from '../../sheets/core/sheet-spec';
import { cleanSheetName, uniqueSheetName } from '../../sheets/core/sheet-names';

/** One share-safe copy to add to the preview workbook, right after the sheet at `after`. */
export interface PlannedCopy {
  after: number;
  name: string;
  spec: SheetSpec;
}

/**
 * The preview workbook's share-safe copies, as the Excel host makes them: every generated
 * sheet whose personal ranges hold something gets a copy "<name> (share-safe)" with them
 * emptied (src/sheets/share-safe.ts); sheets already empty there are listed, not copied.
 */
export function planShareSafeCopies(
  sheets: readonly { kind: string; name: string; spec?: SheetSpec }[],
  lang: Lang,
): { copies: PlannedCopy[]; result: ShareSafeCopyResult } {
  const suffix = translator(messages, lang)('copySuffix');
  const taken = sheets.map((s) => s.name);
  const copies: PlannedCopy[] = [];
  const result: ShareSafeCopyResult = { copies: [], alreadySafe: [], notesUnchecked: false };
  sheets.forEach((s, i) => {
    if (!s.spec?.personalRanges?.length) return;
    // Personal data may sit in generated rows too: they are emptied like the other cells.
    const spec = withRowsAsCells(s.spec);
    const { cells, notes } = personalContent(spec);
    if (cells === 0 && notes === 0) {
      result.alreadySafe.push(s.name);
      return;
    }
    const name = uniqueSheetName(cleanSheetName(s.name).slice(0, 31 - suffix.length).trimEnd() + suffix, taken);
    taken.push(name);
    copies.push({ after: i, name, spec: { ...shareSafeSheet(spec, lang), name } });
    result.copies.push({ source: s.name, copy: name, cells, notes });
  });
  return { copies, result };
}

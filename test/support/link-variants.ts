/**
 * The three states a links test compares: the workbook as written (recalculated by LibreOffice),
 * after cells of its source sheet were typed over, and with the source sheet deleted — each
 * recalculated and read back. One LibreOffice start for the edits, one for the recalculation.
 */
import path from 'node:path';
import { readWorkbook, recalc, type SheetValues } from './libreoffice';
import { runEditJobs, type EditJob } from './lo-macro';

export interface LinkVariants {
  /** The file as written, saved again by LibreOffice after recalculating (for comparing cached values). */
  recalculated: string;
  fresh: SheetValues[];
  edited: SheetValues[];
  deleted: SheetValues[];
}

/** `set`: the cells typed into the edited copy; `sheet`: 0-based index of the source sheet deleted in the other. */
export async function linkVariants(book: string, set: NonNullable<EditJob['set']>, sheet: number): Promise<LinkVariants> {
  const dir = path.dirname(book);
  const [editedFile, deletedFile] = [path.join(dir, 'edited.xlsx'), path.join(dir, 'deleted.xlsx')];
  await runEditJobs([
    { input: book, output: editedFile, set },
    { input: book, output: deletedFile, deleteSheets: [sheet] },
  ]);
  const [recalculated] = await recalc([book]);
  const [fresh, edited, deleted] = await Promise.all([recalculated, editedFile, deletedFile].map((f) => readWorkbook(f)));
  return { recalculated, fresh, edited, deleted };
}

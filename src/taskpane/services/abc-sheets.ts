import { buildAbcSheets } from '../../sheets/abc/result-sheet';
import type { AbcSheetsBuilder } from './abc-service';

/** The ABC result sheets of src/sheets as the ABC service uses them. */
export const abcSheetsBuilder: AbcSheetsBuilder = (result, lang, namePrefix) =>
  buildAbcSheets(result, { lang, namePrefix });

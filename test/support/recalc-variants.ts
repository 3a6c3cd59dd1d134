/**
 * A template test's files, one per language and variant: written with cached values (IronCalc),
 * recalculated by LibreOffice in one run, read back, and each formula's stored value compared
 * with LibreOffice's.
 */
import path from 'node:path';
import type { SheetSpec } from '../../src/sheets/core/sheet-spec';
import { errorCells, readWorkbook, recalc, type SheetValues } from './libreoffice';
import { compareStored, readStoredFormulas, type Disagreement } from './stored-values';
import { writeSheets } from './template-files';

export interface Recalculated {
  /** LibreOffice's values by key. */
  results: Map<string, SheetValues[]>;
  /** Stored values that differ from LibreOffice's, with the key of their file. */
  disagreements: (Disagreement & { file: string })[];
}

export async function recalcVariants(dir: string, variants: Map<string, SheetSpec[]>): Promise<Recalculated> {
  const keys = [...variants.keys()];
  const files: string[] = [];
  for (const key of keys) files.push(await writeSheets(variants.get(key)!, path.join(dir, `${key.replace(/\//g, '-')}.xlsx`)));
  const out = await recalc(files);
  const results = new Map<string, SheetValues[]>();
  const disagreements: (Disagreement & { file: string })[] = [];
  for (const [i, key] of keys.entries()) {
    results.set(key, await readWorkbook(out[i]));
    const cmp = compareStored(await readStoredFormulas(files[i]), await readStoredFormulas(out[i]));
    disagreements.push(...cmp.disagreements.map((d) => ({ ...d, file: key })));
  }
  return { results, disagreements };
}

/** Every stored value equals LibreOffice's and no cell of any file is an error value. */
export function expectAgreementWithoutErrors({ results, disagreements }: Recalculated): void {
  expect(disagreements).toEqual([]);
  for (const [key, wb] of results) expect({ key, errors: errorCells(wb) }).toEqual({ key, errors: [] });
}

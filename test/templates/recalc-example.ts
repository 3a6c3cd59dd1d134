/** Builds a template's example in both languages (optionally edited), recalculates in LibreOffice, returns the values. */
import path from 'node:path';
import type { CellContent, Lang, SheetSpec } from '../../src/sheets/core/sheet-spec';
import { getTemplate, type TemplateKind } from '../../src/sheets/templates/registry';
import { errorCells, readWorkbook, recalc, type Computed } from '../support/libreoffice';
import { compareStored, readStoredFormulas, type Disagreement } from '../support/stored-values';
import { FIXED_TODAY, tempDir, writeSheets } from '../support/template-files';

export interface Variant {
  label: string;
  lang: Lang;
  example?: boolean;
  /** Cell edits applied to the first sheet before writing, as a planner would type them. */
  edits?: Record<string, CellContent>;
}

export interface RecalcResult {
  sheets: SheetSpec[];
  value(ref: string): Computed | undefined;
  errors: string[];
  /** Formula cells compared between the written file's stored values and LibreOffice's. */
  compared: number;
}

export function edit(sheet: SheetSpec, edits: Record<string, CellContent>): SheetSpec {
  const cells = sheet.cells.map((c) => (c.ref in edits ? { ...c, value: edits[c.ref] } : c));
  for (const [ref, value] of Object.entries(edits)) if (!cells.some((c) => c.ref === ref)) cells.push({ ref, value });
  return { ...sheet, cells };
}

/**
 * One LibreOffice run for all variants; results by label. Every formula's value stored in the
 * written file (computed by IronCalc, src/xlsx/evaluate) must equal LibreOffice's
 * recalculation of it: a difference fails the suite, naming the cells.
 */
export async function recalcVariants(kind: TemplateKind, variants: Variant[]): Promise<Record<string, RecalcResult>> {
  const dir = tempDir(`ap-${kind}-`);
  const built = await Promise.all(
    variants.map(async (v) => {
      const [first, ...rest] = getTemplate(kind).build({ lang: v.lang, example: v.example ?? true, today: FIXED_TODAY });
      const sheets = [v.edits ? edit(first, v.edits) : first, ...rest];
      return { sheets, file: await writeSheets(sheets, path.join(dir, `${kind}-${v.label}.xlsx`)) };
    }),
  );
  const out = await recalc(built.map((b) => b.file));
  const results: Record<string, RecalcResult> = {};
  const disagreements: (Disagreement & { variant: string })[] = [];
  for (const [i, v] of variants.entries()) {
    const wb = await readWorkbook(out[i]);
    const stored = compareStored(await readStoredFormulas(built[i].file), await readStoredFormulas(out[i]));
    disagreements.push(...stored.disagreements.map((d) => ({ ...d, variant: v.label })));
    results[v.label] = { sheets: built[i].sheets, value: (ref) => wb[0].values.get(ref), errors: errorCells(wb), compared: stored.compared };
  }
  if (disagreements.length) throw new Error(`stored values differ from LibreOffice's:\n${JSON.stringify(disagreements.slice(0, 20), null, 1)}`);
  return results;
}

export function close(value: Computed | undefined, expected: number, digits = 9): void {
  expect(typeof value).toBe('number');
  expect(value as number).toBeCloseTo(expected, digits);
}

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SheetSpec } from '../../src/sheets/core/sheet-spec';
import { getTemplate, type TemplateKind } from '../../src/sheets/templates/registry';
import type { Lang } from '../../src/sheets/core/sheet-spec';
import { renderWorkbook } from '../../src/xlsx/render-workbook';
import { computeCachedValues } from '../../src/xlsx/evaluate/node';

/** A fixed report date so date-dependent formulas (overdue, stalled) give known results. */
export const FIXED_TODAY = new Date(Date.UTC(2026, 2, 15));

export function tempDir(prefix = 'ap-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Writes the sheets as the CLI does: every formula with its value computed beside it. */
export async function writeSheets(sheets: SheetSpec[], file: string): Promise<string> {
  writeFileSync(file, await renderWorkbook(computeCachedValues({ sheets }).workbook));
  return file;
}

/** Builds one template and writes it to dir/<kind>-<lang>[-example].xlsx. */
export async function writeTemplate(kind: TemplateKind, lang: Lang, example: boolean, dir: string) {
  const sheets = getTemplate(kind).build({ lang, example, today: FIXED_TODAY });
  const file = path.join(dir, `${kind}-${lang}${example ? '-example' : ''}.xlsx`);
  await writeSheets(sheets, file);
  return { sheets, file };
}

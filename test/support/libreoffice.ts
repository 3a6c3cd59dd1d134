/**
 * LibreOffice as an independent spreadsheet engine: opens .xlsx files headless with a throwaway
 * profile set to always recalculate on load, saves them again, and reads the computed values.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';

const run = promisify(execFile);

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export function sofficePath(): string | undefined {
  for (const p of ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice']) if (existsSync(p)) return p;
  return undefined;
}

function makeProfile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ap-lo-profile-'));
  mkdirSync(path.join(dir, 'user'), { recursive: true });
  writeFileSync(path.join(dir, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  return dir;
}

/**
 * Recalculates the files in LibreOffice and returns the paths of the recalculated copies
 * (same base names, in a new temp folder), in input order. One soffice process for all files.
 */
export async function recalc(files: string[], format: 'xlsx' | 'pdf' = 'xlsx'): Promise<string[]> {
  const soffice = sofficePath();
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed: run .ci/run or apt-get install libreoffice-calc-nogui');
  const profile = makeProfile();
  const outDir = mkdtempSync(path.join(tmpdir(), 'ap-lo-out-'));
  try {
    await run(
      soffice,
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', format, '--outdir', outDir, ...files],
      { timeout: 600_000, maxBuffer: 16 * 1024 * 1024 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const out = files.map((f) => path.join(outDir, path.basename(f).replace(/\.[^.]+$/, `.${format}`)));
  for (const f of out) if (!existsSync(f)) throw new Error(`LibreOffice produced no ${f}`);
  return out;
}

export type Computed = number | string | boolean | Date | { error: string } | null;

export interface SheetValues {
  name: string;
  /** A1 → value; formulas are replaced by their computed results. */
  values: Map<string, Computed>;
  /** A1 → formula text (without "="), as LibreOffice saved it. */
  formulas: Map<string, string>;
}

export async function readWorkbook(file: string): Promise<SheetValues[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheets: SheetValues[] = [];
  wb.eachSheet((ws) => {
    const values = new Map<string, Computed>();
    const formulas = new Map<string, string>();
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value as unknown;
        if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
          const fv = v as { formula?: string; result?: unknown };
          if (fv.formula) formulas.set(cell.address, fv.formula);
          values.set(cell.address, normalise(fv.result));
        } else {
          values.set(cell.address, normalise(v));
        }
      });
    });
    sheets.push({ name: ws.name, values, formulas });
  });
  return sheets;
}

function normalise(v: unknown): Computed {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('error' in o) return { error: String(o.error) };
    if ('richText' in o) return (o.richText as { text: string }[]).map((r) => r.text).join('');
    if ('text' in o) return String(o.text);
  }
  return String(v);
}

const ERROR_TEXT = /^(#NAME\?|#VALUE!|#REF!|#DIV\/0!|#N\/A|#NUM!|#NULL!|Err:\d+)/;

/** Every cell whose computed value is an error (or error text), as "Sheet!A1 = #NAME?". */
export function errorCells(sheets: SheetValues[]): string[] {
  const out: string[] = [];
  for (const s of sheets)
    for (const [ref, v] of s.values) {
      if (v && typeof v === 'object' && 'error' in v) out.push(`${s.name}!${ref} = ${v.error}`);
      else if (typeof v === 'string' && ERROR_TEXT.test(v)) out.push(`${s.name}!${ref} = ${v}`);
    }
  return out;
}

export function sheet(sheets: SheetValues[], name: string): SheetValues {
  const s = sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}; have ${sheets.map((x) => x.name).join(', ')}`);
  return s;
}

/** Excel serial day number of a computed date (LibreOffice may save it as number or Date). */
export function asSerial(v: Computed): number {
  if (v instanceof Date) return Math.round(v.getTime() / 86400000 + 25569);
  if (typeof v === 'number') return v;
  throw new Error(`not a date: ${JSON.stringify(v)}`);
}

/** ISO yyyy-mm-dd of a computed date. */
export function asIsoDate(v: Computed): string {
  const serial = asSerial(v);
  return new Date((serial - 25569) * 86400000).toISOString().slice(0, 10);
}

/**
 * LibreOffice as an independent reader: converts spreadsheets (every sheet) or CSV files to CSV
 * headless, one soffice start per batch, with a throwaway profile that never recalculates on load,
 * so what comes out is what LibreOffice read from the file (cached formula results included).
 * LibreOffice still recomputes volatile functions (TODAY, RAND) and formulas without a cached
 * value; the corpus leaves such files out or lists the cell.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { SOFFICE_ENV, sofficePath } from './libreoffice';
import { requireKind } from './test-kind';

const run = promisify(execFile);

const NEVER_RECALC = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>1</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>1</value></prop></item>
</oor:items>
`;

/**
 * The CSV export filter: comma, double quote, UTF-8 (76), from line 1, cell contents NOT as shown
 * (numbers in full, dates in a standard form), every sheet (-1) into <name>-<sheet>.csv.
 */
const EXPORT = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

export interface LoSheet {
  /** The sheet's name (from the output file name). */
  name: string;
  rows: string[][];
}

/**
 * Converts the files and returns, per input file (in order), LibreOffice's sheets. `csvImport`:
 * the inputs are CSV (comma, UTF-8), read with that import filter. A file LibreOffice could not
 * open has no sheets.
 */
export async function libreOfficeSheets(files: string[], options: { csvImport?: boolean } = {}): Promise<LoSheet[][]> {
  requireKind('lo');
  const soffice = sofficePath();
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed: run .ci/run or apt-get install libreoffice-calc-nogui');
  const work = mkdtempSync(path.join(tmpdir(), 'ap-lo-csv-'));
  const profile = path.join(work, 'profile');
  mkdirSync(path.join(profile, 'user'), { recursive: true });
  writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), NEVER_RECALC);
  const inDir = path.join(work, 'in');
  const outDir = path.join(work, 'out');
  mkdirSync(inDir);
  mkdirSync(outDir);
  // Unique, plain names: output files are named after the input's base name and the sheet.
  const names = files.map((f, i) => `f${String(i).padStart(3, '0')}${path.extname(f)}`);
  files.forEach((f, i) => copyFileSync(f, path.join(inDir, names[i])));
  try {
    const args = [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore'];
    // CSV import: comma, double quote, UTF-8, from line 1, the first 40 columns as text (2), so
    // LibreOffice keeps "08123" as it is, as our reader does (numbers are read later, by the engines).
    const asText = Array.from({ length: 40 }, (_, i) => `${i + 1}/2`).join('/');
    if (options.csvImport) args.push(`--infilter=CSV:44,34,76,1,${asText},0,false,false`);
    await run(soffice, [...args, '--convert-to', options.csvImport ? 'csv:Text - txt - csv (StarCalc):44,34,76,1' : EXPORT, '--outdir', outDir, ...names.map((n) => path.join(inDir, n))], {
      timeout: 600_000,
      maxBuffer: 64 * 1024 * 1024,
      env: SOFFICE_ENV,
    });
    const outputs = readdirSync(outDir);
    return names.map((n) => {
      const base = n.replace(/\.[^.]+$/, '');
      const sheets: LoSheet[] = [];
      if (options.csvImport) {
        const f = path.join(outDir, `${base}.csv`);
        if (existsSync(f)) sheets.push({ name: '', rows: parseCsv(readFileSync(f, 'utf8')) });
        return sheets;
      }
      for (const o of outputs)
        if (o.startsWith(`${base}-`) && o.endsWith('.csv')) sheets.push({ name: o.slice(base.length + 1, -4), rows: parseCsv(readFileSync(path.join(outDir, o), 'utf8')) });
      return sheets;
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** LibreOffice's CSV, read with csv-parse (not the Papa Parse our reader uses: the two sides share no parser). */
function parseCsv(text: string): string[][] {
  return parse(text, { relax_column_count: true, skip_empty_lines: false }) as string[][];
}

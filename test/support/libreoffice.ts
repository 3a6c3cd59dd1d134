/**
 * LibreOffice as an independent spreadsheet engine: opens .xlsx files headless with a throwaway
 * profile set to always recalculate on load, saves them again, and reads the computed values.
 */
import { execFile, type ChildProcess, type ExecFileOptions } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { requireKind } from './test-kind';

/**
 * soffice processes of this test file. A test that times out does not stop its soffice, which
 * would then compete with the next files for the CPU until its own 10-minute limit: they are
 * killed (with their process group: the soffice script, oosplash and soffice.bin) when the file ends.
 */
const running = new Set<ChildProcess>();
if (typeof afterAll === 'function')
  afterAll(() => {
    for (const child of running) if (child.pid) killGroup(child.pid);
  });

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

function runSoffice(soffice: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    // detached (a process group of its own, for killGroup) is passed on to spawn; the types omit it.
    const options = { timeout: 600_000, maxBuffer: 16 * 1024 * 1024, killSignal: 'SIGKILL', detached: true, env: SOFFICE_ENV } as ExecFileOptions;
    const child = execFile(soffice, args, options, (err) => {
      running.delete(child);
      if (err) reject(err);
      else resolve();
    });
    running.add(child);
  });
}

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * The environment of every soffice the tests start (this module's, lo-csv's, lo-macro's): the faces
 * a Chinese reader's machine would use for the sheets' named fonts (test/support/fonts.conf says
 * why). Passed explicitly: inside jest, `process.env` is the test file's own copy, and a child
 * process started without `env` inherits the worker's real environment — setting
 * process.env.FONTCONFIG_FILE here reached soffice under tsx (bench) but never under jest.
 */
export const SOFFICE_ENV: NodeJS.ProcessEnv = { ...process.env, FONTCONFIG_FILE: path.join(__dirname, 'fonts.conf') };

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
 * (same base names, in a new temp folder), in input order. One soffice process for all files:
 * starting it costs 3–10 s on a busy machine, so a test file gathers every file it needs into
 * one call (in a beforeAll) rather than calling this per test.
 */
export async function recalc(files: string[], format: 'xlsx' | 'pdf' = 'xlsx'): Promise<string[]> {
  requireKind('lo', 'browser');
  const soffice = sofficePath();
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed: run .ci/run or apt-get install libreoffice-calc-nogui');
  const profile = makeProfile();
  const outDir = mkdtempSync(path.join(tmpdir(), 'ap-lo-out-'));
  try {
    await runSoffice(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', format, '--outdir', outDir, ...files]);
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
  const raw = await rawFormulaResults(file);
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
          // ExcelJS drops falsy formula results (0 and ""), and reads a text result in a date-formatted
          // cell as an invalid date: take those from the XML.
          const lost = fv.result === undefined || (fv.result instanceof Date && Number.isNaN(fv.result.getTime()));
          const result = lost ? raw.get(ws.name)?.get(cell.address) : fv.result;
          values.set(cell.address, normalise(result));
        } else {
          values.set(cell.address, normalise(v));
        }
      });
    });
    sheets.push({ name: ws.name, values, formulas });
  });
  return sheets;
}

function xmlText(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Sheet name → A1 → cached result of every formula cell, read straight from the sheet XML. */
async function rawFormulaResults(file: string): Promise<Map<string, Map<string, Computed>>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  const out = new Map<string, Map<string, Computed>>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const xml = id && targets.has(id) ? await zip.file(targets.get(id)!)?.async('string') : undefined;
    if (name === undefined || !xml) continue;
    const cells = new Map<string, Computed>();
    for (const c of xml.matchAll(/<c\b([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)) {
      if (!c[2]?.includes('<f')) continue;
      const ref = /\br="([A-Z]+\d+)"/.exec(c[1])?.[1];
      const type = /\bt="([^"]+)"/.exec(c[1])?.[1] ?? 'n';
      const v = /<v>(.*?)<\/v>|<v\/>/s.exec(c[2]);
      if (!ref || !v) continue;
      const text = xmlText(v[1] ?? '');
      cells.set(ref, type === 'str' ? text : type === 'b' ? text !== '0' : type === 'e' ? { error: text } : Number(text));
    }
    out.set(xmlText(name), cells);
  }
  return out;
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

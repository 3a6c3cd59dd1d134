/**
 * Edits .xlsx files the way a planner does in LibreOffice, through a Basic macro run headless:
 * insert a sheet row, copy a row into it (LibreOffice shifts every reference, defined name,
 * table, validation and conditional format as it does for a user), type into cells, delete whole
 * sheets (references to them become #REF!), recalculate, save as .xlsx.
 * One soffice start for all jobs; the macro lives in a throwaway profile's "My Macros", which
 * LibreOffice runs whatever the macro security level.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { SOFFICE_ENV, sofficePath } from './libreoffice';

const run = promisify(execFile);

export interface RowJob {
  input: string;
  output: string;
  /** 0-based sheet index. */
  sheet: number;
  /** 1-based sheet row the new row takes (the row there and below move down); null = recalculate only. */
  insertAt: number | null;
  /** 1-based sheet row (before the insertion) whose cells are copied into the new row. */
  copyFrom?: number;
}

const BASIC = `
Sub Main(ctl As String)
  Dim f As Integer, s As String, p
  f = FreeFile
  Open ctl For Input As #f
  Dim log As Integer
  log = FreeFile
  Open ctl & ".log" For Output As #log
  Do While Not EOF(f)
    Line Input #f, s
    If Len(s) > 0 Then
      p = Split(s, "|")
      If p(0) = "EDIT" Then
        Print #log, RunEdit(p)
      Else
        Print #log, RunJob(p)
      End If
    End If
  Loop
  Close #f
  Close #log
  StarDesktop.terminate()
End Sub

Function RunJob(p) As String
  On Error GoTo Failed
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = "Hidden"
  args(0).Value = True
  Dim doc As Object, sh As Object
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(p(0)), "_blank", 0, args())
  sh = doc.Sheets.getByIndex(CInt(p(2)))
  If CLng(p(3)) >= 0 Then
    sh.Rows.insertByIndex(CLng(p(3)), 1)
    Dim src As Object, dst As Object
    src = sh.getCellRangeByPosition(0, CLng(p(4)), 1023, CLng(p(4))).getRangeAddress()
    dst = sh.getCellByPosition(0, CLng(p(3))).getCellAddress()
    sh.copyRange(dst, src)
  End If
  doc.calculateAll()
  Dim out(0) As New com.sun.star.beans.PropertyValue
  out(0).Name = "FilterName"
  out(0).Value = "Calc MS Excel 2007 XML"
  doc.storeToURL(ConvertToURL(p(1)), out())
  doc.close(True)
  RunJob = "ok " & p(1)
  Exit Function
Failed:
  RunJob = "error " & p(1) & ": " & Error$
End Function

Function RunEdit(p) As String
  On Error GoTo Failed
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = "Hidden"
  args(0).Value = True
  Dim doc As Object, sh As Object, c As Object, q, i As Integer
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(p(1)), "_blank", 0, args())
  For i = 4 To UBound(p)
    q = Split(p(i), "~")
    c = doc.Sheets.getByIndex(CInt(q(0))).getCellRangeByName(q(1))
    If q(2) = "n" Then
      c.setValue(CDbl(q(3)))
    Else
      c.setString(q(3))
    End If
  Next i
  If Len(p(3)) > 0 Then
    q = Split(p(3), "~")
    For i = UBound(q) To 0 Step -1
      doc.Sheets.removeByName(doc.Sheets.getByIndex(CInt(q(i))).Name)
    Next i
  End If
  doc.calculateAll()
  Dim out(0) As New com.sun.star.beans.PropertyValue
  out(0).Name = "FilterName"
  out(0).Value = "Calc MS Excel 2007 XML"
  doc.storeToURL(ConvertToURL(p(2)), out())
  doc.close(True)
  RunEdit = "ok " & p(2)
  Exit Function
Failed:
  RunEdit = "error " & p(2) & ": " & Error$
End Function
`;

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

/**
 * A profile whose "Standard" Basic library holds the macro. LibreOffice writes its own default
 * library on a profile's first start, so the profile is started once (--terminate_after_init)
 * before the module is replaced.
 */
async function makeProfile(soffice: string): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ap-lo-macro-'));
  await run(soffice, [`-env:UserInstallation=file://${dir}`, '--headless', '--norestore', '--terminate_after_init'], { timeout: 300_000, env: SOFFICE_ENV });
  const module = path.join(dir, 'user', 'basic', 'Standard', 'Module1.xba');
  if (!existsSync(module)) throw new Error(`LibreOffice made no ${module}`);
  writeFileSync(
    module,
    `${HEAD}<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">${xmlEscape(BASIC)}</script:module>`,
  );
  return dir;
}

/**
 * Edits a planner makes to an .xlsx in LibreOffice: cells typed (sheets by 0-based index, values
 * ASCII or numbers: the macro reads its job file in the system's legacy encoding), then whole
 * sheets deleted; recalculated and saved as .xlsx.
 */
export interface EditJob {
  input: string;
  output: string;
  set?: { sheet: number; cell: string; value: number | string }[];
  /** 0-based indexes (before any deletion) of the sheets to delete. */
  deleteSheets?: number[];
}

/** Runs the edit jobs in one LibreOffice start; throws naming every job that failed. */
export async function runEditJobs(jobs: EditJob[]): Promise<void> {
  for (const j of jobs)
    for (const x of j.set ?? [])
      if (typeof x.value === 'string' && !/^[ -{}]*$/.test(x.value)) throw new Error(`edit job: "${x.value}" is not plain ASCII without | and ~`);
  const line = (j: EditJob) =>
    ['EDIT', j.input, j.output, (j.deleteSheets ?? []).join('~'), ...(j.set ?? []).map((x) => [x.sheet, x.cell, typeof x.value === 'number' ? 'n' : 's', x.value].join('~'))].join('|');
  await runControl(jobs.map(line), jobs.map((j) => j.output), 'edit');
}

/** Runs the jobs in one LibreOffice start; throws naming every job that failed. */
export async function runRowJobs(jobs: RowJob[]): Promise<void> {
  // 0-based rows as the macro sees them after the insertion: a source at or below it moved down.
  const source = (j: RowJob & { insertAt: number }) => {
    const from = j.copyFrom ?? j.insertAt - 1;
    return from >= j.insertAt ? from : from - 1;
  };
  const line = (j: RowJob) => [j.input, j.output, j.sheet, j.insertAt === null ? -1 : j.insertAt - 1, j.insertAt === null ? -1 : source({ ...j, insertAt: j.insertAt })].join('|');
  await runControl(jobs.map(line), jobs.map((j) => j.output), 'row');
}

async function runControl(lines: string[], outputs: string[], what: string): Promise<void> {
  const soffice = sofficePath();
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed');
  const profile = await makeProfile(soffice);
  const ctl = path.join(profile, 'jobs.txt');
  writeFileSync(ctl, lines.join('\n') + '\n');
  try {
    await run(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', `macro:///Standard.Module1.Main("${ctl}")`], {
      timeout: 900_000,
      maxBuffer: 16 * 1024 * 1024,
      env: SOFFICE_ENV,
    });
    const log = existsSync(`${ctl}.log`) ? readFileSync(`${ctl}.log`, 'utf8') : '';
    const failed = log.split('\n').filter((l) => l.startsWith('error'));
    const missing = outputs.filter((o) => !existsSync(o));
    if (failed.length || missing.length) throw new Error(`LibreOffice ${what} jobs failed:\n${[...failed, ...missing.map((m) => `no ${m}`)].join('\n')}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

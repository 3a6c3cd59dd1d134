/**
 * account-planner share-safe: personal columns emptied in a copy, everything else kept, the
 * input untouched. That the copy still computes is checked in share-safe.lo.test.ts.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from '../../src/cli/run';
import { tempDir } from '../support/template-files';
import { readWorkbookParts, type RawDefinedName } from '../../src/xlsx/workbook-names';
import { nameAreas } from '../../src/sheets/core/name-reference';
import { excelStyleWorkbook, inRanges } from './share-safe-fixture';

jest.setTimeout(120_000);

function recorder() {
  const io = { stdout: '', stderr: '', out: (s: string) => void (io.stdout += s), err: (s: string) => void (io.stderr += s) };
  return io;
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

interface CellState {
  value: string;
  style: string;
  note?: string;
}

/** JSON with keys in sorted order: ExcelJS builds a style's keys in the order the file lists them. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/**
 * Defined names as the areas they denote: ExcelJS writes a print area back as $A1:$O35 where
 * the file said $A$1:$O$35 (the same cells).
 */
function namesByArea(names: RawDefinedName[], sheets: string[]) {
  return names.map((n) => {
    const scope = n.localSheetId === undefined ? undefined : sheets[n.localSheetId];
    const areas = nameAreas(n.formula, scope);
    return { ...n, formula: areas.length ? JSON.stringify(areas) : n.formula };
  });
}

/** Every cell ExcelJS holds (values, formulas, styles, notes), by sheet then address. */
function cellsOf(wb: ExcelJS.Workbook): Map<string, Map<string, CellState>> {
  const out = new Map<string, Map<string, CellState>>();
  wb.eachSheet((ws) => {
    const cells = new Map<string, CellState>();
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        cells.set(cell.address, { value: JSON.stringify(cell.value), style: stableJson(cell.style), note: cell.note as string | undefined });
      }),
    );
    out.set(ws.name, cells);
  });
  return out;
}

describe('share-safe on the decision-chain template with examples', () => {
  const dir = tempDir('ap-share-safe-');
  const input = path.join(dir, 'chain.xlsx');
  const output = path.join(dir, 'chain-share.xlsx');
  const personal = ['L6:L1026', 'M6:M1026', 'N6:N1026', 'O6:O1026'];
  let io: ReturnType<typeof recorder>;
  let inputBytes: Buffer;

  beforeAll(async () => {
    expect(await runCli(['template', 'decision-chain', '--example', '--out', input], recorder())).toBe(0);
    inputBytes = readFileSync(input);
    io = recorder();
    expect(await runCli(['share-safe', '--in', input, '--out', output], io)).toBe(0);
  });

  test('reports what it cleared, sheet by sheet', () => {
    expect(io.stdout).toContain('已清除工作表 决策链 中的 3 个单元格和 0 条批注（L6:L1026, M6:M1026, N6:N1026, O6:O1026）。');
    expect(io.stdout).toContain(`已写入 ${output}`);
    expect(io.stderr).toBe('');
  });

  test('the input file is not modified', () => {
    expect(readFileSync(input).equals(inputBytes)).toBe(true);
  });

  test('personal cells are empty, headers kept with the note; every other cell is identical', async () => {
    const before = cellsOf(await load(input)).get('决策链')!;
    const after = cellsOf(await load(output)).get('决策链')!;
    // The example really has personal data to remove.
    const personalBefore = [...before].filter(([a, c]) => inRanges(personal, a) === 'body' && c.value !== 'null');
    expect(personalBefore.map(([a]) => a).sort()).toEqual(['L8', 'N7', 'N9']);

    let compared = 0;
    for (const address of new Set([...before.keys(), ...after.keys()])) {
      const b = before.get(address);
      const a = after.get(address);
      const where = inRanges(personal, address);
      if (where === 'body') {
        expect({ address, value: a?.value ?? 'null', note: a?.note }).toEqual({ address, value: 'null', note: undefined });
        expect({ address, style: a?.style }).toEqual({ address, style: b?.style });
      } else if (where === 'header') {
        expect({ address, value: a?.value, style: a?.style }).toEqual({ address, value: b?.value, style: b?.style });
        expect(a?.note).toBe('个人信息已在分享前删除。');
      } else {
        expect({ address, ...a }).toEqual({ address, ...b });
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(300);
  });

  test('merges, validations, tables, protection and names are kept', async () => {
    const [b, a] = [(await load(input)).worksheets[0], (await load(output)).worksheets[0]];
    const model = (ws: ExcelJS.Worksheet) => {
      type Rule = { type: string; priority: number; formulae?: string[]; operator?: string; style?: unknown; color?: unknown };
      const m = ws.model as unknown as {
        merges: string[];
        dataValidations: unknown;
        conditionalFormattings: { ref: string; rules: Rule[] }[];
        sheetProtection: unknown;
        tables: { tableRef: string; name: string }[];
      };
      return {
        merges: [...m.merges].sort(),
        validations: m.dataValidations,
        // ExcelJS reads a data bar back with other defaults each time it writes one: compare what it draws.
        cf: m.conditionalFormattings.map((cf) => ({
          ref: cf.ref,
          rules: cf.rules.map((r) => ({ type: r.type, priority: r.priority, formulae: r.formulae, operator: r.operator, style: r.style, color: r.color })),
        })),
        protection: m.sheetProtection,
        tables: m.tables.map((t) => `${t.name}=${t.tableRef}`),
        widths: ws.columns.map((c) => c.width),
      };
    };
    expect(model(a)).toEqual(model(b));
    const [outParts, inParts] = [await readWorkbookParts(readFileSync(output)), await readWorkbookParts(inputBytes)];
    expect(namesByArea(outParts.names, outParts.sheets)).toEqual(namesByArea(inParts.names, inParts.sheets));
  });

});

test('an English template gets the English header note', async () => {
  const dir = tempDir('ap-share-safe-');
  const input = path.join(dir, 'kap.xlsx');
  const output = path.join(dir, 'kap-safe.xlsx');
  expect(await runCli(['template', 'key-account-plan', '--lang', 'en-US', '--example', '--out', input], recorder())).toBe(0);
  const io = recorder();
  expect(await runCli(['share-safe', '--in', input, '--out', output, '--lang', 'en-US'], io)).toBe(0);
  expect(io.stdout).toContain('on sheet Key account plan (E29:E38, F29:F38)');
  const ws = (await load(output)).worksheets[0];
  expect(ws.getCell('E29').note).toBe('Personal information removed for sharing.');
});

describe('files and usage', () => {
  let dir: string;
  let input: string;
  beforeAll(async () => {
    dir = tempDir('ap-share-safe-');
    input = path.join(dir, 'chain.xlsx');
    expect(await runCli(['template', 'decision-chain', '--example', '--out', input], recorder())).toBe(0);
  });

  test('an existing output is kept unless --force; no temp file is left behind', async () => {
    const out = path.join(dir, 'existing.xlsx');
    writeFileSync(out, 'precious');
    const io = recorder();
    expect(await runCli(['share-safe', '--in', input, '--out', out, '--lang', 'en-US'], io)).toBe(2);
    expect(io.stderr).toMatch(/already exists.*--force/);
    expect(readFileSync(out, 'utf8')).toBe('precious');
    expect(await runCli(['share-safe', '--in', input, '--out', out, '--force'], recorder())).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('the input is never the output, not even with --force', async () => {
    const before = readFileSync(input);
    const io = recorder();
    expect(await runCli(['share-safe', '--in', input, '--out', input, '--force', '--lang', 'en-US'], io)).toBe(2);
    expect(io.stderr).toContain('is the input file');
    const io2 = recorder();
    expect(await runCli(['share-safe', '--in', input, '--out', path.join(dir, '.', 'chain.xlsx'), '--force'], io2)).toBe(2);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  test.each([
    [['share-safe', '--out', 'x.xlsx'], /Missing --in/],
    [['share-safe', '--in', 'x.xlsx'], /Missing --out/],
    [['share-safe', '--in', 'x.xlsx', '--out', 'y.xlsx', '--lang', 'fr'], /Unknown language "fr"/],
    [['share-safe', '--bogus'], /bogus/],
  ])('bad usage %j exits 2', async (argv, message) => {
    const io = recorder();
    expect(await runCli(argv.includes('--lang') ? argv : [...argv, '--lang', 'en-US'], io)).toBe(2);
    expect(io.stderr).toMatch(message);
  });

  test('a missing or unreadable input exits 2 and writes nothing', async () => {
    const out = path.join(dir, 'never.xlsx');
    let io = recorder();
    expect(await runCli(['share-safe', '--in', path.join(dir, 'missing.xlsx'), '--out', out, '--lang', 'en-US'], io)).toBe(2);
    expect(io.stderr).toMatch(/Cannot read .*missing\.xlsx/);
    const text = path.join(dir, 'notes.xlsx');
    writeFileSync(text, 'not a workbook');
    io = recorder();
    expect(await runCli(['share-safe', '--in', text, '--out', out, '--lang', 'en-US'], io)).toBe(2);
    expect(io.stderr).toMatch(/notes\.xlsx is not a readable \.xlsx workbook/);
    expect(existsSync(out)).toBe(false);
  });

  test('a workbook without marks is copied as it is, with a notice', async () => {
    const plain = path.join(dir, 'swot.xlsx');
    expect(await runCli(['template', 'swot', '--example', '--out', plain], recorder())).toBe(0);
    const io = recorder();
    const out = path.join(dir, 'swot-safe.xlsx');
    expect(await runCli(['share-safe', '--in', plain, '--out', out, '--lang', 'en-US'], io)).toBe(0);
    expect(io.stderr).toContain('No personal columns are marked');
    expect(cellsOf(await load(out))).toEqual(cellsOf(await load(plain)));
  });

  test('--help prints the usage', async () => {
    const io = recorder();
    expect(await runCli(['share-safe', '--help', '--lang', 'en-US'], io)).toBe(0);
    expect(io.stdout).toContain('account-planner share-safe --in FILE.xlsx --out FILE.xlsx');
  });
});

test('names scoped to copied sheets: every sheet is cleared and the names keep their scope', async () => {
  const dir = tempDir('ap-share-safe-');
  const input = path.join(dir, 'copied.xlsx');
  const output = path.join(dir, 'copied-safe.xlsx');
  await excelStyleWorkbook(input);
  const io = recorder();
  expect(await runCli(['share-safe', '--in', input, '--out', output, '--lang', 'en-US'], io)).toBe(0);
  expect(io.stdout).toContain('Cleared 3 cells and 1 note on sheet People (B1:B5).');
  expect(io.stdout).toContain('Cleared 3 cells and 1 note on sheet People (2) (B1:B5).');

  const wb = await load(output);
  for (const ws of wb.worksheets) {
    expect([ws.getCell('B2').value, ws.getCell('B3').value, ws.getCell('B4').value, ws.getCell('B2').note]).toEqual([null, null, null, undefined]);
    expect(ws.getCell('B1').value).toBe('Age');
    expect(ws.getCell('B1').note).toBe('Personal information removed for sharing.');
    // The filled-down copy outside the column keeps its own formula.
    expect(ws.getCell('C4').formula).toBe('C2+C3');
    expect(ws.getCell('A2').value).toBe('Li');
  }
  const names = (await readWorkbookParts(readFileSync(output))).names.filter((n) => !n.name.startsWith('_xlnm'));
  expect(names).toEqual([
    { name: 'AP_Personal_1', formula: 'People!$B$1:$B$5', localSheetId: 0 },
    { name: 'AP_Personal_1', formula: "'People (2)'!$B$1:$B$5", localSheetId: 1 },
    { name: 'Keep', formula: 'People!$B$1:$B$5' },
  ]);
});

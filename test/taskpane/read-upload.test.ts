import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { readUpload } from '../../src/taskpane/preview/read-upload';
import { decodeWhole } from '../../src/xlsx/read/text-encoding';

const file = (name: string, bytes: Uint8Array | string) => ({
  name,
  arrayBuffer: async () => {
    const b = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  },
});

describe('reading uploaded files in preview mode', () => {
  test('CSV with BOM, quoted commas and a multi-line field: rows keep spreadsheet row numbers', async () => {
    const [sheet] = await readUpload(
      file('orders.csv', '\uFEFFCustomer,Amount\n"Acme, Ltd","1,200"\n\n"Beta\nGroup",5\n\n'),
    );
    expect(sheet.name).toBe('orders');
    expect(sheet.table.headers).toEqual(['Customer', 'Amount']);
    expect(sheet.table.firstRowNumber).toBe(2);
    expect(sheet.table.rows).toEqual([['Acme, Ltd', '1,200'], [], ['Beta\nGroup', '5']]);
  });

  test('GB18030 text as Chinese Excel saves CSV', async () => {
    const bytes = iconv.encode('客户,金额\n甲公司,3万\n', 'gb18030');
    expect(decodeWhole(bytes)).toEqual({ text: '客户,金额\n甲公司,3万\n', encoding: 'gb18030' });
    const [sheet] = await readUpload(file('数据.csv', bytes));
    expect(sheet.table.rows).toEqual([['甲公司', '3万']]);
  });

  test('.csv.gz is unpacked', async () => {
    const [sheet] = await readUpload(file('retail.csv.gz', gzipSync(Buffer.from('a,b\n1,2\n'))));
    expect(sheet.name).toBe('retail');
    expect(sheet.table.rows).toEqual([['1', '2']]);
  });

  test('.xlsx: every visible sheet with data, header on its first non-blank row, values and formula results', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Orders');
    ws.getCell('A3').value = 'Customer';
    ws.getCell('B3').value = 'Amount';
    ws.getCell('A4').value = 'Acme';
    ws.getCell('B4').value = { formula: '1+1', result: 2 } as ExcelJS.CellFormulaValue;
    ws.getCell('A5').value = { richText: [{ text: 'Be' }, { text: 'ta' }] };
    ws.getCell('B5').value = new Date(Date.UTC(2026, 2, 1));
    wb.addWorksheet('Empty');
    const hidden = wb.addWorksheet('Hidden');
    hidden.state = 'hidden';
    hidden.getCell('A1').value = 'x';
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const sheets = await readUpload(file('book.xlsx', bytes));
    expect(sheets.map((s) => s.name)).toEqual(['Orders']);
    expect(sheets[0].table.headers).toEqual(['Customer', 'Amount']);
    expect(sheets[0].table.firstRowNumber).toBe(4);
    expect(sheets[0].table.rows).toEqual([
      ['Acme', 2],
      ['Beta', new Date(Date.UTC(2026, 2, 1))],
    ]);
  });

  test('unsupported, empty and broken files are refused with a reason', async () => {
    await expect(readUpload(file('notes.docx', 'x'))).rejects.toMatchObject({
      name: 'UploadError',
      code: 'unsupported-type',
    });
    await expect(readUpload(file('empty.csv', '\n\n'))).rejects.toMatchObject({ code: 'empty' });
    await expect(readUpload(file('broken.xlsx', 'not a zip'))).rejects.toMatchObject({ code: 'unreadable' });
  });
});

describe('large CSV files', () => {
  const big = ['Customer,Amount', ...Array.from({ length: 60_000 }, (_, i) => `C${i % 700},${i}.5`)].join('\n');

  test('are parsed in chunks with progress, every row kept in order', async () => {
    const progress: number[] = [];
    const [sheet] = await readUpload(file('big.csv', big), undefined, (f) => progress.push(f));
    expect(sheet.table.rows).toHaveLength(60_000);
    expect(sheet.table.rows[59_999]).toEqual(['C499', '59999.5']);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress[progress.length - 1]).toBe(1);
  });

  test('stop when cancelled', async () => {
    const ctrl = new AbortController();
    const run = readUpload(file('big.csv', big), ctrl.signal, () => ctrl.abort());
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { openRows, ReadError, type OpenedRows, type RowRecord } from '../../src/xlsx/read-rows';
import { tempDir } from '../support/template-files';

const dir = tempDir('ap-read-');
const file = (name: string, bytes: Buffer | string) => {
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  return p;
};
async function all(o: OpenedRows): Promise<RowRecord[]> {
  const out: RowRecord[] = [];
  for await (const r of o.rows) out.push(r);
  return out;
}

const CSV_ZH = '客户名称,业务员,金额\r\n华为,张三,"1,000"\r\n\r\n腾讯,李四,￥2,500\r\n';

async function xlsxBytes(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet('订单');
  data.addRow([]);
  data.addRow(['客户', '日期', '金额', '公式']);
  data.addRow(['华为', new Date(Date.UTC(2026, 2, 1)), 1000.5, { formula: 'C3*2', result: 2001 }]);
  data.addRow(['腾讯', '2026/3/2', { richText: [{ text: '2,' }, { text: '500' }] }, { formula: 'NA()', result: { error: '#N/A' } }]);
  const notes = wb.addWorksheet('Notes');
  notes.addRow(['nothing here']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('openRows: CSV', () => {
  test('UTF-8 with BOM: headers, values as text, blank lines skipped, file row numbers; a row with an unquoted thousands comma is marked', async () => {
    const o = await openRows(file('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV_ZH)])));
    expect(o.format).toBe('csv');
    expect(o.encoding).toBe('utf-8');
    expect(o.headers).toEqual(['客户名称', '业务员', '金额']);
    expect(await all(o)).toEqual([
      { rowNumber: 2, cells: ['华为', '张三', '1,000'] },
      { rowNumber: 4, cells: ['腾讯', '李四', '￥2', '500'], problem: { code: 'too-many-fields', fields: 4, expected: 3 } },
    ]);
  });

  test('UTF-8 without BOM', async () => {
    const o = await openRows(file('plain.csv', CSV_ZH));
    expect(o.headers[0]).toBe('客户名称');
    expect((await all(o)).length).toBe(2);
  });

  test('GB18030, as Chinese Excel saves CSV, is detected and decoded', async () => {
    const o = await openRows(file('gb.csv', iconv.encode(CSV_ZH, 'gb18030')));
    expect(o.encoding).toBe('gb18030');
    expect(o.headers).toEqual(['客户名称', '业务员', '金额']);
    expect((await all(o))[1].cells.slice(0, 2)).toEqual(['腾讯', '李四']);
  });

  test('a GB18030 file whose first 64 KiB are ASCII can be read with an explicit encoding', async () => {
    const text = 'customer,amount\n' + 'x,1\n'.repeat(20000) + '华为,2\n';
    const o = await openRows(file('late-gb.csv', iconv.encode(text, 'gb18030')), { encoding: 'gb18030' });
    const rows = await all(o);
    expect(rows[rows.length - 1]).toEqual({ rowNumber: 20002, cells: ['华为', '2'] });
  });

  test('quoted fields with line breaks: rows numbered as a spreadsheet shows them (one row per record)', async () => {
    const o = await openRows(file('multi.csv', 'a,b\n"line one\nline two",1\nx,2\n'));
    expect(await all(o)).toEqual([
      { rowNumber: 2, cells: ['line one\nline two', '1'] },
      { rowNumber: 3, cells: ['x', '2'] },
    ]);
  });

  test('tab- and semicolon-separated files', async () => {
    expect((await openRows(file('tab.csv', 'a\tb\n1\t2\n'))).headers).toEqual(['a', 'b']);
    const semi = await openRows(file('semi.csv', 'a;b\n1,5;2\n'));
    expect(await all(semi)).toEqual([{ rowNumber: 2, cells: ['1,5', '2'] }]);
  });

  test('.csv.gz is streamed through gunzip; batches hold the same rows', async () => {
    const text = 'customer,amount\n' + Array.from({ length: 5000 }, (_, i) => `c${i},${i}`).join('\n');
    const o = await openRows(file('big.csv.gz', gzipSync(text)));
    expect(o.compressed).toBe(true);
    let n = 0;
    let last: RowRecord | undefined;
    for await (const batch of o.batches) {
      n += batch.length;
      last = batch[batch.length - 1];
    }
    expect(n).toBe(5000);
    expect(last).toEqual({ rowNumber: 5001, cells: ['c4999', '4999'] });
  });
});

describe('openRows: XLSX', () => {
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = await xlsxBytes();
  });

  test('first sheet in tab order; formulas give their cached results (an error result its code), rich text its text', async () => {
    const o = await openRows(file('book.xlsx', bytes));
    expect(o.format).toBe('xlsx');
    expect(o.sheet).toBe('订单');
    expect(o.headerRow).toBe(2);
    expect(o.headers).toEqual(['客户', '日期', '金额', '公式']);
    expect(await all(o)).toEqual([
      { rowNumber: 3, cells: ['华为', new Date(Date.UTC(2026, 2, 1)), 1000.5, 2001] },
      { rowNumber: 4, cells: ['腾讯', '2026/3/2', '2,500', '#N/A'] },
    ]);
  });

  test('a named sheet, case-insensitively; an unknown sheet lists the ones there are', async () => {
    const p = file('book2.xlsx', bytes);
    const o = await openRows(p, { sheet: 'notes' });
    expect(o.sheet).toBe('Notes');
    expect(o.headers).toEqual(['nothing here']);
    await expect(openRows(p, { sheet: 'Missing' })).rejects.toMatchObject({ code: 'no-sheet', message: expect.stringContaining('订单') });
  });

  test('.xlsx.gz', async () => {
    const o = await openRows(file('book.xlsx.gz', gzipSync(bytes)));
    expect(o.format).toBe('xlsx');
    expect(o.compressed).toBe(true);
    expect((await all(o)).length).toBe(2);
  });
});

describe('openRows: unreadable input is a typed ReadError', () => {
  test.each([
    ['missing file', () => openRows(path.join(dir, 'nope.csv')), 'not-found'],
    ['a folder', () => openRows(dir), 'unreadable'],
    ['an empty file', () => openRows(file('empty.csv', '')), 'no-header'],
    ['only blank lines', () => openRows(file('blank.csv', '\n\n\n')), 'no-header'],
    ['old .xls', () => openRows(file('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))), 'old-xls'],
    ['a damaged zip', () => openRows(file('bad.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]))), 'bad-format'],
    ['a sheet option on a CSV', () => openRows(file('s.csv', 'a\n1\n'), { sheet: 'X' }), 'csv-for-sheet'],
    ['an unknown encoding', () => openRows(file('e.csv', 'a\n1\n'), { encoding: 'klingon' }), 'bad-encoding'],
  ])('%s', async (_name, open, code) => {
    const err = await open().then(
      async (o) => {
        await all(o);
        return undefined;
      },
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ReadError);
    expect((err as ReadError).code).toBe(code);
  });

  test('gzip data damaged half-way fails while reading, as a ReadError', async () => {
    const gz = gzipSync('customer,amount\n' + 'abc,1\n'.repeat(200000));
    const broken = Buffer.concat([gz.subarray(0, gz.length / 2), Buffer.alloc(5000, 0x55)]);
    const o = await openRows(file('broken.csv.gz', broken));
    await expect(all(o)).rejects.toBeInstanceOf(ReadError);
  });
});

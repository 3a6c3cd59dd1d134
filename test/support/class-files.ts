/**
 * One small file per class of input the readers once got wrong (issue 11), built part by part so
 * each holds exactly its oddity. The unit tests read them through the command line's reader and
 * the preview's; the corpus test also hands them to LibreOffice, so what they should read as is
 * not only our own claim.
 */
import iconv from 'iconv-lite';
import { buildXlsx, escapeXml, row, si } from './build-xlsx';

export interface ClassFile {
  name: string;
  bytes: Buffer;
}

const HEADER = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>';
const STRINGS = [si('Customer'), si('Value'), si('Beta')];
const BODY = row(2, ['Acme', 100]) + row(3, [{ s: 2 }, 250.5]);
const THREE = [
  { name: 'Orders', sheetData: HEADER + BODY },
  { name: 'Second', sheetData: HEADER + row(2, ['X', 1]) },
  { name: 'Third', sheetData: HEADER },
];

/** Rows every workbook below should read as (first sheet). */
export const ORDERS = [
  ['Customer', 'Value'],
  ['Acme', 100],
  ['Beta', 250.5],
];

export async function xlsxClassFiles(): Promise<Record<string, ClassFile>> {
  const f = async (name: string, bytes: Promise<Buffer>): Promise<[string, ClassFile]> => [name, { name, bytes: await bytes }];
  return Object.fromEntries(
    await Promise.all([
      // Excel for Mac writes the worksheets before the shared strings in the zip.
      f('zip-order.xlsx', buildXlsx({ sheets: THREE, sharedStrings: STRINGS, sheetsFirst: true })),
      f('part-case.xlsx', buildXlsx({ sheets: THREE, sharedStrings: STRINGS, sharedStringsEntry: 'xl/SharedStrings.xml' })),
      // openpyxl and pandas write relationship targets from the package root.
      f(
        'absolute-targets.xlsx',
        buildXlsx({ sheets: [{ name: '订单', sheetData: HEADER + BODY }, { name: 'Notes', sheetData: HEADER }], sharedStrings: STRINGS, absoluteTargets: true }),
      ),
      f(
        'no-r.xlsx',
        buildXlsx({
          sheets: [
            {
              name: 'S',
              sheetData:
                '<row><c t="inlineStr"><is><t>Customer</t></is></c><c t="inlineStr"><is><t>Value</t></is></c></row>' +
                '<row><c t="inlineStr"><is><t>Acme</t></is></c><c><v>100</v></c></row>' +
                '<row r="5"><c t="inlineStr"><is><t>Beta</t></is></c><c r="C5"><v>7</v></c><c><v>8</v></c></row>' +
                '<row><c r="b6"><v>9</v></c></row>',
            },
          ],
        }),
      ),
      f(
        'cdata.xlsx',
        buildXlsx({
          sheets: [{ name: 'S', sheetData: row(1, ['Customer', 'Value']) + '<row r="2"><c r="A2" t="inlineStr"><is><t><![CDATA[Acme & Co <1>]]></t></is></c><c r="B2"><v>100</v></c></row>' }],
        }),
      ),
      f(
        'phonetic.xlsx',
        buildXlsx({
          sheets: [{ name: 'S', sheetData: HEADER + '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>100</v></c></row><row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3"><v>5</v></c></row>' }],
          sharedStrings: [
            si('Customer'),
            si('Value'),
            '<si><r><t>東京</t></r><r><t>商事</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>',
            '<si><t>大阪</t><rPh sb="0" eb="2"><t>オオサカ</t></rPh></si>',
          ],
        }),
      ),
      f(
        'date-cells.xlsx',
        buildXlsx({
          sheets: [
            {
              name: 'S',
              sheetData:
                row(1, ['Customer', 'Date', 'Value']) +
                '<row r="2"><c r="A2" t="inlineStr"><is><t>Acme</t></is></c><c r="B2" s="1" t="d"><v>2026-03-01T00:00:00Z</v></c><c r="C2" s="1" t="d"><v>2026-03-02</v></c></row>' +
                '<row r="3"><c r="A3" t="inlineStr"><is><t>Beta</t></is></c><c r="B3" s="1"><v>46082</v></c><c r="C3"><v>5</v></c></row>',
            },
          ],
          cellXfs: ['<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'],
        }),
      ),
      // Title block above the header, as ERP exports have it.
      f(
        'title-block.xlsx',
        buildXlsx({
          sheets: [
            {
              name: '销售明细',
              sheetData:
                row(1, ['2026年一季度销售明细']) + row(2, ['制表人：王磊', null, '制表日期：2026-04-02']) + row(4, ['客户名称', '业务员', '金额(元)']) + row(5, ['华为', '张三', 1000]) + row(6, ['腾讯', '李四', 2500]),
            },
          ],
        }),
      ),
    ]),
  );
}

/** The bytes of an encrypted package's compound file as far as the reader looks: its signature and stream names. */
export function encryptedWorkbook(): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const dir = Buffer.alloc(512);
  Buffer.from('EncryptionInfo', 'utf16le').copy(dir, 0);
  Buffer.from('EncryptedPackage', 'utf16le').copy(dir, 128);
  return Buffer.concat([header, dir]);
}

export function oldXls(): Buffer {
  const header = Buffer.alloc(1024);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  Buffer.from('Workbook', 'utf16le').copy(header, 512);
  return header;
}

export const CSV_CLASSES = {
  /** An unquoted thousands separator: row 3 has one field too many. Row 4 lost a field. */
  fieldCounts: 'Customer,Value,Note\nAcme,100,x\nBeta,1,200,y\nGamma,5\nDelta,7,z,\n',
  /** A quote opened on row 3 and never closed: it swallows the 3 lines to the end. */
  unterminated: 'Customer,Value\nAcme,100\n"Beta,200\nGamma,300\nDelta,400\n',
  /** Text after a closing quote, and a later quoted field Papa Parse would pair it with. */
  badQuotes: 'Customer,Value\n"Acme"x,100\nBeta,200\n"Gamma",300\n',
  /** European Excel: semicolons, decimal commas. */
  semicolon: 'Kunde;Betrag\nAcme;1.234,56\nBeta;12,5\nGamma;1.000\n',
  tab: 'Customer\tValue\nAcme\t1,234.5\n',
  title: '销售明细（2026年一季度）\n制表人：王磊\n\n客户名称,金额\n华为,1000\n腾讯,2500\n',
};

/**
 * GB18030 text whose first non-ASCII byte comes after 2 MB of ASCII: well past the 64 KiB the
 * reader once decided from, and past the first piece the command line reads.
 */
export function lateGb18030(): Buffer {
  const lines = ['Customer,Amount'];
  for (let i = 0; i < 90_000; i++) lines.push(`customer-${String(i).padStart(5, '0')},${i}`);
  lines.push('华为技术有限公司,100', '华润万家有限公司,200');
  return iconv.encode(lines.join('\r\n') + '\r\n', 'gb18030');
}

export { escapeXml };

import { defineMessages, format, type Lang } from './define';

/**
 * Why a file cannot be read as a table, and why one row of a CSV file is set aside
 * (src/xlsx/read/read-error.ts, docs/rules/parsing.md "Reading files"). The command line prints the
 * en-US sentence after the file name; the pane shows the one in its language.
 */
const messages = defineMessages({
  'en-US': {
    'not-found': 'no such file',
    unreadable: 'cannot be read: {detail}',
    'bad-format': 'cannot be read as a spreadsheet: {detail}',
    encrypted: 'is password-protected: save an unprotected copy (File › Info › Protect Workbook › Encrypt with Password, clear the password) and read that',
    'old-xls': 'is an old-style .xls workbook: save it as .xlsx or .csv',
    'no-sheet': 'has no sheet "{sheet}" (sheets: {sheets})',
    'no-worksheet': 'has no worksheet with data',
    'no-header': 'is empty: no header row',
    'header-row-beyond': 'has no row {row}: its last row with data is {last}',
    'header-row-empty': 'row {row} is empty: name the row that holds the column headers',
    'bad-encoding': 'unknown encoding "{encoding}"; use utf-8, gb18030, gbk, big5, shift_jis, utf-16le …',
    'undecodable': 'is not valid {encoding} text (byte {offset}); name the encoding it was saved in',
    'unterminated-quote':
      'row {row} (line {line}): a quoted field opens here and is never closed; it swallows the {lines} lines to the end of the file. Close the quote (a " inside a field is written "")',
    'csv-for-sheet': 'is a CSV file; it has no sheet "{sheet}"',
    'too-many-fields': 'has {fields} fields where the header has {expected}: an unquoted separator (for example a thousands comma) shifts the cells',
    'too-few-fields': 'has {fields} fields where the header has {expected}: a separator is missing, so the cells may be shifted',
    'bad-quotes': 'has a quote in the middle of a field or text after a closing quote: the fields cannot be told apart',
  },
  'zh-CN': {
    'not-found': '文件不存在',
    unreadable: '无法读取：{detail}',
    'bad-format': '无法作为表格读取：{detail}',
    encrypted: '设有打开密码：请另存一份不加密的副本（文件 › 信息 › 保护工作簿 › 用密码进行加密，清空密码）再读取',
    'old-xls': '是旧版 .xls 工作簿：请另存为 .xlsx 或 .csv',
    'no-sheet': '没有名为“{sheet}”的工作表（现有：{sheets}）',
    'no-worksheet': '没有含数据的工作表',
    'no-header': '是空的：没有标题行',
    'header-row-beyond': '没有第 {row} 行：最后一行数据在第 {last} 行',
    'header-row-empty': '第 {row} 行是空的：请指定列标题所在的行',
    'bad-encoding': '不认识的编码“{encoding}”；可用 utf-8、gb18030、gbk、big5、shift_jis、utf-16le 等',
    'undecodable': '不是有效的 {encoding} 文本（第 {offset} 字节）；请指定保存时所用的编码',
    'unterminated-quote': '第 {row} 行（文本第 {line} 行）：此处开始的带引号字段始终没有结束，吞掉了直到文件末尾的 {lines} 行。请补上引号（字段内的 " 要写成 ""）',
    'csv-for-sheet': '是 CSV 文件，没有工作表“{sheet}”',
    'too-many-fields': '有 {fields} 个字段，而标题行有 {expected} 个：未加引号的分隔符（例如千分位逗号）使单元格错位',
    'too-few-fields': '有 {fields} 个字段，而标题行有 {expected} 个：缺少分隔符，单元格可能错位',
    'bad-quotes': '字段中间出现引号，或结束引号后还有文字：无法分清各字段',
  },
});

export default messages;

export type ReadMessageKey = keyof (typeof messages)['en-US'];

/** The sentence for a read problem, without the file name. */
export function readMessage(key: ReadMessageKey, lang: Lang, params: Record<string, string | number> = {}): string {
  return format(messages[lang][key], params);
}

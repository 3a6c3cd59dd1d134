import { defineMessages, format, type Lang } from './define';

const messages = defineMessages({
  'en-US': {
    empty: 'the cell is empty',
    'not-a-number': '"{input}" is not a number',
    'decimal-comma': '"{input}" uses a decimal comma or unusual digit grouping; write it as 1,234.5',
    'decimal-point': '"{input}" uses a decimal point in a column read with decimal commas; write it as 1.234,5',
    'not-finite': '"{input}" is not a finite number',
    'out-of-range': '"{input}" is beyond what a spreadsheet cell can hold (±9.99999999999999E+307)',
    'too-many-digits': '"{input}" has more than 30 digits: no amount has that many',
    'ambiguous-percent': '"{input}" is ambiguous as a percentage; write 12% or 0.12',
    'conflicting-currency': '"{input}" carries two different currencies',
    'not-a-date': '"{input}" is not a date; write 2026-03-01, 2026/3/1 or 2026年3月1日',
    'invalid-date': '"{input}" is not a real calendar date',
    'date-out-of-range': '"{input}" is outside the dates a spreadsheet can hold (1900-01-01 to 9999-12-31)',
    'bad-map': '"{input}" is not a column mapping; write field=Header,field2=Header2',
    rowField: 'row {row}, field {field}: {message}',
    row: 'row {row}: {message}',
    decimalCommaColumn:
      'The column {header} writes numbers with a decimal comma (row {row}: "{input}"), so its other values cannot be read safely either; nothing was computed. Read the column with decimal commas ({choice}).',
    decimalPointColumn:
      'The column {header} is read with decimal commas ({choice}) but holds a number written with a decimal point (row {row}: "{input}"), so its other values cannot be read safely either; nothing was computed. Write every value of the column in one style.',
  },
  'zh-CN': {
    empty: '单元格为空',
    'not-a-number': '“{input}”不是数字',
    'decimal-comma': '“{input}”使用了小数逗号或不常见的分组方式，请写成 1,234.5',
    'decimal-point': '“{input}”在按小数逗号读取的列中使用了小数点，请写成 1.234,5',
    'not-finite': '“{input}”不是有限的数字',
    'out-of-range': '“{input}”超出了单元格能容纳的范围（±9.99999999999999E+307）',
    'too-many-digits': '“{input}”超过 30 位数字，不可能是金额',
    'ambiguous-percent': '“{input}”作为百分比有歧义，请写成 12% 或 0.12',
    'conflicting-currency': '“{input}”含有两种不同的币种',
    'not-a-date': '“{input}”不是日期，请写成 2026-03-01、2026/3/1 或 2026年3月1日',
    'invalid-date': '“{input}”不是真实存在的日期',
    'date-out-of-range': '“{input}”超出表格可表示的日期范围（1900-01-01 至 9999-12-31）',
    'bad-map': '“{input}”不是列映射，请写成 字段=列标题,字段2=列标题2',
    rowField: '第 {row} 行，字段 {field}：{message}',
    row: '第 {row} 行：{message}',
    decimalCommaColumn: '列 {header} 用小数逗号写数字（第 {row} 行：“{input}”），其他数值也无法可靠读取，因此没有计算。请按小数逗号读取该列（{choice}）。',
    decimalPointColumn: '列 {header} 按小数逗号读取（{choice}），但含有用小数点写的数字（第 {row} 行：“{input}”），其他数值也无法可靠读取，因此没有计算。请让该列所有数值用同一种写法。',
  },
});

export default messages;

/** A parse failure as the domain reports it (src/domain/parse/parse-result.ts); i18n imports nothing above it. */
export interface ParseErrorText {
  code: string;
  input: string;
}

/** The sentence for one parse error, in the given language. */
export function parseErrorMessage(error: ParseErrorText, lang: Lang): string {
  const table = messages[lang] as Record<string, string>;
  return format(table[error.code], { input: error.input });
}

/** `row 12, field amount: "abc" is not a number` (or `row 12: …` without a field). */
export function rowMessage(lang: Lang, row: number, message: string, field?: string): string {
  const table = messages[lang];
  return field === undefined ? format(table.row, { row, message }) : format(table.rowField, { row, field, message });
}

/** Both at once: the usual way a rejected cell is reported. */
export function describeParseError(error: ParseErrorText, lang: Lang, row: number, field?: string): string {
  return rowMessage(lang, row, parseErrorMessage(error, lang), field);
}

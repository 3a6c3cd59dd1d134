import Papa from 'papaparse';
import { ReadError } from './read-error';

/**
 * CSV text into records, fed piece by piece (a file stream in the command line, slices of one
 * string in the browser) and parsed by Papa Parse's core parser. Each record carries the row a
 * spreadsheet shows it on (records counted from 1, blank lines included, as Excel and
 * LibreOffice number them) and the physical line it starts on (what a text editor shows; they
 * differ after a field with line breaks). A quoted field that is never closed is refused with the
 * row and line it starts on and the number of lines it swallowed; a record whose quotes are
 * malformed ("ab"c) is marked so the row can be set aside.
 */

export interface CsvDialect {
  delimiter: ',' | ';' | '\t' | '|';
  newline: '\r\n' | '\n' | '\r';
}

export interface CsvRecord {
  row: number;
  line: number;
  cells: string[];
  badQuotes?: boolean;
}

const DELIMITERS: CsvDialect['delimiter'][] = [',', ';', '\t', '|'];

/**
 * The line ending and separator of a file, from its first lines: the separator that splits the
 * most lines into the same number of fields (outside quotes), so a title line above the header
 * or a decimal comma in the values does not mislead it; ties go to comma, semicolon, tab, bar.
 */
export function sniffDialect(sample: string): CsvDialect {
  const lines: string[] = [];
  let newline: CsvDialect['newline'] | undefined;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < sample.length && lines.length < 50; i++) {
    const ch = sample[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      const nl: CsvDialect['newline'] = ch === '\r' && sample[i + 1] === '\n' ? '\r\n' : ch;
      newline ??= nl;
      lines.push(sample.slice(start, i));
      if (nl === '\r\n') i++;
      start = i + 1;
    }
  }
  if (lines.length === 0 || start < sample.length) lines.push(sample.slice(start));
  let best: { delimiter: CsvDialect['delimiter']; lines: number; fields: number } = { delimiter: ',', lines: 0, fields: 0 };
  for (const d of DELIMITERS) {
    const freq = new Map<number, number>();
    for (const line of lines) {
      const n = countOutsideQuotes(line, d);
      if (n > 0) freq.set(n, (freq.get(n) ?? 0) + 1);
    }
    for (const [fields, count] of freq)
      if (count > best.lines || (count === best.lines && fields > best.fields)) best = { delimiter: d, lines: count, fields };
  }
  return { delimiter: best.delimiter, newline: newline ?? '\n' };
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === d) n++;
  }
  return n;
}

const LINE_BREAK = /\r\n|\n|\r/g;

function lineBreaks(s: string): number {
  if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return 0;
  return s.match(LINE_BREAK)?.length ?? 0;
}

interface PapaResult {
  data: string[][];
  errors: { code: string; row: number; index: number }[];
  meta: { cursor: number };
}

export class CsvRecords {
  private readonly parser: Papa.Parser;
  private rest = '';
  private row = 1;
  private line = 1;
  private started = false;

  constructor(readonly dialect: CsvDialect) {
    this.parser = new Papa.Parser({ delimiter: dialect.delimiter, newline: dialect.newline, quoteChar: '"', fastMode: undefined });
  }

  /** The complete records in `text` (and in what was held back before); `last` on the final piece. */
  push(text: string, last = false): CsvRecord[] {
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let input = this.rest + text;
    const out: CsvRecord[] = [];
    for (;;) {
      if (!input) {
        this.rest = '';
        return out;
      }
      const result = this.parser.parse(input, 0, !last) as PapaResult;
      const data = result.data;
      const invalid = result.errors.find((e) => e.code === 'InvalidQuotes');
      if (invalid) {
        // Text after a closing quote ("ab"c): Papa Parse would read on to some later quote and
        // swallow the rows between. The record ends with the line of that quote instead; it is
        // marked, and reading goes on after it.
        for (let i = 0; i < invalid.row && i < data.length; i++) out.push(this.record(data[i]));
        const start = findRecordStart(input, this.dialect, invalid.row);
        let q = input.indexOf('"', invalid.index);
        while (q >= 0 && input[q + 1] === '"') q = input.indexOf('"', q + 2);
        const nl = q < 0 ? -1 : input.indexOf(this.dialect.newline, q);
        if (nl < 0 && !last) {
          this.rest = input.slice(start);
          return out;
        }
        const body = input.slice(start, nl < 0 ? input.length : nl);
        out.push({ ...this.record(body.split(this.dialect.delimiter)), badQuotes: true });
        input = nl < 0 ? '' : input.slice(nl + this.dialect.newline.length);
        continue;
      }
      const missing = result.errors.find((e) => e.code === 'MissingQuotes');
      if (missing && last) throw this.unterminated(input, data, missing.row);
      for (const cells of data) out.push(this.record(cells));
      this.rest = last ? '' : input.slice(result.meta.cursor);
      // The newline after the last record leaves an empty "record" behind: not a row.
      if (last && out.length && out[out.length - 1].cells.length === 1 && out[out.length - 1].cells[0] === '' && input.endsWith(this.dialect.newline)) {
        out.pop();
        this.row--;
      }
      return out;
    }
  }

  private record(cells: string[]): CsvRecord {
    let breaks = 0;
    for (const c of cells) breaks += lineBreaks(c);
    const r = { row: this.row, line: this.line, cells };
    this.row++;
    this.line += 1 + breaks;
    return r;
  }

  /** Text held back because its record is not complete yet (an open quote). */
  get pending(): number {
    return this.rest.length;
  }

  private unterminated(input: string, data: string[][], index: number): ReadError {
    // Rows and lines of the complete records before the open one.
    let row = this.row;
    let line = this.line;
    for (let i = 0; i < index && i < data.length; i++) {
      row++;
      let breaks = 0;
      for (const c of data[i]) breaks += lineBreaks(c);
      line += 1 + breaks;
    }
    // The open record runs from its start to the end of the file: count the lines it covers.
    const open = input.slice(findRecordStart(input, this.dialect, index));
    const lines = lineBreaks(open) + (/[\r\n]$/.test(open) ? 0 : 1);
    return new ReadError('unterminated-quote', { row, line, lines });
  }
}

/** Offset where record `index` (0-based, in this piece) starts: after `index` record ends outside quotes. */
function findRecordStart(input: string, dialect: CsvDialect, index: number): number {
  let ends = 0;
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    if (ends === index) return i;
    const ch = input[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && input.startsWith(dialect.newline, i)) {
      ends++;
      i += dialect.newline.length - 1;
      if (ends === index) return i + 1;
    }
  }
  return input.length;
}

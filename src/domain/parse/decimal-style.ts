import { translator, type Lang } from '../../i18n/define';
import parseMessages from '../../i18n/parse';
import type { ParseError } from './parse-result';

/**
 * The decimal-comma choice of a run (docs/rules/parsing.md, decimal commas), shared by the
 * engines that read amounts (ABC, bonus): a value written in the other style than the run reads
 * (a decimal comma when read with points, a decimal point when read with commas) refuses the
 * whole run, since the column's other values (1.000, 1,000) cannot be told apart safely.
 */

/** The first value written in the other style: its row, its column's header and its text. */
export interface StyleClash {
  row: number;
  header: string;
  input: string;
}

/** Text a fast path may read as it reads decimal points: with decimal commas, none holding . or , */
export function plainForStyle(cell: unknown, decimalComma: boolean): boolean {
  return !decimalComma || typeof cell !== 'string' || (cell.indexOf('.') < 0 && cell.indexOf(',') < 0);
}

export class DecimalStyleWatch {
  /** Set at the first value in the other style. */
  clash: StyleClash | undefined;

  constructor(readonly decimalComma: boolean) {}

  /** Notes a failed number read; true when it failed for its style. */
  note(error: ParseError, row: number, header: string): boolean {
    if (error.code !== (this.decimalComma ? 'decimal-point' : 'decimal-comma')) return false;
    this.clash ??= { row, header, input: String(error.input) };
    return true;
  }

  /**
   * Why the run is refused, in the front end's words for the choice (`--decimal-comma` on the
   * command line, the checkbox's label in the pane); undefined when nothing clashed.
   */
  refusal(lang: Lang, choice: string): { code: 'decimal-comma-column' | 'decimal-point-column'; message: string } | undefined {
    if (!this.clash) return undefined;
    const t = translator(parseMessages, lang);
    return this.decimalComma
      ? { code: 'decimal-point-column', message: t('decimalPointColumn', { ...this.clash, choice }) }
      : { code: 'decimal-comma-column', message: t('decimalCommaColumn', { ...this.clash, choice }) };
  }
}

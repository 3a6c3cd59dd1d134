/**
 * One <c> element from a CellSpec: the value with its type, the formula with its cached
 * result, and the style index.
 */
import { isFormula, type CachedValue, type CellContent } from '../../sheets/core/sheet-spec';
import type { SharedStrings } from './shared-strings';
import type { WarningLog } from './warnings';
import { escapeText, escapeXstring, needsPreserve, numberText } from './xml-text';

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
const EXCEL_ERRORS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA']);

/** A Date as Excel's serial day number (1900 date system, UTC calendar day and time). */
export function dateSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH) / DAY_MS;
}

export interface CellWriteContext {
  sheet: string;
  strings: SharedStrings;
  log: WarningLog;
  mapFormula(formula: string): string;
}

/** Is the value a date constant (it needs a date format when its style has none)? */
export function isDateValue(value: CellContent): boolean {
  return value instanceof Date;
}

/**
 * The <c> element, or '' for a cell with neither value nor style. `s` is the style index
 * (0 is the default and is left out). `inline`: a text is written in the cell (t="inlineStr")
 * rather than added to the shared-string table (SheetSpec.inlineText).
 */
export function cellXml(ref: string, value: CellContent, s: number, ctx: CellWriteContext, inline = false): string {
  const sAttr = s ? ` s="${s}"` : '';
  if (value === null || value === undefined || value === '') return s ? `<c r="${ref}"${sAttr}/>` : '';
  if (isFormula(value)) {
    const formula = ctx.log.clean(ctx.mapFormula(value.formula), { sheet: ctx.sheet, ref, what: 'formula' });
    const cached = value.cached === undefined ? '' : cachedXml(value.cached, ref, ctx);
    const t = cached ? cached.t : '';
    return `<c r="${ref}"${sAttr}${t}><f>${escapeText(formula)}</f>${cached ? cached.v : ''}</c>`;
  }
  if (typeof value === 'string') {
    const text = ctx.log.cleanAndCut(value, { sheet: ctx.sheet, ref, what: 'cell' });
    if (inline) return `<c r="${ref}"${sAttr} t="inlineStr"><is><t${needsPreserve(text) ? ' xml:space="preserve"' : ''}>${escapeText(escapeXstring(text))}</t></is></c>`;
    return `<c r="${ref}"${sAttr} t="s"><v>${ctx.strings.add(text)}</v></c>`;
  }
  if (typeof value === 'number') {
    const n = numberText(value);
    if (n === undefined) {
      ctx.log.add('number', { sheet: ctx.sheet, ref, what: 'cell' }, `cell ${ref} on sheet "${ctx.sheet}": ${value} is not a number a cell can hold; written as #NUM!`);
      return `<c r="${ref}"${sAttr} t="e"><v>#NUM!</v></c>`;
    }
    return `<c r="${ref}"${sAttr}><v>${n}</v></c>`;
  }
  if (typeof value === 'boolean') return `<c r="${ref}"${sAttr} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (value instanceof Date) {
    const n = numberText(dateSerial(value));
    if (n === undefined) {
      ctx.log.add('number', { sheet: ctx.sheet, ref, what: 'cell' }, `cell ${ref} on sheet "${ctx.sheet}": an invalid date; written as #VALUE!`);
      return `<c r="${ref}"${sAttr} t="e"><v>#VALUE!</v></c>`;
    }
    return `<c r="${ref}"${sAttr}><v>${n}</v></c>`;
  }
  return s ? `<c r="${ref}"${sAttr}/>` : '';
}

/** The cached result of a formula: the t attribute and the <v> element. */
function cachedXml(cached: CachedValue, ref: string, ctx: CellWriteContext): { t: string; v: string } | undefined {
  if (cached === null) return undefined;
  if (typeof cached === 'number') {
    const n = numberText(cached);
    return n === undefined ? { t: ' t="e"', v: '<v>#NUM!</v>' } : { t: '', v: `<v>${n}</v>` };
  }
  if (typeof cached === 'string') {
    const text = ctx.log.cleanAndCut(cached, { sheet: ctx.sheet, ref, what: 'formula result' });
    return { t: ' t="str"', v: `<v>${escapeText(text)}</v>` };
  }
  if (typeof cached === 'boolean') return { t: ' t="b"', v: `<v>${cached ? 1 : 0}</v>` };
  if (cached instanceof Date) {
    const n = numberText(dateSerial(cached));
    return n === undefined ? undefined : { t: '', v: `<v>${n}</v>` };
  }
  if (EXCEL_ERRORS.has(cached.error)) return { t: ' t="e"', v: `<v>${escapeText(cached.error)}</v>` };
  return undefined;
}

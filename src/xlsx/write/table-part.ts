/** xl/tables/tableN.xml: one Excel table (ListObject) over a range whose first row is its header. */
import type { TableSpec } from '../../sheets/core/sheet-spec';
import { SML_NS, XML_DECLARATION } from './namespaces';
import { escapeAttr, escapeXstring } from './xml-text';

export interface TablePartInput {
  /** Workbook-unique table id (1, 2, …). */
  id: number;
  /** Workbook-unique name (may differ from the spec's when two sheets used the same one). */
  name: string;
  spec: TableSpec;
  /** Column names as the header cells show them (cleaned). */
  columns: string[];
}

/**
 * A line break in a column name is stored as _x000a_ (the header cell holds the real one);
 * other text is kept, with a literal "_xHHHH_" escaped so it is not read as a character code.
 */
function columnName(name: string): string {
  return escapeXstring(name).replace(/\r\n|\n|\r/g, '_x000a_');
}

export function tableXml(t: TablePartInput): string {
  const cols = t.columns.map((name, i) => `<tableColumn id="${i + 1}" name="${escapeAttr(columnName(name))}"/>`).join('');
  return (
    `${XML_DECLARATION}<table xmlns="${SML_NS}" id="${t.id}" name="${escapeAttr(t.name)}" displayName="${escapeAttr(t.name)}" ref="${t.spec.ref}" totalsRowShown="0">` +
    `<autoFilter ref="${t.spec.ref}"/>` +
    `<tableColumns count="${t.columns.length}">${cols}</tableColumns>` +
    `<tableStyleInfo name="${escapeAttr(t.spec.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="${(t.spec.showRowStripes ?? true) ? 1 : 0}" showColumnStripes="0"/>` +
    '</table>'
  );
}

/**
 * xl/workbook.xml: the sheets in order, the defined names, and the calculation settings. The
 * workbook asks to be recalculated in full when opened (fullCalcOnLoad), so whatever a reader
 * computes never depends on the values stored with the formulas.
 */
import { R_NS, SML_NS, XML_DECLARATION } from './namespaces';
import { escapeAttr, escapeText } from './xml-text';

export interface WorkbookSheet {
  name: string;
  relId: string;
  hidden: boolean;
}

export interface DefinedName {
  name: string;
  /** Formula without "=": a reference ('S'!$A$1) or a constant (1, "text"). */
  formula: string;
  /** Index of the sheet it is scoped to (0-based position in <sheets>); none = workbook. */
  localSheetId?: number;
  comment?: string;
  hidden?: boolean;
}

export function workbookXml(sheets: WorkbookSheet[], names: DefinedName[]): string {
  const firstVisible = Math.max(0, sheets.findIndex((s) => !s.hidden));
  const sheetItems = sheets
    .map((s, i) => `<sheet name="${escapeAttr(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="${s.relId}"/>`)
    .join('');
  const nameItems = names
    .map((n) => {
      const attrs = [
        `name="${escapeAttr(n.name)}"`,
        n.comment ? `comment="${escapeAttr(n.comment)}"` : '',
        n.localSheetId !== undefined ? `localSheetId="${n.localSheetId}"` : '',
        n.hidden ? 'hidden="1"' : '',
      ].filter(Boolean);
      return `<definedName ${attrs.join(' ')}>${escapeText(n.formula)}</definedName>`;
    })
    .join('');
  return (
    `${XML_DECLARATION}<workbook xmlns="${SML_NS}" xmlns:r="${R_NS}">` +
    '<workbookPr defaultThemeVersion="164011"/>' +
    `<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300" activeTab="${firstVisible}"/></bookViews>` +
    `<sheets>${sheetItems}</sheets>` +
    (nameItems ? `<definedNames>${nameItems}</definedNames>` : '') +
    '<calcPr calcId="191029" fullCalcOnLoad="1"/>' +
    '</workbook>'
  );
}

/**
 * Edits one cell of a written .xlsx as a user typing over it would (no recalculation: the file's
 * cached values are left as they were, LibreOffice recomputes them on load).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Replaces cell `ref` of sheet `sheetName` with a number or an inline string; throws when the cell is not in the sheet. */
export async function typeInto(file: string, sheetName: string, ref: string, value: string | number): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const sheet = new RegExp(`<sheet name="${xmlEscape(sheetName)}"[^>]*r:id="([^"]+)"`).exec(wb);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const target = new RegExp(`Id="${sheet[1]}"[^>]*Target="([^"]+)"`).exec(rels)![1];
  const part = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const xml = await zip.file(part)!.async('string');
  const cell = new RegExp(`<c r="${ref}"( s="\\d+")?[^>]*?(/>|>[\\s\\S]*?</c>)`);
  if (!cell.test(xml)) throw new Error(`${sheetName}!${ref} is not in the sheet part`);
  const written = typeof value === 'number' ? `><v>${value}</v></c>` : ` t="inlineStr"><is><t>${xmlEscape(value)}</t></is></c>`;
  zip.file(part, xml.replace(cell, (_m, s: string | undefined) => `<c r="${ref}"${s ?? ''}${written}`));
  writeFileSync(file, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

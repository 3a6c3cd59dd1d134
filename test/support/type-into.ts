/** Editing a cell of an .xlsx file as a user typing over it would (LibreOffice tests of linked sheets). */
import { readFileSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';

/** Replaces one cell of a sheet part with an inline string (a number when `text` is a number). */
export async function typeInto(file: string, sheetName: string, ref: string, text: string | number): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const id = new RegExp(`<sheet name="${sheetName}"[^>]*r:id="([^"]+)"`).exec(wb)![1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1];
  const part = `xl/${target.replace(/^\/?xl\//, '')}`;
  const xml = await zip.file(part)!.async('string');
  const cell = new RegExp(`<c r="${ref}"( s="\\d+")?[^>]*?(/>|>[\\s\\S]*?</c>)`);
  if (!cell.test(xml)) throw new Error(`${sheetName}!${ref} is not in ${part}`);
  const body = typeof text === 'number' ? `><v>${text}</v></c>` : ` t="inlineStr"><is><t>${text}</t></is></c>`;
  zip.file(part, xml.replace(cell, (_m, s: string | undefined) => `<c r="${ref}"${s ?? ''}${body}`));
  writeFileSync(file, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

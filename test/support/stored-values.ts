/**
 * The formula cells of an .xlsx and the values stored beside them (<v>), read straight from
 * the package's XML — independent of the library that wrote the file. Used to check that every
 * formula carries a cached value, and to compare those values with another engine's.
 */
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';

export type Stored = number | string | boolean | { error: string };

export interface StoredCell {
  /** Formula text without "=" (empty for the followers of a shared formula). */
  formula: string;
  /** The stored value; undefined when the cell has no <v>. */
  value: Stored | undefined;
}

/** Sheet name → A1 → formula cell, in workbook order. */
export type StoredWorkbook = Map<string, Map<string, StoredCell>>;

function sheetTargets(workbookXml: string, relsXml: string): { name: string; part: string }[] {
  const targets = new Map<string, string>();
  const rels = new SaxesParser();
  rels.on('opentag', (n) => {
    const a = n.attributes as Record<string, string>;
    if (n.name.endsWith('Relationship') && a.Id && a.Target) {
      const t = a.Target.startsWith('/') ? a.Target.slice(1) : `xl/${a.Target}`;
      targets.set(a.Id, t.replace(/\/\.\//g, '/'));
    }
  });
  rels.write(relsXml).close();
  const out: { name: string; part: string }[] = [];
  const wb = new SaxesParser();
  wb.on('opentag', (n) => {
    const a = n.attributes as Record<string, string>;
    if (n.name.replace(/^.*:/, '') === 'sheet') {
      const id = a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1];
      const part = id ? targets.get(id) : undefined;
      if (part) out.push({ name: a.name, part });
    }
  });
  wb.write(workbookXml).close();
  return out;
}

export function parseSheetFormulas(xml: string): Map<string, StoredCell> {
  const cells = new Map<string, StoredCell>();
  const parser = new SaxesParser();
  let ref = '';
  let type = 'n';
  let inCell = false;
  let hasFormula = false;
  let formula = '';
  let value: string | undefined;
  let reading: 'f' | 'v' | undefined;
  parser.on('opentag', (n) => {
    const tag = n.name.replace(/^.*:/, '');
    const a = n.attributes as Record<string, string>;
    if (tag === 'c') {
      inCell = true;
      ref = a.r ?? '';
      type = a.t ?? 'n';
      hasFormula = false;
      formula = '';
      value = undefined;
    } else if (inCell && tag === 'f') {
      hasFormula = true;
      reading = 'f';
    } else if (inCell && tag === 'v') {
      value = '';
      reading = 'v';
    }
  });
  parser.on('text', (t) => {
    if (reading === 'f') formula += t;
    else if (reading === 'v') value += t;
  });
  parser.on('closetag', (n) => {
    const tag = n.name.replace(/^.*:/, '');
    if (tag === 'f' || tag === 'v') reading = undefined;
    else if (tag === 'c') {
      inCell = false;
      if (!hasFormula) return;
      let v: Stored | undefined;
      if (value !== undefined) {
        if (type === 'str' || type === 'inlineStr') v = value;
        else if (type === 'b') v = value.trim() === '1' || value.trim().toLowerCase() === 'true';
        else if (type === 'e') v = { error: value };
        else if (type === 's') v = `#shared-string ${value}`;
        else v = Number(value);
      }
      cells.set(ref, { formula, value: v });
    }
  });
  parser.write(xml).close();
  return cells;
}

export async function readStoredFormulas(file: string | Uint8Array): Promise<StoredWorkbook> {
  const zip = await JSZip.loadAsync(typeof file === 'string' ? readFileSync(file) : file);
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const out: StoredWorkbook = new Map();
  for (const { name, part } of sheetTargets(workbook, rels)) {
    const xml = await zip.file(part)?.async('string');
    if (xml !== undefined && /<(\w+:)?worksheet\b/.test(xml)) out.set(name, parseSheetFormulas(xml));
  }
  return out;
}

/** "Sheet!A1 (formula)" of every formula cell without a stored value. */
export function uncached(wb: StoredWorkbook): string[] {
  const out: string[] = [];
  for (const [sheet, cells] of wb) for (const [ref, c] of cells) if (c.value === undefined) out.push(`${sheet}!${ref} =${c.formula}`);
  return out;
}

/** Equal as a spreadsheet shows them: numbers to 1e-9 relative (15-digit cached values), text and errors exactly. */
export function sameValue(a: Stored | undefined, b: Stored | undefined, tolerance = 1e-9): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
  if (typeof a === 'object' && typeof b === 'object') return a.error === b.error;
  return a === b;
}

export interface Disagreement {
  sheet: string;
  ref: string;
  formula: string;
  ours: Stored | undefined;
  theirs: Stored | undefined;
}

/** Formula cells of `ours` whose stored value differs from `theirs` (the same workbook recalculated elsewhere). */
export function compareStored(ours: StoredWorkbook, theirs: StoredWorkbook): { compared: number; disagreements: Disagreement[] } {
  let compared = 0;
  const disagreements: Disagreement[] = [];
  for (const [sheet, cells] of ours) {
    const other = theirs.get(sheet);
    for (const [ref, c] of cells) {
      compared++;
      const t = other?.get(ref)?.value;
      if (!sameValue(c.value, t)) disagreements.push({ sheet, ref, formula: c.formula, ours: c.value, theirs: t });
    }
  }
  return { compared, disagreements };
}

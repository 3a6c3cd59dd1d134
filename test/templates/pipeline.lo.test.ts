/**
 * Pipeline template: the example rows recalculated in LibreOffice give the overdue / stalled /
 * documents-missing flags, the potential-customer count and the per-owner summary worked out by
 * hand below, in both languages; the flags follow the report date in the title block (not
 * TODAY()); closed and abandoned rows are never overdue or stalled.
 */
import path from 'node:path';
import catalog from '../../src/i18n/templates/pipeline';
import { translator } from '../../src/i18n/define';
import { LANGS, type Lang, type SheetSpec } from '../../src/sheets/core/sheet-spec';
import { PIPELINE_ROWS, pipeline } from '../../src/sheets/templates/pipeline';
import { excelLimitViolations, setCell } from '../support/excel-limits';
import { asIsoDate, readWorkbook, recalc, type SheetValues } from '../support/libreoffice';
import { FIXED_TODAY, tempDir, writeSheets } from '../support/template-files';

type Variant = 'example' | 'earlier' | 'blank' | 'closedOld';
const VARIANTS: Variant[] = ['example', 'earlier', 'blank', 'closedOld'];
const results = new Map<string, SheetValues[]>();
const built = new Map<string, SheetSpec[]>();

beforeAll(async () => {
  const dir = tempDir('ap-pipeline-');
  const files: string[] = [];
  const keys: string[] = [];
  for (const lang of LANGS)
    for (const variant of VARIANTS) {
      const sheets = pipeline.build({ lang, example: variant !== 'blank', today: FIXED_TODAY });
      // Same rows, report date 2026-03-01 typed into the title block.
      if (variant === 'earlier') setCell(sheets[0], 'F3', new Date(Date.UTC(2026, 2, 1)));
      // The closed row (13) last contacted and due long ago: still neither overdue nor stalled.
      if (variant === 'closedOld') {
        setCell(sheets[0], 'G13', new Date(Date.UTC(2025, 11, 1)));
        setCell(sheets[0], 'H13', new Date(Date.UTC(2025, 11, 1)));
      }
      built.set(`${lang}/${variant}`, sheets);
      files.push(await writeSheets(sheets, path.join(dir, `pipeline-${lang}-${variant}.xlsx`)));
      keys.push(`${lang}/${variant}`);
    }
  const out = await recalc(files);
  for (let i = 0; i < out.length; i++) results.set(keys[i], await readWorkbook(out[i]));
}, 600_000);

function values(lang: Lang, variant: Variant, sheet = 0) {
  const s = results.get(`${lang}/${variant}`)![sheet];
  return (ref: string) => s.values.get(ref) ?? null;
}

/**
 * Report date 2026-03-15, stalled after 30 days. Rows 13–20 of the example:
 * 13 closed (red), due 03-10, last 03-12 → closed: never flagged
 * 14 yellow, due 03-20, last 03-05          → —, 10 days → —
 * 15 yellow, due 03-01, last 02-10          → overdue, 33 days → stalled
 * 16 green,  due 03-18, last 02-13          → —, exactly 30 days → not stalled
 * 17 green (keep), due 03-14, last 01-20    → overdue, 54 days → stalled
 * 18 green (abandon), due 02-28, last 01-05 → abandoned: never flagged
 * 19 green (no decision), no due, last 03-02 → —, 13 days → —
 * 20 green, due 03-15 (= report date), last 02-12 → not overdue, 31 days → stalled
 */
const OVERDUE_ROWS = [15, 17];
const STALLED_ROWS = [15, 17, 20];
/**
 * Step documents: 15 (stage 3) lacks the product proposal; 19 (stage 1) the phone-invitation
 * feedback; 20 (stage 3) the proposal and the exchange minutes; 18 is abandoned (not checked).
 */
const MISSING_DOCS: Record<number, number> = { 15: 1, 19: 1, 20: 2 };

describe.each(LANGS)('pipeline %s', (lang) => {
  const t = translator(catalog, lang);

  test('flags overdue, stalled and missing documents against the report date', () => {
    const v = values(lang, 'example');
    expect(asIsoDate(v('C7'))).toBe('2026-03-15');
    for (let r = 13; r <= 20; r++) {
      expect([r, v(`L${r}`)]).toEqual([r, OVERDUE_ROWS.includes(r) ? t('overdueFlag') : '']);
      expect([r, v(`M${r}`)]).toEqual([r, STALLED_ROWS.includes(r) ? t('stalledFlag') : '']);
      expect([r, v(`N${r}`)]).toEqual([r, MISSING_DOCS[r] ? t('missingDocsFlag', { n: MISSING_DOCS[r] }) : '']);
    }
    expect(v('L9')).toBe(2);
    expect(v('L10')).toBe(3);
  });

  test('closed and abandoned rows are never overdue or stalled, however old their dates', () => {
    const v = values(lang, 'closedOld');
    expect([v('L13'), v('M13')]).toEqual(['', '']);
    expect([v('L18'), v('M18')]).toEqual(['', '']);
  });

  test('counts potential customers (green, not abandoned) against the 25–30 target', () => {
    const v = values(lang, 'example');
    expect(v('I7')).toBe(t('potentialCount'));
    // Green rows 16–20 minus the abandoned row 18.
    expect(v('J7')).toBe(4);
    expect(v('J8')).toBe(t('belowTarget', { n: 21 }));
    expect(v('J9')).toBe(1);
    expect(v('J10')).toBe(2);
  });

  test('a different date in the title block moves the flags', () => {
    // Report date 2026-03-01: no open row is overdue (row 18, due 02-28, is abandoned); stalled
    // means last contact before 2026-01-30: row 17 (01-20).
    const v = values(lang, 'earlier');
    for (let r = 13; r <= 20; r++) {
      expect([r, v(`L${r}`)]).toEqual([r, '']);
      expect([r, v(`M${r}`)]).toEqual([r, r === 17 ? t('stalledFlag') : '']);
    }
  });

  test('the blank template has 60 empty rows whose flags stay empty', () => {
    expect(PIPELINE_ROWS).toBeGreaterThanOrEqual(60);
    const v = values(lang, 'blank');
    for (let r = 13; r < 13 + PIPELINE_ROWS; r++) {
      expect(v(`A${r}`)).toBeNull();
      expect([r, v(`L${r}`), v(`M${r}`), v(`N${r}`)]).toEqual([r, '', '', '']);
    }
    expect(v('J7')).toBe(0);
    expect(v('J8')).toBe(t('belowTarget', { n: 25 }));
    expect(v('C8')).toBe(30);
  });

  /**
   * Summary sheet, owners in rows 11–13 (王磊/Wang Lei, 李娜/Li Na, 张伟/Zhang Wei), columns
   * B–F stages 1–5, G–I red/yellow/green, J potential, K overdue, L stalled, M documents
   * missing, N rows. Owner of each example row: 13, 15, 19 → first; 14, 18, 20 → second; 16, 17 → third.
   */
  test('the summary sheet counts each owner by stage and colour, against the team target', () => {
    const s = values(lang, 'example', 1);
    const row = (r: number) => 'BCDEFGHIJKLMN'.split('').map((c) => s(`${c}${r}`));
    expect(row(11)).toEqual([1, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 2, 3]);
    expect(row(12)).toEqual([0, 1, 1, 1, 0, 0, 1, 2, 1, 0, 1, 1, 3]);
    expect(row(13)).toEqual([1, 1, 0, 0, 0, 0, 0, 2, 2, 1, 1, 0, 2]);
    // All rows, and nothing left for owners not listed.
    expect(row(19)).toEqual([2, 2, 2, 1, 1, 1, 2, 5, 4, 2, 3, 3, 8]);
    expect(row(20)).toEqual(Array(13).fill(0));
    expect(s('B7')).toBe(4);
    expect(s('D7')).toBe('25–30');
    expect(s('G7')).toBe(t('belowTarget', { n: 21 }));
    expect(asIsoDate(s('F3'))).toBe('2026-03-15');
  });

  test('stays within the limits Excel enforces', () => {
    for (const variant of ['example', 'blank'] as Variant[])
      for (const sheet of built.get(`${lang}/${variant}`)!) expect(excelLimitViolations(sheet)).toEqual([]);
  });
});

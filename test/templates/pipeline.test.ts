/**
 * Pipeline template: the example rows recalculated in LibreOffice give the overdue / stalled
 * flags and the potential-customer count worked out by hand below, in both languages, and the
 * flags follow the report date in the title block (not TODAY()).
 */
import path from 'node:path';
import catalog from '../../src/i18n/templates/pipeline';
import { translator } from '../../src/i18n/define';
import { LANGS, type Lang, type SheetSpec } from '../../src/sheets/core/sheet-spec';
import { pipeline } from '../../src/sheets/templates/pipeline';
import { excelLimitViolations, setCell } from '../support/excel-limits';
import { asIsoDate, readWorkbook, recalc, type SheetValues } from '../support/libreoffice';
import { FIXED_TODAY, tempDir, writeSheets } from '../support/template-files';

type Variant = 'example' | 'earlier' | 'blank';
const results = new Map<string, SheetValues>();
const built = new Map<string, SheetSpec>();

beforeAll(async () => {
  const dir = tempDir('ap-pipeline-');
  const files: string[] = [];
  const keys: string[] = [];
  for (const lang of LANGS)
    for (const variant of ['example', 'earlier', 'blank'] as Variant[]) {
      const [sheet] = pipeline.build({ lang, example: variant !== 'blank', today: FIXED_TODAY });
      // Same rows, report date 2026-03-01 typed into the title block.
      if (variant === 'earlier') setCell(sheet, 'F3', new Date(Date.UTC(2026, 2, 1)));
      built.set(`${lang}/${variant}`, sheet);
      files.push(await writeSheets([sheet], path.join(dir, `pipeline-${lang}-${variant}.xlsx`)));
      keys.push(`${lang}/${variant}`);
    }
  const out = await recalc(files);
  for (let i = 0; i < out.length; i++) results.set(keys[i], (await readWorkbook(out[i]))[0]);
}, 120_000);

function values(lang: Lang, variant: Variant) {
  const s = results.get(`${lang}/${variant}`)!;
  return (ref: string) => s.values.get(ref) ?? null;
}

/**
 * Report date 2026-03-15, stalled after 30 days. Rows 13–20 of the example:
 * 13 closed (red), due 03-10, last 03-12 → not overdue (closed), 3 days → —
 * 14 yellow, due 03-20, last 03-05          → —, 10 days → —
 * 15 yellow, due 03-01, last 02-10          → overdue, 33 days → stalled
 * 16 green,  due 03-18, last 02-13          → —, exactly 30 days → not stalled
 * 17 green (keep), due 03-14, last 01-20    → overdue, 54 days → stalled
 * 18 green (abandon), due 02-28, last 01-05 → overdue, 69 days → stalled
 * 19 green (no decision), no due, last 03-02 → —, 13 days → —
 * 20 green, due 03-15 (= report date), last 02-12 → not overdue, 31 days → stalled
 */
const OVERDUE_ROWS = [15, 17, 18];
const STALLED_ROWS = [15, 17, 18, 20];

describe.each(LANGS)('pipeline %s', (lang) => {
  const t = translator(catalog, lang);

  test('flags overdue and stalled rows against the report date', () => {
    const v = values(lang, 'example');
    expect(asIsoDate(v('C7'))).toBe('2026-03-15');
    for (let r = 13; r <= 20; r++) {
      expect([r, v(`L${r}`)]).toEqual([r, OVERDUE_ROWS.includes(r) ? t('overdueFlag') : '']);
      expect([r, v(`M${r}`)]).toEqual([r, STALLED_ROWS.includes(r) ? t('stalledFlag') : '']);
    }
    expect(v('L9')).toBe(3);
    expect(v('L10')).toBe(4);
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
    // Report date 2026-03-01: only row 18 (due 02-28) is overdue; stalled means last contact
    // before 2026-01-30: rows 17 (01-20) and 18 (01-05).
    const v = values(lang, 'earlier');
    for (let r = 13; r <= 20; r++) {
      expect([r, v(`L${r}`)]).toEqual([r, r === 18 ? t('overdueFlag') : '']);
      expect([r, v(`M${r}`)]).toEqual([r, [17, 18].includes(r) ? t('stalledFlag') : '']);
    }
  });

  test('the blank template has 30 empty rows whose flags stay empty', () => {
    const v = values(lang, 'blank');
    for (let r = 13; r <= 42; r++) {
      expect(v(`A${r}`)).toBeNull();
      expect([r, v(`L${r}`), v(`M${r}`)]).toEqual([r, '', '']);
    }
    expect(v('J7')).toBe(0);
    expect(v('J8')).toBe(t('belowTarget', { n: 25 }));
    expect(v('C8')).toBe(30);
  });

  test('stays within the limits Excel enforces', () => {
    for (const variant of ['example', 'blank'] as Variant[])
      expect(excelLimitViolations(built.get(`${lang}/${variant}`)!)).toEqual([]);
  });
});

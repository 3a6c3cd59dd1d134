/**
 * Key-account plan: share of wallet, the cost & sales forecast verdict and the relationship
 * stage logic, recalculated in LibreOffice and compared with values worked out by hand.
 */
import path from 'node:path';
import catalog from '../../src/i18n/templates/key-account-plan';
import { translator } from '../../src/i18n/define';
import { LANGS, type Lang, type SheetSpec } from '../../src/sheets/core/sheet-spec';
import { keyAccountPlan } from '../../src/sheets/templates/key-account-plan';
import { excelLimitViolations, setCell } from '../support/excel-limits';
import { readWorkbook, recalc, type SheetValues } from '../support/libreoffice';
import { FIXED_TODAY, tempDir, writeSheets } from '../support/template-files';

type Variant = 'example' | 'risky' | 'collaborative' | 'blank';
const VARIANTS: Variant[] = ['example', 'risky', 'collaborative', 'blank'];
const results = new Map<string, SheetValues>();
const built = new Map<string, SheetSpec>();

// Layout (the same in both languages).
const TRADING = { first: 42, last: 53, total: 54 };
const F = {
  sales: 'B65',
  margin: 'B66',
  profit: 'B67',
  costs: 'B72',
  risk: 'B73',
  adjusted: 'B74',
  hurdle: 'B75',
  verdict: 'B76',
};
const ADVANTAGE_TOTAL = 'C86';
const STAGE = 'B89';
const CAUSE = 'B90';
const NEXT_GOAL = 'E89';
const CHECK = 'E90';

beforeAll(async () => {
  const dir = tempDir('ap-keyaccount-');
  const files: string[] = [];
  const keys: string[] = [];
  for (const lang of LANGS)
    for (const variant of VARIANTS) {
      const t = translator(catalog, lang);
      const [sheet] = keyAccountPlan.build({ lang, example: variant !== 'blank', today: FIXED_TODAY });
      if (variant === 'risky') {
        setCell(sheet, F.risk, 0.9);
        setCell(sheet, F.hurdle, 50000);
        setCell(sheet, STAGE, t('stageInterrupted'));
      }
      if (variant === 'collaborative') {
        setCell(sheet, STAGE, t('stageCollaborative'));
        setCell(sheet, CAUSE, t('causeStaff'));
      }
      built.set(`${lang}/${variant}`, sheet);
      files.push(await writeSheets([sheet], path.join(dir, `keyaccount-${lang}-${variant}.xlsx`)));
      keys.push(`${lang}/${variant}`);
    }
  const out = await recalc(files);
  for (let i = 0; i < out.length; i++) results.set(keys[i], (await readWorkbook(out[i]))[0]);
}, 120_000);

function values(lang: Lang, variant: Variant) {
  const s = results.get(`${lang}/${variant}`)!;
  return (ref: string) => s.values.get(ref) ?? null;
}

describe.each(LANGS)('key-account-plan %s', (lang) => {
  const t = translator(catalog, lang);

  test('trading record: our share per month and overall', () => {
    const v = values(lang, 'example');
    // our supply ÷ their purchases: 84/420, 99/450, 100/400, 132/480, 108/360, 96/300 (thousand CNY)
    const shares = [0.2, 0.22, 0.25, 0.275, 0.3, 0.32];
    shares.forEach((share, i) => expect(v(`E${TRADING.first + i}`)).toBeCloseTo(share, 12));
    for (let r = TRADING.first + shares.length; r <= TRADING.last; r++) expect(v(`E${r}`)).toBe('');
    expect(v(`A${TRADING.total}`)).toBe(t('total'));
    expect(v(`B${TRADING.total}`)).toBe(7190000);
    expect(v(`C${TRADING.total}`)).toBe(2410000);
    expect(v(`D${TRADING.total}`)).toBe(619000);
    expect(v(`E${TRADING.total}`)).toBeCloseTo(619000 / 2410000, 12);
  });

  test('forecast: (3,600,000 × 18 % − 264,000) × (1 − 25 %) = 288,000 > 0 → worth developing', () => {
    const v = values(lang, 'example');
    expect(v('A76')).toBe(t('verdict'));
    expect(v(F.profit)).toBeCloseTo(648000, 6);
    // 36,000 inventory interest + 120,000 staff + 48,000 travel + 60,000 management
    expect(v(F.costs)).toBe(264000);
    expect(v(F.adjusted)).toBeCloseTo(288000, 6);
    expect(v(F.verdict)).toBe(t('verdictWorth'));
    expect(v(ADVANTAGE_TOTAL)).toBe(180000 + 120000 + 50000 + 30000);
  });

  test('forecast: risk 90 % and a 50,000 hurdle → 38,400, not worth developing', () => {
    const v = values(lang, 'risky');
    expect(v(F.adjusted)).toBeCloseTo(38400, 6);
    expect(v(F.verdict)).toBe(t('verdictNotWorth'));
  });

  test('relationship: next goal and the interruption-cause check', () => {
    expect(values(lang, 'example')(NEXT_GOAL)).toBe(t('stagePartnership'));
    expect(values(lang, 'example')(CHECK)).toBe('');
    expect(values(lang, 'risky')(NEXT_GOAL)).toBe(t('goalRestore'));
    expect(values(lang, 'risky')(CHECK)).toBe(t('checkNeedCause'));
    expect(values(lang, 'collaborative')(NEXT_GOAL)).toBe(t('goalKeep'));
    expect(values(lang, 'collaborative')(CHECK)).toBe(t('checkCauseUnused'));
  });

  test('the blank template asks for the forecast inputs instead of computing', () => {
    const v = values(lang, 'blank');
    expect(v(F.profit)).toBe('');
    expect(v(F.costs)).toBe(0);
    expect(v(F.adjusted)).toBe('');
    expect(v(F.verdict)).toBe(t('verdictPending'));
    expect(v(`E${TRADING.total}`)).toBe('');
    expect(v(NEXT_GOAL)).toBe('');
    expect(v(CHECK)).toBe('');
  });

  test('marks the decision makers’ interests and family as personal, and stays within Excel limits', () => {
    const sheet = built.get(`${lang}/example`)!;
    expect(sheet.personalRanges).toEqual(['E29:E32', 'F29:F32']);
    for (const variant of ['example', 'blank'] as Variant[])
      expect(excelLimitViolations(built.get(`${lang}/${variant}`)!)).toEqual([]);
  });
});

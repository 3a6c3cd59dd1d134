/**
 * Parity for the computed result sheets: the ABC result (+ rejected rows) and the bonus
 * workbook (bonus sheet, rep statements, Rules sheet), written through the Office writer and
 * through the .xlsx renderer, compared aspect by aspect.
 */
import { runAbc } from '../../src/domain/abc/run';
import { runBonus } from '../../src/domain/bonus/run';
import { Decimal } from '../../src/domain/exact/decimal';
import { buildAbcSheets } from '../../src/sheets/abc/result-sheet';
import { tierEntriesOf } from '../../src/domain/abc/previous-tiers';
import { compareTiers } from '../../src/domain/abc/tier-migration';
import { buildMigrationSheet } from '../../src/sheets/abc/migration-sheet';
import { buildBonusSheets } from '../../src/sheets/bonus/bonus-sheets';
import { LANGS, type SheetSpec } from '../../src/sheets/core/sheet-spec';
import { FIXED_TODAY } from '../support/template-files';
import { ASPECTS } from './grid-snapshot';
import { writeBoth, type ParityResult } from './parity-helpers';

function abcRows(): unknown[][] {
  const rows: unknown[][] = [];
  for (let i = 0; i < 60; i++) rows.push([i % 5 === 0 ? `华东机械 ${i}` : `Customer ${i % 40}`, ((i * 7919) % 5000) + 100.25]);
  rows.push(['', 500], ['Bad value', 'abc'], ['Refund', -250], ['Zero', 0]);
  return rows;
}

async function abcSpecs(lang: (typeof LANGS)[number]): Promise<SheetSpec[]> {
  const result = await runAbc({ headers: ['Customer', 'Amount'], rows: abcRows() }, { lang });
  return buildAbcSheets(result, { lang, today: FIXED_TODAY });
}

/** The ABC result with the Tier Migration sheet against a previous run (half the rows, values scaled), as the pane writes them. */
async function migrationSpecs(lang: (typeof LANGS)[number]): Promise<SheetSpec[]> {
  const current = await runAbc({ headers: ['Customer', 'Amount'], rows: abcRows() }, { lang });
  const previousRows = abcRows()
    .slice(0, 40)
    .map(([c, v], i) => [c, typeof v === 'number' ? v * (1 + (i % 3)) : v]);
  const previous = await runAbc({ headers: ['Customer', 'Amount'], rows: previousRows }, { lang });
  const migration = compareTiers(tierEntriesOf(previous), tierEntriesOf(current));
  return [
    ...buildAbcSheets(current, { lang, today: FIXED_TODAY }),
    buildMigrationSheet(migration, { lang, today: FIXED_TODAY, previousLabel: 'Q1', currentLabel: 'Q2' }),
  ];
}

async function bonusSpecs(lang: (typeof LANGS)[number]): Promise<SheetSpec[]> {
  const rows = [
    ['Li', 'Deal-1', '2026-01-15', '12000', 'USD', '12%'],
    ['Li', 'Deal-2', '2026-02-03', '30000.50', 'USD', '15%'],
    ['Wang', 'Deal-3', '2026-02-20', '500000', 'CNY', '9%'],
    ['Wang', 'Deal-4', '2026-03-01', '90000', 'EUR', '10%'],
    ['Zhao', 'Deal-5', 'not a date', '1000', 'USD', '20%'],
  ];
  const result = await runBonus(
    'new-brand',
    { headers: ['rep', 'contract', 'date', 'amount', 'currency', 'margin'], rows },
    { fx: { USD: new Decimal('7.1'), EUR: new Decimal('7.8') }, lang, computedAt: FIXED_TODAY },
  );
  return buildBonusSheets(result, { lang });
}

const cases = LANGS.flatMap((lang) => [
  { label: `ABC result ${lang}`, build: () => abcSpecs(lang) },
  { label: `ABC result with tier migration ${lang}`, build: () => migrationSpecs(lang) },
  { label: `bonus new-brand ${lang}`, build: () => bonusSpecs(lang) },
]);

describe.each(cases)('$label', ({ build }) => {
  let specs: SheetSpec[] = [];
  let result: ParityResult;
  beforeAll(async () => {
    specs = await build();
    result = await writeBoth(specs);
  });

  test('has more than one sheet to compare and writes them in 2 syncs', () => {
    expect(specs.length).toBeGreaterThan(1);
    expect(result.syncs).toBe(2);
    const main = result.sheets[0].file;
    expect(Object.keys(main.values).length).toBeGreaterThan(60);
    expect(Object.keys(main.numberFormats).length).toBeGreaterThan(20);
  });

  // Sheet count is known only after building: compare every aspect of every sheet in one loop
  // per aspect, naming the sheet in the failure message.
  test.each([...ASPECTS])('%s of every sheet', (aspect) => {
    for (const sheet of result.sheets) {
      expect({ sheet: sheet.name, [aspect]: sheet.office[aspect] }).toEqual({ sheet: sheet.name, [aspect]: sheet.file[aspect] });
    }
  });
});

/**
 * Every percentage a planner types is validated: each unlocked cell shown with a % format, in
 * every template (both languages, example and blank), lies in a decimal validation of
 * 0–100 % (a share, a weight, a probability), or −100–100 % for a margin or return that may be
 * negative. The one exception is a growth rate (BCG market growth and its split), which may
 * exceed 100 %, held to −100–1000 %.
 */
import { parseCell, parseRange } from '../../src/sheets/core/a1';
import { isFormula, LANGS, type SheetSpec, type ValidationSpec } from '../../src/sheets/core/sheet-spec';
import { TEMPLATE_KINDS, getTemplate } from '../../src/sheets/templates/registry';
import { FIXED_TODAY } from '../support/template-files';

function covering(sheet: SheetSpec, ref: string): ValidationSpec[] {
  const { row, col } = parseCell(ref);
  return (sheet.validations ?? []).filter((v) =>
    v.ref.split(/\s+/).some((part) => {
      const r = part.includes(':')
        ? parseRange(part)
        : (({ row: pr, col: pc }) => ({ top: pr, bottom: pr, left: pc, right: pc }))(parseCell(part));
      return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
    }),
  );
}

const GROWTH = { type: 'decimal', min: -1, max: 10 };

test('percentage inputs are validated to 0–100 % (−100 % for margins, growth rates to 1000 %)', () => {
  const found: string[] = [];
  const wrong: string[] = [];
  for (const kind of TEMPLATE_KINDS)
    for (const lang of LANGS)
      for (const example of [true, false])
        for (const sheet of getTemplate(kind).build({ lang, example, today: FIXED_TODAY })) {
          for (const cell of sheet.cells) {
            if (isFormula(cell.value) || cell.style?.locked !== false || !cell.style?.numFmt?.includes('%')) continue;
            found.push(`${kind}!${cell.ref}`);
            const rules = covering(sheet, cell.ref).map((v) => v.rule);
            const ok =
              rules.length === 1 &&
              rules[0].type === 'decimal' &&
              ((rules[0].min === 0 && rules[0].max === 1) ||
                (rules[0].min === -1 && rules[0].max === 1) ||
                (kind === 'bcg' && JSON.stringify(rules[0]) === JSON.stringify(GROWTH)));
            if (!ok) wrong.push(`${kind} ${lang} ${sheet.name}!${cell.ref}: ${JSON.stringify(rules)}`);
          }
        }
  // Shares of wallet, weights, market shares, margins, growth rates, the credit register's warning share, the contract's shares, the annual plan's margin and warning share, the hope list's stage probabilities: well over a hundred cells.
  expect(new Set(found.map((f) => f.split('!')[0]))).toEqual(
    new Set(['annual-plan', 'bcg', 'credit', 'contract-checklist', 'hope-list', 'key-account-plan', 'supplier-evaluation', 'swot']),
  );
  expect(wrong).toEqual([]);
});

test('the key-account share of wallet and competitor shares are shares (0–100 %), not ratios', () => {
  const [sheet] = getTemplate('key-account-plan').build({ lang: 'en-US', example: false, today: FIXED_TODAY });
  const competitors = sheet.tables!.find((t) => t.name === 'KeyAccountPlan_Competitors')!;
  const r = parseRange(competitors.ref);
  const share = competitors.columns.findIndex((c) => /share/i.test(c.name));
  expect(share).toBeGreaterThan(-1);
  const ref = `${String.fromCharCode(64 + r.left + share)}${r.top + 1}`;
  expect(covering(sheet, ref).map((v) => v.rule)).toEqual([{ type: 'decimal', min: 0, max: 1 }]);
});

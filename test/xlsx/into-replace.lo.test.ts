/**
 * --replace of several sheets at once, opened in LibreOffice: the workbook part stays sound when
 * the replacements' relationship ids are longer than the ones they replace (rId1 → rId10), every
 * sheet opens in its place with no error value and shows what was written last.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { getTemplate } from '../../src/sheets/templates/registry';
import { intoWorkbook, openTarget } from '../../src/xlsx/into/into-workbook';
import { renderWorkbook } from '../../src/xlsx/render-workbook';
import { readWorkbookParts } from '../../src/xlsx/workbook-names';
import { errorCells, readWorkbook, recalc } from '../support/libreoffice';
import { FIXED_TODAY, tempDir } from '../support/template-files';

const build = (kind: Parameters<typeof getTemplate>[0], lang: 'zh-CN' | 'en-US') => getTemplate(kind).build({ lang, example: true, today: FIXED_TODAY });

test('pipeline (two sheets) and decision chain replaced in a nine-relationship workbook: LibreOffice opens every sheet', async () => {
  const dir = tempDir('ap-into-replace-');
  const before = await renderWorkbook({ sheets: [...build('pipeline', 'en-US'), ...build('visit-plan', 'en-US'), ...build('swot', 'en-US'), ...build('decision-chain', 'en-US')] });
  const ours = [...build('pipeline', 'en-US'), ...build('decision-chain', 'en-US')];
  const replaced = await intoWorkbook(await openTarget(before), { sheets: ours }, true);
  expect(replaced.plan.replaced).toEqual(ours.map((s) => s.name));
  const file = path.join(dir, 'replaced.xlsx');
  writeFileSync(file, replaced.bytes);
  const [out] = await recalc([file]);
  const sheets = await readWorkbook(out);
  expect(sheets.map((s) => s.name)).toEqual((await readWorkbookParts(before)).sheets);
  expect(errorCells(sheets)).toEqual([]);
  // The replaced sheets hold what the new build wrote (its A1 title), the others theirs.
  for (const spec of [...ours, ...build('swot', 'en-US')]) {
    const a1 = spec.cells.find((c) => c.ref === 'A1')?.value;
    expect({ sheet: spec.name, a1: sheets.find((s) => s.name === spec.name)?.values.get('A1') }).toEqual({ sheet: spec.name, a1 });
  }
}, 300_000);

/**
 * The relink diff (src/sheets/templates/relink.ts): a hope list made before the pipeline needs
 * exactly its stage and check columns and its note rewritten to read the pipeline — the
 * customers, values, rules and ranking cells it shares with the linked build are left alone —
 * and the patch fits a sheet only while that sheet keeps the template's labels.
 */
import { getTemplate } from '../../src/sheets/templates/registry';
import { anchorShare, isLinked, linkedSheetKinds, relinkPatch, sheetLang } from '../../src/sheets/templates/relink';
import { findSources } from '../../src/sheets/core/find-sources';
import type { Scalar } from '../../src/sheets/core/sheet-spec';

const TODAY = new Date(Date.UTC(2026, 2, 15));
const pipelineSheet = getTemplate('pipeline').build({ lang: 'zh-CN', example: false, today: TODAY })[0];
const sources = findSources({
  stamps: [{ sheet: '6月进度', stamp: pipelineSheet.stamp! }],
  names: (pipelineSheet.names ?? []).map((n) => ({ name: n.name, formula: `'6月进度'!${n.ref.replace(/^.*!/, '')}`, scope: '6月进度' })),
});
const hope = getTemplate('hope-list');

test('the hope list is the one template sheet that reads another today, by its own stamp', () => {
  expect([...linkedSheetKinds()].map(([kind, { def, index }]) => [kind, def.kind, index])).toContainEqual(['hope-list', 'hope-list', 0]);
});

test('the patch is the stage and check columns and the note: 30 + 30 + 1 cells, nothing else', () => {
  const patch = relinkPatch(hope, 0, 'zh-CN', sources, TODAY)!;
  expect(patch.cells).toHaveLength(61);
  expect(patch.areas).toEqual(['A46', 'D16:D45', 'I16:I45']);
  const stage = patch.cells.find((c) => c.ref === 'D16')!;
  expect(stage.value).toEqual({ formula: expect.stringContaining("INDEX('6月进度'!$C$13:$C$72,MATCH($A16,'6月进度'!$A$13:$A$72,0))") });
  expect(patch.cells.find((c) => c.ref === 'I16')!.value).toEqual({ formula: expect.stringContaining("'6月进度'!$E$13") });
  expect(patch.cells.find((c) => c.ref === 'A46')!.value).toEqual(expect.stringContaining('6月进度'));
  // The unlinked stage list goes with the rewrite; the linked build has no validation there.
  expect(patch.validations).toEqual([]);
  // Untouched: customers, values, the probability formulas, the ranking.
  for (const ref of ['A16', 'C16', 'E16', 'G16', 'B8', 'A50']) expect(patch.cells.some((c) => c.ref === ref)).toBe(false);
  expect(patch.anchors.length).toBeGreaterThan(20);
  expect(relinkPatch(hope, 0, 'zh-CN', {}, TODAY)).toBeUndefined();
});

test('the sheet language is read from its labels; a sheet whose rows moved fits neither', () => {
  const zh = relinkPatch(hope, 0, 'zh-CN', sources, TODAY)!;
  const en = relinkPatch(hope, 0, 'en-US', sources, TODAY)!;
  const plainEn = hope.build({ lang: 'en-US', example: true, today: TODAY })[0];
  const values = new Map<string, Scalar>(plainEn.cells.map((c) => [c.ref, typeof c.value === 'object' && c.value && !(c.value instanceof Date) ? null : c.value]));
  const read = (ref: string) => values.get(ref);
  expect(sheetLang({ 'zh-CN': zh, 'en-US': en }, read)).toBe('en-US');
  expect(anchorShare(en, read)).toBe(1);
  // One row inserted above everything: every label one row down.
  const shifted = (ref: string) => values.get(ref.replace(/\d+$/, (r) => String(Number(r) - 1)));
  expect(sheetLang({ 'zh-CN': zh, 'en-US': en }, shifted)).toBeUndefined();
});

test('isLinked: a sheet holding the linked formulas (in Excel spelling) needs nothing; typed stages do', () => {
  const patch = relinkPatch(hope, 0, 'zh-CN', sources, TODAY)!;
  const formulas = new Map(patch.cells.map((c) => [c.ref, typeof c.value === 'object' && c.value && 'formula' in c.value ? { formula: `= ${c.value.formula}` } : { value: c.value as Scalar }]));
  expect(isLinked(patch, (ref) => formulas.get(ref))).toBe(true);
  formulas.set('D17', { value: '3 价值评估' });
  expect(isLinked(patch, (ref) => formulas.get(ref))).toBe(false);
});

test('the monthly summary made before the pipeline gets a patch too: the relink is driven by linksTo, not by template', () => {
  const summary = getTemplate('monthly-summary');
  const patch = relinkPatch(summary, 0, 'zh-CN', sources, TODAY);
  expect(patch).toBeDefined();
  expect(patch!.cells.some((c) => typeof c.value === 'object' && c.value !== null && 'formula' in c.value && c.value.formula.includes("'6月进度'!"))).toBe(true);
  expect(patch!.anchors.length).toBeGreaterThan(10);
});

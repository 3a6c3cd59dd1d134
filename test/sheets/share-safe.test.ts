/**
 * Personal marks (AP_Personal_<n> names) and the SheetSpec-level share-safe copy.
 */
import { MARK_EXTRA_ROWS, isPersonalMarkerName, personalMarkRanges, withPersonalMarkers } from '../../src/sheets/sharing/personal-marker';
import { nameAreas } from '../../src/sheets/core/name-reference';
import { personalContent, shareSafeSheet } from '../../src/sheets/sharing/share-safe';
import type { SheetSpec } from '../../src/sheets/core/sheet-spec';
import { getTemplate } from '../../src/sheets/templates/registry';
import { renderWorkbook } from '../../src/xlsx/render-workbook';
import { readWorkbookParts } from '../../src/xlsx/workbook-names';
import { FIXED_TODAY } from '../support/template-files';

const build = (kind: 'decision-chain' | 'key-account-plan', lang: 'zh-CN' | 'en-US' = 'en-US', example = true) =>
  getTemplate(kind).build({ lang, example, today: FIXED_TODAY })[0];

describe('marks', () => {
  test('cover header, body and the empty rows below, up to the next block', () => {
    // Decision chain: header on row 6, 20 people on rows 7–26; the summary below it stays in the
    // printed columns A–K, so nothing is under the personal columns L–O and the marks run
    // MARK_EXTRA_ROWS (1000) rows past the body: 26 + 1000 = 1026.
    expect(personalMarkRanges(build('decision-chain'))).toEqual(['L6:L1026', 'M6:M1026', 'N6:N1026', 'O6:O1026']);
    // Key account: header on row 29, 8 decision makers on rows 30–37, the blank row 38, then the
    // purchase-influence section on row 39 across the sheet: the marks stop at 38.
    expect(personalMarkRanges(build('key-account-plan'))).toEqual(['E29:E38', 'F29:F38']);
  });

  test('a table with nothing below is covered for MARK_EXTRA_ROWS more rows; a merge or cell below stops it', () => {
    const sheet: SheetSpec = { name: 'P', cells: [{ ref: 'B2', value: 'Hobbies' }], personalRanges: ['B2:B5'] };
    expect(personalMarkRanges(sheet)).toEqual([`B2:B${5 + MARK_EXTRA_ROWS}`]);
    expect(personalMarkRanges({ ...sheet, merges: ['A9:C9'] })).toEqual(['B2:B8']);
    expect(personalMarkRanges({ ...sheet, cells: [...sheet.cells, { ref: 'B7', value: null, style: { fill: 'FFFFFF' } }] })).toEqual(['B2:B6']);
    // Content in other columns does not matter.
    expect(personalMarkRanges({ ...sheet, cells: [...sheet.cells, { ref: 'C6', value: 1 }] })).toEqual([`B2:B${5 + MARK_EXTRA_ROWS}`]);
    expect(personalMarkRanges({ name: 'none', cells: [] })).toEqual([]);
  });

  test('names are numbered across the workbook; sheets without personal ranges are returned as they are', () => {
    const plain: SheetSpec = { name: 'Plain', cells: [] };
    const [a, b, c] = withPersonalMarkers([build('decision-chain'), plain, build('key-account-plan')]);
    expect(b).toBe(plain);
    expect(a.names?.filter((n) => isPersonalMarkerName(n.name))).toEqual([
      { name: 'AP_Personal_1', ref: '$L$6:$L$1026' },
      { name: 'AP_Personal_2', ref: '$M$6:$M$1026' },
      { name: 'AP_Personal_3', ref: '$N$6:$N$1026' },
      { name: 'AP_Personal_4', ref: '$O$6:$O$1026' },
    ]);
    expect(c.names?.filter((n) => isPersonalMarkerName(n.name)).map((n) => n.name)).toEqual(['AP_Personal_5', 'AP_Personal_6']);
    // The template's own names stay.
    expect(a.names?.map((n) => n.name)).toContain('DecisionChain_HighInfluence');
  });

  test('the .xlsx renderer writes them workbook-unique, pointing at their sheet', async () => {
    const parts = await readWorkbookParts(await renderWorkbook({ sheets: [build('decision-chain', 'zh-CN'), build('key-account-plan', 'zh-CN')] }));
    const marks = parts.names.filter((n) => isPersonalMarkerName(n.name));
    expect(marks.map((n) => `${n.name}=${n.formula}`)).toEqual([
      "AP_Personal_1='决策链'!$L$6:$L$1026",
      "AP_Personal_2='决策链'!$M$6:$M$1026",
      "AP_Personal_3='决策链'!$N$6:$N$1026",
      "AP_Personal_4='决策链'!$O$6:$O$1026",
      "AP_Personal_5='大客户开发方案'!$E$29:$E$38",
      "AP_Personal_6='大客户开发方案'!$F$29:$F$38",
    ]);
  });

  test('the marker prefix is recognised in any case, nothing else is', () => {
    expect(['AP_Personal_1', 'ap_personal_12'].map(isPersonalMarkerName)).toEqual([true, true]);
    expect(['AP_Personal_', 'AP_Personal_x', 'MyAP_Personal_1', 'DecisionChain_HighInfluence'].map(isPersonalMarkerName)).toEqual([false, false, false, false]);
  });
});

describe('name references', () => {
  test.each([
    ["'决策链'!$L$6:$L$27", undefined, [{ sheet: '决策链', top: 6, left: 12, bottom: 27, right: 12 }]],
    ['=People!$B$1', undefined, [{ sheet: 'People', top: 1, left: 2, bottom: 1, right: 2 }]],
    ["'It''s (2)'!$A$1:$B$2,'It''s (2)'!$D$4", undefined, [
      { sheet: "It's (2)", top: 1, left: 1, bottom: 2, right: 2 },
      { sheet: "It's (2)", top: 4, left: 4, bottom: 4, right: 4 },
    ]],
    ['Sheet1!$C:$C', undefined, [{ sheet: 'Sheet1', top: 1, left: 3, bottom: 1_048_576, right: 3 }]],
    ['$A$1:$A$3', 'Scope', [{ sheet: 'Scope', top: 1, left: 1, bottom: 3, right: 1 }]],
  ])('%s', (formula, scope, areas) => {
    expect(nameAreas(formula, scope)).toEqual(areas);
  });

  test.each(['#REF!$A$1', '=#REF!', '0.1', 'SUM(A1:A3)', '"text"', '$A$1', "'unclosed!$A$1"])('%s refers to no cells', (formula) => {
    expect(nameAreas(formula)).toEqual([]);
  });
});

describe('share-safe SheetSpec', () => {
  test('empties the personal cells below the headers, keeps the headers with the note, changes nothing else', () => {
    const sheet = build('decision-chain', 'zh-CN');
    const withNote: SheetSpec = { ...sheet, cells: sheet.cells.map((c) => (c.ref === 'M7' ? { ...c, value: 45, note: '属马' } : c)) };
    expect(personalContent(withNote)).toEqual({ cells: 4, notes: 1 });
    const frozen = JSON.stringify(withNote);
    const safe = shareSafeSheet(withNote, 'zh-CN');
    expect(JSON.stringify(withNote)).toBe(frozen);
    expect(personalContent(safe)).toEqual({ cells: 0, notes: 0 });

    const before = new Map(withNote.cells.map((c) => [c.ref, c]));
    for (const c of safe.cells) {
      const old = before.get(c.ref)!;
      if (/^[L-O](6)$/.test(c.ref)) {
        expect(c).toEqual({ ...old, note: '个人信息已在分享前删除。' });
      } else if (/^[L-O]([7-9]|1\d|2[0-7])$/.test(c.ref)) {
        expect({ ref: c.ref, value: c.value, note: c.note, style: c.style }).toEqual({ ref: c.ref, value: null, note: undefined, style: old.style });
      } else {
        expect(c).toEqual(old);
      }
    }
    expect(safe.cells).toHaveLength(withNote.cells.length);
    expect({ ...safe, cells: [] }).toEqual({ ...withNote, cells: [] });
  });

  test('a sheet without personal ranges comes back unchanged', () => {
    const sheet: SheetSpec = { name: 'x', cells: [{ ref: 'A1', value: 1, note: 'n' }] };
    expect(shareSafeSheet(sheet, 'en-US')).toBe(sheet);
    expect(personalContent(sheet)).toEqual({ cells: 0, notes: 0 });
  });
});

test('a value computed beforehand is not carried into the copy: its formulas compute again', () => {
  const sheet: SheetSpec = {
    name: 'People',
    cells: [
      { ref: 'A1', value: 'Name' },
      { ref: 'A2', value: 'Zhang San' },
      { ref: 'B2', value: { formula: 'A2&""', cached: 'Zhang San' } },
    ],
    personalRanges: ['A1:A2'],
  };
  const copy = shareSafeSheet(sheet, 'en-US');
  expect(copy.cells.find((c) => c.ref === 'A2')!.value).toBeNull();
  expect(copy.cells.find((c) => c.ref === 'B2')!.value).toEqual({ formula: 'A2&""' });
  expect(JSON.stringify(copy)).not.toContain('Zhang San');
});

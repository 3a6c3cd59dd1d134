import { combineTeam, type RepFileRead, type RepSheetRead } from '../../../src/domain/team/combine';
import { DEFAULT_TEAM_RULES, teamRulesFrom } from '../../../src/domain/team/rules';

const HEADERS = ['客户', '负责人', '开发阶段'];

function sheet(file: string, owner: string, customers: string[], patch: Partial<RepSheetRead> = {}): RepSheetRead {
  return {
    file,
    sheet: '开发进度',
    table: 'pipeline',
    owner,
    stampVersion: 1,
    currentVersion: 1,
    expected: HEADERS,
    found: HEADERS,
    headerRow: 12,
    rows: customers.map((c, i) => ({ rowNumber: 13 + i, cells: [c, owner, '1 寻找目标'] })),
    ...patch,
  };
}
const file = (name: string, ...sheets: RepSheetRead[]): RepFileRead => ({ file: name, sheets, issues: [] });

test('team rows are the sum of the parts; a customer held by two reps is a conflict on both rows, kept and marked', () => {
  const r = combineTeam(
    [file('a.xlsx', sheet('a.xlsx', '张伟', ['华东物流有限公司', '上海精工'])), file('b.xlsx', sheet('b.xlsx', '李娜', ['华东物流 有限公司', '南方电子', '上海精工']))],
    DEFAULT_TEAM_RULES,
  );
  expect(r.tables.pipeline).toHaveLength(5);
  expect(r.owners).toEqual(['张伟', '李娜']);
  const conflicts = r.issues.filter((i) => i.code === 'conflict');
  expect(conflicts.map((c) => [c.file, c.row, c.detail?.others])).toEqual([
    ['a.xlsx', 13, '李娜'],
    ['b.xlsx', 13, '张伟'],
    ['a.xlsx', 14, '李娜'],
    ['b.xlsx', 15, '张伟'],
  ]);
  expect(r.tables.pipeline.filter((x) => x.conflict !== '').map((x) => x.owner)).toEqual(['张伟', '张伟', '李娜', '李娜']);
});

test('the same rep twice on one customer is no conflict', () => {
  const r = combineTeam([file('a.xlsx', sheet('a.xlsx', '张伟', ['华东物流', '华东物流有限公司']))], DEFAULT_TEAM_RULES);
  expect(r.issues).toEqual([]);
});

test('first-file: the later reps’ rows are listed as not taken, and read = taken + not taken', () => {
  const r = combineTeam(
    [file('a.xlsx', sheet('a.xlsx', '张伟', ['华东物流'])), file('b.xlsx', sheet('b.xlsx', '李娜', ['华东物流', '南方电子']))],
    teamRulesFrom({ winner: 'first-file' }),
  );
  expect(r.tables.pipeline.map((x) => x.cells[0])).toEqual(['华东物流', '南方电子']);
  const dropped = r.issues.filter((i) => i.action === 'not-taken');
  expect(dropped).toEqual([expect.objectContaining({ file: 'b.xlsx', row: 13, rowsNotTaken: 1 })]);
  expect(r.files.map((f) => [f.read.pipeline, f.taken.pipeline])).toEqual([
    [1, 1],
    [2, 1],
  ]);
});

test('conflicts only on the tables the rules name', () => {
  const visit = (f: string, owner: string) => sheet(f, owner, ['华东物流'], { table: 'visit-log', expected: ['日期', '客户'], found: ['日期', '客户'], rows: [{ rowNumber: 7, cells: [null, '华东物流'] }] });
  const files = [file('a.xlsx', visit('a.xlsx', '张伟')), file('b.xlsx', visit('b.xlsx', '李娜'))];
  expect(combineTeam(files, DEFAULT_TEAM_RULES).issues).toEqual([]);
  expect(combineTeam(files, teamRulesFrom({ conflictTables: ['visit-log'] })).issues.map((i) => i.code)).toEqual(['conflict', 'conflict']);
});

test('a sheet out of shape (a header missing or moved) is listed with its rows, none taken', () => {
  const moved = sheet('c.xlsx', '王强', ['北方重工', 'ACME'], { found: ['负责人', '客户', '开发阶段'] });
  const r = combineTeam([file('c.xlsx', moved)], DEFAULT_TEAM_RULES);
  expect(r.tables.pipeline).toEqual([]);
  expect(r.issues).toEqual([{ code: 'out-of-shape', file: 'c.xlsx', sheet: '开发进度', row: '13–14', rowsNotTaken: 2, detail: { missing: '—', moved: '客户, 负责人' } }]);
});

test('an older layout is upgraded by header (a missing column left blank and listed), or listed when the rules say so', () => {
  const old = sheet('b.xlsx', '李娜', ['南方电子'], { stampVersion: 0, found: ['客户', '开发阶段'], rows: [{ rowNumber: 13, cells: ['南方电子', '2 初步接触'] }] });
  const up = combineTeam([file('b.xlsx', old)], DEFAULT_TEAM_RULES);
  expect(up.tables.pipeline[0].cells).toEqual(['南方电子', null, '2 初步接触']);
  expect(up.issues.map((i) => i.code)).toEqual(['older-upgraded', 'column-missing']);
  const listed = combineTeam([file('b.xlsx', old)], teamRulesFrom({ olderTemplate: { action: 'list' } }));
  expect(listed.tables.pipeline).toEqual([]);
  expect(listed.issues).toEqual([expect.objectContaining({ code: 'older-listed', row: 13, rowsNotTaken: 1 })]);
});

test('a newer layout is listed; an unreadable file is listed and the others are combined', () => {
  const r = combineTeam(
    [
      { file: 'x.xlsx', sheets: [], issues: [{ code: 'unreadable', file: 'x.xlsx', detail: { reason: 'not a zip' } }] },
      file('n.xlsx', sheet('n.xlsx', '赵六', ['甲'], { stampVersion: 2 })),
      file('a.xlsx', sheet('a.xlsx', '张伟', ['乙'])),
      file('e.xlsx'),
    ],
    DEFAULT_TEAM_RULES,
  );
  expect(r.issues.map((i) => [i.code, i.file])).toEqual([
    ['unreadable', 'x.xlsx'],
    ['newer-listed', 'n.xlsx'],
    ['no-team-sheets', 'e.xlsx'],
  ]);
  expect(r.tables.pipeline.map((x) => x.owner)).toEqual(['张伟']);
});

test('a row with no customer is taken and listed; a customer code column matches rows whose names differ', () => {
  const withCode = (f: string, owner: string, name: string, code: string) =>
    sheet(f, owner, [], { found: [...HEADERS, '客户编号'], rows: [{ rowNumber: 13, cells: [name, owner, '1', code] }] });
  const r = combineTeam(
    [file('a.xlsx', withCode('a.xlsx', '张伟', '华东物流', 'C-1')), file('b.xlsx', withCode('b.xlsx', '李娜', 'East China Logistics', 'c1'), sheet('b.xlsx', '李娜', [''], { rows: [{ rowNumber: 20, cells: [null, '李娜', '1'] }] }))],
    DEFAULT_TEAM_RULES,
  );
  expect(r.issues.map((i) => [i.code, i.file, i.row])).toEqual([
    ['blank-customer', 'b.xlsx', 20],
    ['conflict', 'a.xlsx', 13],
    ['conflict', 'b.xlsx', 13],
  ]);
  expect(r.tables.pipeline.map((x) => x.code)).toEqual(['C-1', 'c1', '']);
});

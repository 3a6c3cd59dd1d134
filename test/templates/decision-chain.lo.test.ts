/**
 * The decision-chain example (docs/rules/templates/decision-chain.md) recalculated in LibreOffice, against values worked
 * out by hand. Influence values chosen in the example: 吴伟 2 (user, neutral), 张华 4 (technical
 * approver, neutral), 李建 3 (executor/buyer, supporter), 王桑 4 (manager/evaluator, opponent),
 * 李阳 5 (decision maker, unknown).
 */
import { scoreDecisionChain } from '../../src/domain/planning/decision-chain-score';
import { getTemplate } from '../../src/sheets/templates/registry';
import { FIXED_TODAY } from '../support/template-files';
import { close, recalcVariants, type RecalcResult } from './recalc-example';

let r: Record<string, RecalcResult>;

beforeAll(async () => {
  r = await recalcVariants('decision-chain', [
    { label: 'zh', lang: 'zh-CN' },
    { label: 'en', lang: 'en-US' },
    { label: 'threshold5', lang: 'zh-CN', edits: { C48: 5 } },
    { label: 'liYangSupports', lang: 'en-US', edits: { F11: 'Supporter' } },
    { label: 'blank', lang: 'zh-CN', example: false },
  ]);
}, 600_000);

// Hand computation.
// support score = 2×0 + 4×0 + 3×(+1) + 4×(−1) = −1 (李阳 unknown, left out)
// total influence = 2+4+3+4+5 = 18; known = 18 − 5 = 13; coverage = 13/18
const SCORE = -1;
const TOTAL = 18;
const KNOWN = 13;

test.each(['zh', 'en'])('%s: per-person support points and row risks', (label) => {
  const v = r[label].value;
  expect(r[label].errors).toEqual([]);
  expect([v('J7'), v('J8'), v('J9'), v('J10'), v('J11')]).toEqual([0, 0, 3, -4, '']);
  expect([v('K7'), v('K8'), v('K9')]).toEqual(['', '', '']);
  expect(v('K10')).toBe(label === 'zh' ? '高影响力反对者' : 'Influential opponent');
  expect(v('K11')).toBe(label === 'zh' ? '决策者尚未支持' : 'Decision maker not a supporter');
  expect(v('J12')).toBe('');
});

test.each(['zh', 'en'])('%s: support score, coverage and insiders', (label) => {
  const v = r[label].value;
  expect(v('C37')).toBe(SCORE);
  expect(v('C38')).toBe(TOTAL);
  expect(v('C39')).toBe(KNOWN);
  close(v('C40'), KNOWN / TOTAL);
  expect(v('C41')).toBe(1); // 李建 at the trust stage
});

test.each(['zh', 'en'])('%s: role-class summary and risk flags', (label) => {
  const v = r[label].value;
  // rows: decision maker, manager/evaluator, executor/buyer, technical approver, user
  // Role classes in rows 30–34: status (B), people (C), influence (D), supporters (E), opponents (F).
  expect(['C30', 'C31', 'C32', 'C33', 'C34'].map(v)).toEqual([1, 1, 1, 1, 1]);
  expect(['D30', 'D31', 'D32', 'D33', 'D34'].map(v)).toEqual([5, 4, 3, 4, 2]);
  expect(['E30', 'E31', 'E32', 'E33', 'E34'].map(v)).toEqual([0, 0, 1, 0, 0]);
  expect(['F30', 'F31', 'F32', 'F33', 'F34'].map(v)).toEqual([0, 1, 0, 0, 0]);
  const [none, ok] = label === 'zh' ? ['无支持者', '已覆盖'] : ['No supporter', 'Covered'];
  expect(['B30', 'B31', 'B32', 'B33', 'B34'].map(v)).toEqual([none, none, ok, none, none]);
  // decision maker not a supporter: 1; opponents with influence ≥ 4: 1 (王桑); role classes without supporter: 4; not identified: 0
  expect(['C44', 'C45', 'C46', 'C47'].map(v)).toEqual([1, 1, 4, 0]);
  const [risk, fine] = label === 'zh' ? ['有风险', '正常'] : ['Risk', 'OK'];
  expect(['D44', 'D45', 'D46', 'D47'].map(v)).toEqual([risk, risk, risk, fine]);
});

test('the influence threshold is a rule cell: at 5 the influence-4 opponent is no longer flagged', () => {
  const v = r.threshold5.value;
  expect(v('C45')).toBe(0);
  expect(v('K10')).toBe('');
  expect(v('D45')).toBe('正常');
});

test('a supporting decision maker clears its flags and raises the score by its influence', () => {
  const v = r.liYangSupports.value;
  expect(v('K11')).toBe('');
  expect(v('C44')).toBe(0);
  expect(v('C37')).toBe(SCORE + 5);
  close(v('C40'), 1);
  expect(v('C46')).toBe(3);
});

test('a blank template shows empty results, not zeros or errors', () => {
  const v = r.blank.value;
  expect(r.blank.errors).toEqual([]);
  for (const ref of ['J7', 'J26', 'K7', 'K26', 'C37', 'C38', 'C39', 'C40', 'C41', 'B30', 'D44', 'D47']) expect(v(ref)).toBe('');
});

test('the pure rule gives the same numbers as the sheet', () => {
  const s = scoreDecisionChain([
    { name: '吴伟', roleClass: 'user', influence: 2, attitude: 'neutral' },
    { name: '张华', roleClass: 'technicalApprover', influence: 4, attitude: 'neutral' },
    { name: '李建', roleClass: 'executor', influence: 3, attitude: 'supporter' },
    { name: '王桑', roleClass: 'evaluator', influence: 4, attitude: 'opponent' },
    { name: '李阳', roleClass: 'decisionMaker', influence: 5, attitude: 'unknown' },
  ]);
  expect(s.supportScore).toBe(SCORE);
  expect(s.totalInfluence).toBe(TOTAL);
  expect(s.knownInfluence).toBe(KNOWN);
  expect(s.coverage).toBeCloseTo(KNOWN / TOTAL, 12);
  expect(s.decisionMakersNotSupporting).toEqual(['李阳']);
  expect(s.highInfluenceOpponents).toEqual(['王桑']);
  expect(s.roleClassesWithoutSupporter).toEqual(['decisionMaker', 'evaluator', 'technicalApprover', 'user']);
});

test('the project header names customer, project, budget and expected decision date', () => {
  const v = r.zh.value;
  expect([v('A5'), v('B5'), v('D5'), v('E5'), v('H5'), v('I5'), v('J5')]).toEqual([
    '客户',
    '华东物流集团',
    '项目',
    '车队更新采购（120 台）',
    '预算（元）',
    36000000,
    '预计决策日期',
  ]);
  // 75 days after the report date 2026-03-15.
  expect(v('K5')).toEqual(new Date(Date.UTC(2026, 4, 29)));
});

test('personal columns are marked in the spec with their own header note, and not printed', () => {
  for (const lang of ['zh-CN', 'en-US'] as const) {
    const [sheet] = getTemplate('decision-chain').build({ lang, example: false, today: FIXED_TODAY });
    expect(sheet.personalRanges).toEqual(['L6:L26', 'M6:M26', 'N6:N26', 'O6:O26']);
    const headers = ['L6', 'M6', 'N6', 'O6'].map((ref) => sheet.cells.find((c) => c.ref === ref)!);
    for (const h of headers) {
      expect(h.note).toBeTruthy();
      expect(h.style?.fill).not.toBe(sheet.cells.find((c) => c.ref === 'A6')!.style?.fill);
    }
    expect(sheet.tables?.map((t) => t.name)).toEqual(['DecisionChain_People', 'DecisionChain_RoleClasses']);
    expect(sheet.names?.map((n) => n.name)).toContain('DecisionChain_HighInfluence');
    expect(sheet.print?.area).toMatch(/^A\$1:K\$\d+$/);
  }
});

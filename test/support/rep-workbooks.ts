/**
 * Reps' workbooks made with our own template builders, filled with rows typed by header, for the
 * team roll-up tests (docs/rules/team-rollup.md): pipeline, visit log, decision chain,
 * communication record and targets, each sheet's owner cell (D3) holding the rep.
 */
import { parseRange, rangeRef, cellRef } from '../../src/sheets/core/a1';
import type { CellContent, Lang, SheetSpec, WorkbookSpec } from '../../src/sheets/core/sheet-spec';
import { getTemplate, type TemplateKind } from '../../src/sheets/templates/registry';
import { computeCachedValues } from '../../src/xlsx/evaluate/node';
import { renderWorkbook } from '../../src/xlsx/render-workbook';

export type Rows = Record<string, CellContent>[];

export interface RepData {
  owner?: string;
  lang?: Lang;
  /** Rows by Excel table name (Pipeline_Targets, VisitPlan_Log, DecisionChain_People, Comm_Log, Targets_Reps…). */
  tables: Record<string, Rows>;
  /** The decision chain's customer (B5). */
  chainCustomer?: string;
  /** Sheets to change after filling (fake an older stamp, damage a header). */
  edit?: (sheets: SheetSpec[]) => void;
}

const KINDS: TemplateKind[] = ['pipeline', 'visit-plan', 'decision-chain', 'communication-record', 'targets'];
export const TODAY = new Date(Date.UTC(2026, 5, 1));

function put(sheet: SheetSpec, ref: string, value: CellContent): void {
  const i = sheet.cells.findIndex((c) => c.ref === ref);
  if (i >= 0) sheet.cells[i] = { ...sheet.cells[i], value };
  else sheet.cells.push({ ref, value });
}

/** Types rows into a table of the sheet, by header; the table grows when the rows are more than its body. */
function fill(sheet: SheetSpec, tableName: string, rows: Rows): boolean {
  const table = sheet.tables?.find((t) => t.name === tableName);
  if (!table) return false;
  const r = parseRange(table.ref);
  const headers = table.columns.map((c) => c.name);
  rows.forEach((row, k) => {
    for (const [h, v] of Object.entries(row)) {
      const col = headers.indexOf(h);
      if (col < 0) throw new Error(`${tableName} has no column ${h}`);
      put(sheet, cellRef(r.top + 1 + k, r.left + col), v);
    }
  });
  if (rows.length > r.bottom - r.top) table.ref = rangeRef(r.top, r.left, r.top + rows.length, r.right);
  return true;
}

export function repSheets(data: RepData): SheetSpec[] {
  const lang = data.lang ?? 'zh-CN';
  const sheets = KINDS.flatMap((k) => getTemplate(k).build({ lang, example: false, today: TODAY }));
  for (const s of sheets) if (data.owner !== undefined && s.cells.some((c) => c.ref === 'D3')) put(s, 'D3', data.owner);
  const left = new Set(Object.keys(data.tables));
  for (const s of sheets)
    for (const [name, rows] of Object.entries(data.tables)) if (fill(s, name, rows)) left.delete(name);
  if (left.size) throw new Error(`no tables ${[...left].join(', ')}`);
  if (data.chainCustomer !== undefined) put(sheets.find((s) => s.stamp?.kind === 'decision-chain')!, 'B5', data.chainCustomer);
  data.edit?.(sheets);
  return sheets;
}

/** The rep's workbook as .xlsx bytes, formulas with their computed values (as Excel would save it). */
export async function repWorkbook(data: RepData): Promise<Uint8Array> {
  const spec: WorkbookSpec = { sheets: repSheets(data) };
  return renderWorkbook(computeCachedValues(spec).workbook);
}

const day = (d: number) => new Date(Date.UTC(2026, 4, d));

/**
 * The three reps of the roll-up case:
 * - 张伟: 3 pipeline rows, 2 visits, a decision chain of 2 people at 华东物流, 1 communication, 1 target row;
 * - 李娜 (pipeline stamped with an older layout version, 0): 2 pipeline rows, one of them
 *   "华东物流 有限公司" — 张伟's 华东物流有限公司 again; 1 visit; 1 target row;
 * - 王强 (communication record out of shape: its "沟通方式" header renamed): 2 pipeline rows, 2
 *   communications (not taken), a decision chain of 1 person at ＨＵＡＤＯＮＧ… no: at 北方重工.
 */
export function threeReps(): RepData[] {
  return [
    {
      owner: '张伟',
      tables: {
        Pipeline_Targets: [
          { 客户: '华东物流有限公司', 开发阶段: '3 价值评估', 状态颜色: '绿-潜在', 跟进决定: '继续', 最近联系: day(20) },
          { 客户: '上海精工机械', 开发阶段: '2 初步接触', 状态颜色: '黄-短期有望' },
          { 客户: '南方电子', 开发阶段: '5 成交与服务', 状态颜色: '红-已成交' },
        ],
        VisitPlan_Log: [
          { 拜访日期: day(3), 客户: '华东物流有限公司', 拜访人: '张伟' },
          { 拜访日期: day(12), 客户: '上海精工机械', 拜访人: '张伟' },
        ],
        DecisionChain_People: [
          { 项目决策人: '赵总', 部门: '总经办', 籍贯: '浙江', 爱好: '钓鱼' },
          { 项目决策人: '钱经理', 部门: '采购部' },
        ],
        Comm_Log: [{ 日期: day(5), 客户名称: '华东物流有限公司', 沟通方式: '电话', 沟通对象: '赵总' }],
        Targets_Reps: [{ 业务员: '张伟', '新客户目标（家）': 4, '新客户实际（家）': 2 }],
      },
      chainCustomer: '华东物流有限公司',
    },
    {
      owner: '李娜',
      tables: {
        Pipeline_Targets: [
          { 客户: '华东物流 有限公司', 开发阶段: '1 寻找目标', 状态颜色: '绿-潜在' },
          { 客户: 'Acme Co., Ltd.', 开发阶段: '2 初步接触', 状态颜色: '绿-潜在' },
        ],
        VisitPlan_Log: [{ 拜访日期: day(8), 客户: 'Acme Co., Ltd.', 拜访人: '李娜' }],
        Targets_Reps: [{ 业务员: '李娜', '新客户目标（家）': 3, '新客户实际（家）': 1 }],
      },
      edit: (sheets) => {
        const p = sheets.find((s) => s.stamp?.kind === 'pipeline' && s.tables?.some((t) => t.name === 'Pipeline_Targets'))!;
        p.stamp = { kind: 'pipeline', version: 0 };
      },
    },
    {
      owner: '王强',
      tables: {
        Pipeline_Targets: [
          { 客户: '北方重工', 开发阶段: '4 谈判', 状态颜色: '黄-短期有望' },
          { 客户: 'ACME', 开发阶段: '1 寻找目标', 状态颜色: '绿-潜在' },
        ],
        Comm_Log: [
          { 日期: day(6), 客户名称: '北方重工', 沟通方式: '拜访', 沟通对象: '孙工' },
          { 日期: day(9), 客户名称: '北方重工', 沟通方式: '电话', 沟通对象: '孙工' },
        ],
        DecisionChain_People: [{ 项目决策人: '孙工', 部门: '技术部' }],
      },
      chainCustomer: '北方重工',
      edit: (sheets) => {
        const c = sheets.find((s) => s.stamp?.kind === 'communication-record')!;
        const table = c.tables!.find((t) => t.name === 'Comm_Log')!;
        const col = table.columns.findIndex((x) => x.name === '沟通方式');
        table.columns[col] = { name: '联系渠道' };
        const r = parseRange(table.ref);
        put(c, cellRef(r.top, r.left + col), '联系渠道');
      },
    },
  ];
}

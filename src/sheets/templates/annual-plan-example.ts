/**
 * The annual plan's worked example (docs/rules/templates/annual-plan.md): the same numbers in
 * both languages, every date counted from the report date so the flags are the same on any day.
 * The plan year starts five months before the report month, so five months are closed.
 */
import type { Lang } from '../core/sheet-spec';

type Text = Record<Lang, string>;

export const PEOPLE = {
  wang: { 'zh-CN': '王磊', 'en-US': 'Wang Lei' },
  li: { 'zh-CN': '李娜', 'en-US': 'Li Na' },
  zhang: { 'zh-CN': '张伟', 'en-US': 'Zhang Wei' },
  liu: { 'zh-CN': '刘洋', 'en-US': 'Liu Yang' },
  chen: { 'zh-CN': '陈刚', 'en-US': 'Chen Gang' },
} as const;

/** Months from the report month to the plan year's first month. */
export const START_MONTHS_BACK = -5;

export const MISSION: Record<'mission' | 'vision' | 'values', Text> = {
  mission: {
    'zh-CN': '为华东制造企业提供稳定可靠的工业包装材料和及时的技术服务，帮助客户降低综合采购成本。',
    'en-US': 'Reliable industrial packaging and prompt technical service for manufacturers in East China, lowering their total cost of buying.',
  },
  vision: { 'zh-CN': '三年内成为华东地区汽车零部件行业首选的包装供应商。', 'en-US': 'Within three years, the first-choice packaging supplier of the automotive parts industry in East China.' },
  values: { 'zh-CN': '守信、专业、快速响应', 'en-US': 'Keep our word, know our trade, answer fast' },
};

/** Situation findings by area (the table's fixed rows, in order): finding, SWOT index, importance index, consequence. */
export const SITUATION: ([Text, number, number, Text] | null)[] = [
  null,
  [
    { 'zh-CN': '制造业投资回暖，客户扩产计划增多', 'en-US': 'Manufacturing investment picking up; customers plan more capacity' },
    2,
    0,
    { 'zh-CN': '扩产客户优先拜访', 'en-US': 'Visit expanding customers first' },
  ],
  [
    { 'zh-CN': '环保包装新规明年实施', 'en-US': 'New rules on green packaging take effect next year' },
    2,
    0,
    { 'zh-CN': '主推可回收产品线', 'en-US': 'Lead with the recyclable line' },
  ],
  null,
  null,
  null,
  [
    { 'zh-CN': '大客户集中采购、压价明显', 'en-US': 'Large customers pool purchases and push prices down' },
    3,
    1,
    { 'zh-CN': '以服务和交期争取份额', 'en-US': 'Win share on service and lead time' },
  ],
  [
    { 'zh-CN': '两家竞争对手在华东新建仓库', 'en-US': 'Two competitors opened warehouses in East China' },
    3,
    0,
    { 'zh-CN': '缩短交期至 48 小时', 'en-US': 'Cut delivery to 48 hours' },
  ],
  null,
  null,
  [
    { 'zh-CN': '技术服务团队经验丰富，但产能已近饱和', 'en-US': 'Experienced service team, but capacity nearly full' },
    0,
    0,
    { 'zh-CN': '服务做卖点，同时排产扩能', 'en-US': 'Sell the service; plan more capacity' },
  ],
];

export interface ObjectiveExample {
  code: string;
  objective: Text;
  measure: Text | null;
  unit: Text | null;
  target: number | null;
  /** Deadline in months after the plan start month's end (11 = the plan year's last day). */
  deadlineMonth: number | null;
  owner: Text | null;
}

export const OBJECTIVES: ObjectiveExample[] = [
  {
    code: 'O1',
    objective: { 'zh-CN': '扩大汽车零部件行业销售', 'en-US': 'Grow sales to automotive parts makers' },
    measure: { 'zh-CN': '销售额', 'en-US': 'Sales' },
    unit: { 'zh-CN': '万元', 'en-US': 'CNY 10k' },
    target: 1200,
    deadlineMonth: 11,
    owner: PEOPLE.wang,
  },
  {
    code: 'O2',
    objective: { 'zh-CN': '开发新客户', 'en-US': 'Win new customers' },
    measure: { 'zh-CN': '新成交客户数', 'en-US': 'New customers with a first order' },
    unit: { 'zh-CN': '家', 'en-US': 'customers' },
    target: 24,
    deadlineMonth: 11,
    owner: PEOPLE.li,
  },
  {
    code: 'O3',
    objective: { 'zh-CN': '提高重点客户钱包份额', 'en-US': 'Raise our share of key accounts’ purchases' },
    measure: { 'zh-CN': '重点客户平均钱包份额', 'en-US': 'Average share of wallet, key accounts' },
    unit: { 'zh-CN': '%', 'en-US': '%' },
    target: 35,
    deadlineMonth: 11,
    owner: null,
  },
  {
    code: 'O4',
    objective: { 'zh-CN': '提升品牌在行业内的知名度', 'en-US': 'Make the brand better known in the industry' },
    measure: null,
    unit: null,
    target: null,
    deadlineMonth: 11,
    owner: PEOPLE.chen,
  },
  {
    code: 'O5',
    objective: { 'zh-CN': '提高按期回款率', 'en-US': 'Collect more invoices on time' },
    measure: { 'zh-CN': '按期回款率', 'en-US': 'Invoices paid on time' },
    unit: { 'zh-CN': '%', 'en-US': '%' },
    target: 95,
    deadlineMonth: 14,
    owner: PEOPLE.zhang,
  },
];

/** Monthly targets for the twelve months and actuals of the closed months (null = not typed). */
export const MONTHLY: { code: string; targets: number[]; actuals: (number | null)[] }[] = [
  { code: 'O1', targets: [80, 80, 90, 100, 100, 110, 110, 100, 100, 110, 110, 110], actuals: [84, 78, 70, 102, 95] },
  { code: 'O2', targets: [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2], actuals: [2, 1, 3, 2, null] },
];

export interface SegmentExample {
  segment: Text;
  needs: Text;
  customers: number;
  potential: number;
  ourSales: number;
  attractive: number;
  targeted: boolean;
}

export const SEGMENTS: SegmentExample[] = [
  {
    segment: { 'zh-CN': '汽车零部件', 'en-US': 'Automotive parts' },
    needs: { 'zh-CN': '一级供应商，重防护与准时交付', 'en-US': 'Tier-1 suppliers: protection, on-time delivery' },
    customers: 120,
    potential: 8000,
    ourSales: 600,
    attractive: 0,
    targeted: true,
  },
  {
    segment: { 'zh-CN': '电子电器', 'en-US': 'Electronics' },
    needs: { 'zh-CN': '防静电、小批量多批次', 'en-US': 'Anti-static, small frequent batches' },
    customers: 200,
    potential: 5000,
    ourSales: 250,
    attractive: 1,
    targeted: true,
  },
  {
    segment: { 'zh-CN': '食品包装', 'en-US': 'Food packaging' },
    needs: { 'zh-CN': '食品级认证，价格敏感', 'en-US': 'Food-grade certified, price-sensitive' },
    customers: 80,
    potential: 2000,
    ourSales: 40,
    attractive: 2,
    targeted: false,
  },
  {
    segment: { 'zh-CN': '医疗器械', 'en-US': 'Medical devices' },
    needs: { 'zh-CN': '洁净包装，认证周期长', 'en-US': 'Clean-room packaging, long approvals' },
    customers: 40,
    potential: 3000,
    ourSales: 0,
    attractive: 0,
    targeted: true,
  },
];

export const STRATEGY: Record<'portfolio' | 'positioning' | 'points', Text> & { direction: number } = {
  direction: 0,
  portfolio: {
    'zh-CN': '汽车包装为现金牛，保持投入；医疗洁净包装为问题类，小规模试点。',
    'en-US': 'Automotive packaging is the cash cow: keep investing. Clean-room packaging is a question mark: pilot it small.',
  },
  positioning: {
    'zh-CN': '交期最快、服务最专业的工业包装伙伴',
    'en-US': 'The industrial packaging partner with the fastest delivery and the best service',
  },
  points: {
    'zh-CN': '深耕汽车零部件存量客户提高份额；以样机试用打开电子电器客户；经销商覆盖苏北和皖南。',
    'en-US': 'Deepen automotive accounts for share; open electronics makers with trial samples; dealers to cover northern Jiangsu and southern Anhui.',
  },
};

/** 4P then 4C texts, in the order product/customer, price/cost, place/convenience, promotion/communication. */
export const MIX: [Text, Text][] = [
  [
    { 'zh-CN': '主推可回收周转箱，提供定制尺寸', 'en-US': 'Lead with recyclable returnable crates in custom sizes' },
    { 'zh-CN': '降低破损率和包装废弃物', 'en-US': 'Less damage in transit, less packaging waste' },
  ],
  [
    { 'zh-CN': '按年用量阶梯定价，首单 95 折', 'en-US': 'Tiered prices by yearly volume; 5% off the first order' },
    { 'zh-CN': '按周转次数算单次成本更低', 'en-US': 'Lower cost per trip over the crate’s life' },
  ],
  [
    { 'zh-CN': '直销覆盖重点客户，经销商覆盖中小客户', 'en-US': 'Direct sales for key accounts, dealers for the smaller ones' },
    { 'zh-CN': '华东 48 小时送达，线上下单', 'en-US': '48-hour delivery across East China; order online' },
  ],
  [
    { 'zh-CN': '行业展会、样机试用、客户答谢会', 'en-US': 'Trade fair, trial samples, customer appreciation event' },
    { 'zh-CN': '客户经理每月回访，收集意见', 'en-US': 'Account managers call monthly and collect feedback' },
  ],
];

export interface ActionExample {
  action: Text;
  content: Text;
  element: number;
  owner: Text | null;
  start: number;
  end: number;
  status: number;
  budget: number;
  spent: number;
}

/** Start and end in days from the report date; element 0–3 = product, price, place, promotion; status 0–3 as the drop-down. */
export const ACTIONS: ActionExample[] = [
  {
    action: { 'zh-CN': '华东工业包装展参展', 'en-US': 'East China packaging fair' },
    content: { 'zh-CN': '展位与新品发布，邀请汽车客户', 'en-US': 'Stand and launch; invite automotive buyers' },
    element: 3,
    owner: PEOPLE.wang,
    start: -120,
    end: -100,
    status: 2,
    budget: 150_000,
    spent: 162_000,
  },
  {
    action: { 'zh-CN': '老客户答谢会', 'en-US': 'Customer appreciation event' },
    content: { 'zh-CN': '重点客户采购与技术负责人', 'en-US': 'Buyers and engineers of key accounts' },
    element: 3,
    owner: PEOPLE.li,
    start: -60,
    end: -50,
    status: 2,
    budget: 80_000,
    spent: 76_000,
  },
  {
    action: { 'zh-CN': '周转箱样机试用', 'en-US': 'Trial crates for electronics makers' },
    content: { 'zh-CN': '20 家电子电器客户免费试用一个月', 'en-US': 'A free month of trial for 20 electronics makers' },
    element: 0,
    owner: PEOPLE.zhang,
    start: -30,
    end: 60,
    status: 1,
    budget: 120_000,
    spent: 45_000,
  },
  {
    action: { 'zh-CN': '经销商产品培训', 'en-US': 'Dealer product training' },
    content: { 'zh-CN': '苏北、皖南 6 家经销商', 'en-US': 'Six dealers in northern Jiangsu and southern Anhui' },
    element: 2,
    owner: PEOPLE.liu,
    start: -45,
    end: -10,
    status: 1,
    budget: 60_000,
    spent: 30_000,
  },
  {
    action: { 'zh-CN': '重点客户年度价格方案', 'en-US': 'Yearly price offer for key accounts' },
    content: { 'zh-CN': '阶梯价与返利测算', 'en-US': 'Tiered prices and rebates worked out' },
    element: 1,
    owner: PEOPLE.chen,
    start: 10,
    end: 40,
    status: 0,
    budget: 20_000,
    spent: 0,
  },
  {
    action: { 'zh-CN': '行业媒体广告', 'en-US': 'Trade press advertising' },
    content: { 'zh-CN': '汽车供应链期刊半年', 'en-US': 'Six months in an automotive supply-chain journal' },
    element: 3,
    owner: PEOPLE.wang,
    start: 30,
    end: 150,
    status: 0,
    budget: 180_000,
    spent: 0,
  },
  {
    action: { 'zh-CN': '线上推广', 'en-US': 'Online promotion' },
    content: { 'zh-CN': '行业平台关键词与案例推送', 'en-US': 'Industry-platform keywords and case stories' },
    element: 3,
    owner: null,
    start: 20,
    end: 200,
    status: 0,
    budget: 90_000,
    spent: 0,
  },
];

export const BUDGET_CAP = 650_000;
export const EXPECTED_SALES = 12_000_000;
export const MARGIN = 0.18;

export interface RiskExample {
  risk: Text;
  response: Text;
  likelihood: number;
  impact: number;
  owner: Text;
  status: number;
}

/** Likelihood and impact: 0 high, 1 medium, 2 low; status 0 not triggered, 1 triggered, 2 handled. */
export const RISKS: RiskExample[] = [
  {
    risk: { 'zh-CN': '主要竞争对手大幅降价（报价低于我方 10% 以上）', 'en-US': 'A main competitor cuts prices (quotes over 10% below ours)' },
    response: { 'zh-CN': '启用重点客户价格预案，以服务包代替直接降价', 'en-US': 'Use the key-account price plan; offer a service package instead of a plain cut' },
    likelihood: 0,
    impact: 0,
    owner: PEOPLE.chen,
    status: 0,
  },
  {
    risk: { 'zh-CN': '原材料涨价超过 8%', 'en-US': 'Raw material prices up more than 8%' },
    response: { 'zh-CN': '执行调价条款，提前锁定半年用量', 'en-US': 'Apply the price-adjustment clause; lock in six months of material' },
    likelihood: 1,
    impact: 0,
    owner: PEOPLE.zhang,
    status: 1,
  },
  {
    risk: { 'zh-CN': '重点客户新项目延期', 'en-US': 'A key account’s new project is delayed' },
    response: { 'zh-CN': '把资源转向电子电器试用客户', 'en-US': 'Move effort to the electronics trial customers' },
    likelihood: 1,
    impact: 1,
    owner: PEOPLE.wang,
    status: 0,
  },
  {
    risk: { 'zh-CN': '骨干销售人员离职', 'en-US': 'A senior salesperson leaves' },
    response: { 'zh-CN': '重点客户双人负责，客户档案每月更新', 'en-US': 'Two people on every key account; customer files updated monthly' },
    likelihood: 2,
    impact: 0,
    owner: PEOPLE.liu,
    status: 0,
  },
];

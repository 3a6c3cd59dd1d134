import { defineMessages } from '../define';

/** Notes of the monthly summary and targets sheets on the sheets their figures come from (docs/rules/templates/monthly-summary.md, targets.md). */
export default defineMessages({
  'en-US': {
    linked: 'From "{sheet}": {what}.',
    unlinked: 'Typed until the workbook holds the "{sheet}" sheet, which then fills {what}.',
    movesDiffer: 'Moves give {n}, not the pipeline’s count',
    summaryFromPipeline: 'the month-end count of each stage (the rep’s open prospects, neither won nor abandoned)',
    summaryFromVisits: 'the visits to A, B and C customers (log rows of the month whose visitors include the rep; tier from the visit plan)',
    summaryFromBonus: 'the new customers developed (the rep’s lines whose customer placed its first order in the month)',
    targetsFromPipeline: 'the potential customers held (the rep’s green prospects not abandoned, as the pipeline stands now)',
    targetsFromVisits: 'the visits made per tier (log rows of the period whose visitors include the rep)',
    targetsFromBonus: 'the new customers (first order in the period) and the date of the latest new customer (up to the period’s end)',
  },
  'zh-CN': {
    linked: '取自“{sheet}”：{what}。',
    unlinked: '工作簿中加入“{sheet}”工作表之前请手工填写；加入后由它自动填写{what}。',
    movesDiffer: '变动合计 {n}，与进度表不符',
    summaryFromPipeline: '各阶段月末客户数（该业务员尚未成交、未放弃的客户）',
    summaryFromVisits: 'A、B、C 类客户拜访次数（本月拜访人包含该业务员的记录，客户等级取自拜访计划）',
    summaryFromBonus: '新开发客户数（该业务员名下首单在本月的客户）',
    targetsFromPipeline: '潜在客户储备（该业务员名下绿色且未放弃的客户，按进度表当前状态）',
    targetsFromVisits: '各等级实际拜访次数（期间内拜访人包含该业务员的记录）',
    targetsFromBonus: '新客户实际（首单在期间内）和最近开发新客户日期（截至期末）',
  },
});

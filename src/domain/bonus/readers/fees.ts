import type { MarketScope } from '../rules';
import { feeLines, type ContractType, type FeeRecord } from '../schemes/fees';
import { field } from '../../parse/column-map';
import type { SchemeReaderDef } from './scheme-reader';

const SCOPES: Record<string, MarketScope> = {
  local: 'local',
  本地: 'local',
  本地市场: 'local',
  domestic: 'domestic',
  national: 'domestic',
  国内: 'domestic',
  国内市场: 'domestic',
  international: 'international',
  overseas: 'international',
  国际: 'international',
  国际市场: 'international',
  海外: 'international',
  境外: 'international',
};
const AGREEMENT = new Set(['agreement', 'cooperation agreement', '合作协议', '协议']);
/** A blank document type is a purchase contract. */
const CONTRACT = new Set(['contract', 'purchase contract', 'sales contract', '购销合同', '合同', '']);
const TYPE_SYNONYMS = ['document', 'document type', 'contract type', 'type', '文件类型', '合同类型', '单据类型', '类型'];

/** Signed documents for the development and maintenance fees (docs/rules/bonus/fees.md): kept until every row is read. */
export const feesReader: SchemeReaderDef = {
  fields: [
    field('rep', true),
    field('customer', true),
    field('date', true, ['signing date', 'signed on', '签订日期']),
    field('scope', true, ['market', 'market scope', '市场', '市场范围']),
    field('contract_type', false, TYPE_SYNONYMS),
  ],
  open(cells, ctx) {
    const rep = cells.column('rep');
    const customer = cells.column('customer');
    const date = cells.column('date');
    const scopeColumn = cells.column('scope');
    const typeColumn = cells.column('contract_type');
    const records: FeeRecord[] = [];
    return {
      read(row) {
        const scopeText = cells.text(scopeColumn);
        const scope = SCOPES[scopeText.toLowerCase().replace(/\s+/g, '')] ?? SCOPES[scopeText.toLowerCase()];
        if (!scope) throw cells.error('rowBadScope', { value: scopeText });
        const typeText = cells.text(typeColumn, false).toLowerCase();
        const contractType: ContractType | undefined = AGREEMENT.has(typeText) ? 'agreement' : CONTRACT.has(typeText) ? 'contract' : undefined;
        if (!contractType) throw cells.error('rowBadContractType', { value: typeText });
        records.push({ row, rep: cells.text(rep), customer: cells.text(customer), date: cells.date(date), scope, contractType });
        return undefined;
      },
      finish: () => ({ lines: feeLines(records, ctx) }),
    };
  },
};

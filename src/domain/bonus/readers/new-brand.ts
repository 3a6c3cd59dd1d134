import type { NewBrandInput } from '../line';
import { newBrandEngine } from '../schemes/new-brand';
import { exactValue } from '../../exact/exact-accumulator';
import { field } from '../../parse/column-map';
import type { SchemeReaderDef } from './scheme-reader';

/** New-brand contract rows (docs/rules/bonus/new-brand.md), handed to the engine as they are read. */
export const newBrandReader: SchemeReaderDef = {
  fields: [
    field('rep', true),
    field('contract', true),
    field('date', true),
    field('amount', true, ['new brand amount', '新品牌金额', '新品牌产品金额']),
    field('currency', false),
    field('margin', true, ['average margin', '平均毛利率']),
  ],
  open(cells, ctx) {
    const engine = newBrandEngine(ctx);
    const rep = cells.column('rep');
    const contract = cells.column('contract');
    const date = cells.column('date');
    const amount = cells.column('amount');
    const currency = cells.column('currency');
    const margin = cells.column('margin');
    // One object for every row: the engine copies what it keeps.
    const r: NewBrandInput = { row: 0, rep: '', contract: '', date: 0, amount: exactValue(), currency: '', amountCny: exactValue(), margin: exactValue() };
    return {
      read(row) {
        r.row = row;
        cells.orderAmount(amount, currency, r);
        r.rep = cells.text(rep);
        r.contract = cells.text(contract);
        r.date = cells.date(date);
        cells.share(margin, r.margin);
        return engine.add(r);
      },
      finish: () => ({ lines: engine.finish() }),
    };
  },
};

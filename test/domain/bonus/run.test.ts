import { BonusInputError, lineJson, runBonus } from '../../../src/domain/bonus/run';
import { Decimal } from '../../../src/domain/exact/decimal';

const fx = { USD: new Decimal('7.1') };

describe('runBonus: reading a table', () => {
  test('Chinese headers (业务员, 合同号, 日期, 金额, 币种, 毛利率) are recognised', async () => {
    const r = await runBonus('new-brand', { headers: ['业务员', '合同号', '签约日期', '合同金额', '币种', '毛利率'], rows: [['张三', 'HT-1', '2026年3月1日', '5万', '美元', '12%']] }, { fx, lang: 'zh-CN' });
    expect(r.columns).toEqual({ rep: '业务员', contract: '合同号', date: '签约日期', amount: '合同金额', currency: '币种', margin: '毛利率' });
    expect(lineJson(r.lines[0])).toMatchObject({ rep: '张三', key: 'HT-1', eligible: true, basisUnit: 'USD' });
    expect(r.lines[0].bonus.toString()).toBe('500');
  });

  test('a missing column stops the run before any row, naming the field and the headers found', async () => {
    // How to name them is each front end's to say (--map on the command line, the column pickers in the pane).
    const run = runBonus('new-brand', { headers: ['rep', 'contract', 'amount'], rows: [] }, { fx, lang: 'en-US' });
    await expect(run).rejects.toThrow(new BonusInputError('missing column(s): date, margin. Headers found: "rep", "contract", "amount".'));
    await expect(run).rejects.toMatchObject({ code: 'missing-columns' });
  });

  test('--map names a column whose header is not recognised', async () => {
    const r = await runBonus(
      'new-brand',
      { headers: ['Seller', 'Deal', 'Signed', 'Value', 'GM%'], rows: [['Li', 'D1', '2026-01-01', '$40,000', '15%']] },
      { fx, lang: 'en-US', map: { rep: 'Seller', contract: 'Deal', date: 'Signed', amount: 'Value', margin: 'GM%' } },
    );
    expect(r.lines[0].bonus.toString()).toBe('500');
  });

  test('bad cells set the row aside with its number and reason; blank rows are skipped; nothing is read as 0', async () => {
    const rows = [
      ['Li', 'C1', '2026-01-01', '40000', 'USD', '15%'],
      ['', '', '', '', '', ''],
      ['Li', 'C2', '2026-01-01', '', 'USD', '15%'],
      ['Li', 'C3', '2026-13-01', '40000', 'USD', '15%'],
      ['Li', 'C4', '2026-01-01', '$40000', 'EUR', '15%'],
      ['Li', 'C5', '2026-01-01', '40000', 'JPY', '15%'],
      ['Li', 'C6', '2026-01-01', '40000', 'USD', '15'],
      ['', 'C7', '2026-01-01', '40000', 'USD', '15%'],
    ];
    const r = await runBonus('new-brand', { headers: ['rep', 'contract', 'date', 'amount', 'currency', 'margin'], rows, firstRowNumber: 10 }, { fx, lang: 'en-US' });
    expect(r.lines.map((l) => l.key)).toEqual(['C1']);
    expect(r.rowsRead).toBe(7);
    expect(r.rejected).toEqual({
      count: 6,
      rows: [
        { row: 12, reason: 'amount is blank' },
        { row: 13, reason: 'date: "2026-13-01" is not a real calendar date' },
        { row: 14, reason: 'the amount is marked USD but the currency column says EUR' },
        { row: 15, reason: 'no exchange rate for JPY: add it to the exchange rates or the Rules sheet (command line: --fx JPY=…)' },
        { row: 16, reason: 'margin: "15" is ambiguous as a percentage; write 12% or 0.12' },
        { row: 17, reason: 'rep is blank' },
      ],
    });
  });

  test('rows may come as records with their own numbers, as batches, or from an async source', async () => {
    const headers = ['rep', 'contract', 'date', 'amount', 'currency', 'margin'];
    async function* source() {
      yield { rowNumber: 7, cells: ['Li', 'C1', 46023, 40000, 'USD', 0.15] };
      yield { rowNumber: 9, cells: ['Li', 'C2', new Date(Date.UTC(2026, 0, 1)), 'x', 'USD', 0.15] };
    }
    const r = await runBonus('new-brand', { headers, rows: source() }, { fx, lang: 'en-US' });
    expect(r.lines[0].rows).toEqual([7]);
    expect(r.rejected.rows[0].row).toBe(9);
    async function* batches() {
      yield [{ rowNumber: 2, cells: ['Li', 'C1', '2026-01-01', '40000', 'USD', '15%'] }];
    }
    expect((await runBonus('new-brand', { headers, batches: batches() }, { fx })).lines).toHaveLength(1);
  });

  test('all rejected rows are counted, only the first keepRejected are kept', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => ['Li', `C${i}`, 'bad', '1', 'USD', '15%']);
    const r = await runBonus('new-brand', { headers: ['rep', 'contract', 'date', 'amount', 'currency', 'margin'], rows }, { fx, keepRejected: 5 });
    expect(r.rejected.count).toBe(50);
    expect(r.rejected.rows.map((x) => x.row)).toEqual([2, 3, 4, 5, 6]);
  });

  test('the band currency needs a rate, and the period must be readable', async () => {
    await expect(runBonus('new-brand', { headers: ['rep', 'contract', 'date', 'amount', 'margin'], rows: [] }, { lang: 'en-US' })).rejects.toThrow(/no exchange rate for USD/);
    await expect(runBonus('fees', { headers: ['rep', 'customer', 'date', 'scope'], rows: [] }, { period: '2026Q5' })).rejects.toThrow(/period "2026Q5"/);
  });
});

import { CustomerIndex, normaliseCustomerCode, normaliseCustomerName } from '../../../src/domain/team/customer-key';

describe('normaliseCustomerName (docs/rules/team-rollup.md, "Matching customers")', () => {
  test.each([
    ['华东物流有限公司', '华东物流'],
    ['华东物流 有限公司', '华东物流'],
    ['上海 华东物流 股份有限公司', '上海华东物流'],
    ['华东物流有限责任公司', '华东物流'],
    ['ＡＣＭＥ　有限公司', 'acme'],
    ['Acme Co., Ltd.', 'acme'],
    ['ACME CO LTD', 'acme'],
    ['acme', 'acme'],
    ['Foo Corporation Limited', 'foo'],
    ['Bar Inc.', 'bar'],
    ['（北京）新材料公司', '北京新材料'],
  ])('%s → %s', (name, key) => expect(normaliseCustomerName(name)).toBe(key));

  test('a "co" inside a word is not a company form, and a name that is only a suffix is kept', () => {
    expect(normaliseCustomerName('Tesco')).toBe('tesco');
    expect(normaliseCustomerName('Tesco Co., Ltd')).toBe('tesco');
    expect(normaliseCustomerName('有限公司')).toBe('有限公司');
  });

  test('codes fold width, case and spaces', () => {
    expect(normaliseCustomerCode(' ｃ-０１２ ')).toBe('c012');
    expect(normaliseCustomerCode(undefined)).toBe('');
  });
});

describe('CustomerIndex', () => {
  test('names that fold alike are one customer; a blank name without a code has no id', () => {
    const ix = new CustomerIndex();
    const a = ix.idOf('华东物流有限公司');
    expect(ix.idOf('华东物流 有限公司')).toBe(a);
    expect(ix.idOf('华东物流')).toBe(a);
    expect(ix.idOf('上海精工')).not.toBe(a);
    expect(ix.idOf('  ')).toBeUndefined();
  });

  test('a code joins rows whatever their names; two different codes are two customers of one name', () => {
    const ix = new CustomerIndex();
    const a = ix.idOf('华东物流', 'C001');
    expect(ix.idOf('East China Logistics', 'c001')).toBe(a);
    expect(ix.idOf('华东物流')).toBe(a);
    const b = ix.idOf('华东物流', 'C002');
    expect(b).not.toBe(a);
    expect(ix.idOf('', 'C002')).toBe(b);
  });
});

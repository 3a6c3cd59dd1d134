import { guardedLink } from '../../../src/sheets/core/source-link';

describe('guardedLink', () => {
  it('wraps the linked formula in a ROWS() test of the source range and quotes the message', () => {
    expect(guardedLink("'ABC结果'!$A$5:$A$9", '工作表"ABC"已被删除', 'INDEX(X,1)')).toBe(
      `IF(ISERROR(ROWS('ABC结果'!$A$5:$A$9)),"工作表""ABC""已被删除",INDEX(X,1))`,
    );
  });
});

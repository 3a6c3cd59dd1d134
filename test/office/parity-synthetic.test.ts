import { ASPECTS } from './grid-snapshot';
import { richSpecs } from './fixtures/rich-spec';
import { writeBoth, type ParityResult } from './parity-helpers';

describe('Office writer and .xlsx renderer agree on the synthetic spec', () => {
  let result: ParityResult;
  beforeAll(async () => {
    result = await writeBoth(richSpecs());
  });

  const sheetIndexes = [0, 1];
  for (const i of sheetIndexes) {
    for (const aspect of ASPECTS) {
      test(`sheet ${i + 1}: ${aspect}`, () => {
        const sheet = result.sheets[i];
        expect(sheet.office[aspect]).toEqual(sheet.file[aspect]);
      });
    }
  }

  test('the synthetic spec exercises every aspect (a parity test on empty data proves nothing)', () => {
    const s = result.sheets[0].file;
    expect(Object.keys(s.values).length).toBeGreaterThan(30);
    expect(Object.keys(s.numberFormats).length).toBeGreaterThan(5);
    expect(s.merges.length).toBe(2);
    expect(s.tables.length).toBe(1);
    expect(Object.keys(s.validations).length).toBeGreaterThan(5);
    expect(s.conditionalFormats.length).toBe(4);
    expect(s.freeze).toEqual({ rows: 5, columns: 1 });
    expect(s.names.length).toBe(2);
  });
});

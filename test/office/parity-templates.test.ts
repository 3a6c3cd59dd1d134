/**
 * For every registered template (both languages, blank and with the worked example), the grid
 * the Office writer leaves in the fake Excel equals what the .xlsx renderer wrote, read back
 * from the file — aspect by aspect, sheet by sheet. Also: a template costs at most 2 syncs.
 */
import { LANGS } from '../../src/sheets/core/sheet-spec';
import { TEMPLATES } from '../../src/sheets/templates/registry';
import { FIXED_TODAY } from '../support/template-files';
import { ASPECTS } from './grid-snapshot';
import { writeBoth, type ParityResult } from './parity-helpers';

const cases = TEMPLATES.flatMap((def) =>
  LANGS.flatMap((lang) => [false, true].map((example) => ({ def, lang, example, label: `${def.kind} ${lang}${example ? ' example' : ''}` }))),
);

describe.each(cases)('$label', ({ def, lang, example }) => {
  const specs = def.build({ lang, example, today: FIXED_TODAY });
  let result: ParityResult;
  beforeAll(async () => {
    result = await writeBoth(specs);
  });

  test('is written with at most 2 context.sync() calls', () => {
    expect(result.syncs).toBeGreaterThanOrEqual(2);
    expect(result.syncs).toBeLessThanOrEqual(2);
  });

  describe.each(specs.map((s, i) => ({ i, name: s.name })))('sheet $name', ({ i }) => {
    test.each([...ASPECTS])('%s', (aspect) => {
      const sheet = result.sheets[i];
      expect(sheet.office[aspect]).toEqual(sheet.file[aspect]);
    });
  });
});

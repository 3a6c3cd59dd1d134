/** The naming convention is enforced: a unit test file cannot start LibreOffice or a browser. */
import { recalc } from './libreoffice';
import { requireKind } from './test-kind';

test('LibreOffice, Chromium and the build refuse to start from a file not named for them', async () => {
  expect(() => requireKind('lo', 'browser')).toThrow('test-kind.test.ts uses LibreOffice or Chromium: name it *.lo.test.ts');
  expect(() => requireKind('browser')).toThrow('name it *.browser.test.ts');
  expect(() => requireKind('build', 'browser')).toThrow('name it *.build.test.ts');
  await expect(recalc(['never-converted.xlsx'])).rejects.toThrow('name it *.lo.test.ts');
});

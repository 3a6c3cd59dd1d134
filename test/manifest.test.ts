/**
 * manifest.xml validates offline against the official Office add-in manifest schemas
 * (../shared/office-manifest-xsd), with the system xmllint and with xmllint-wasm — and a broken
 * manifest does not, so the check is real.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hasSystemXmllint, ROOT, wasmValidate, XSD_DIR, xmllintValidate } from './manifest-support';

const manifestFile = path.join(ROOT, 'manifest.xml');
const manifest = readFileSync(manifestFile, 'utf8');

test('the schemas are there', () => {
  expect(existsSync(path.join(XSD_DIR, 'OfficeAppManifestV1_1.xsd'))).toBe(true);
});

test('manifest.xml validates with xmllint-wasm', async () => {
  const result = await wasmValidate(manifest);
  expect(result.errors).toEqual([]);
  expect(result.valid).toBe(true);
});

const systemTest = hasSystemXmllint() ? test : test.skip;
systemTest('manifest.xml validates with the system xmllint', () => {
  const result = xmllintValidate(manifestFile);
  expect(result.output).toBe('');
  expect(result.valid).toBe(true);
});

test.each([
  ['a missing Id', (x: string) => x.replace(/<Id>[^<]*<\/Id>/, '')],
  ['an unknown permission', (x: string) => x.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>Everything</Permissions>')],
  ['a custom tab without its group', (x: string) => x.replace(/<Group id="AccountPlanner.Group">[\s\S]*<\/Group>/, '')],
])('a manifest with %s is rejected', async (_label, breakIt) => {
  const broken = breakIt(manifest);
  expect(broken).not.toBe(manifest);
  expect((await wasmValidate(broken)).valid).toBe(false);
  if (hasSystemXmllint()) {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ap-manifest-')), 'manifest.xml');
    writeFileSync(file, broken);
    expect(xmllintValidate(file).valid).toBe(false);
  }
});

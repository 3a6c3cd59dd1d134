/**
 * @jest-environment jsdom
 *
 * What the schema cannot check: every resid resolves to a resource of the right kind and
 * every resource is used, every URL is HTTPS, the id is a GUID, every string has a zh-CN
 * override, icons exist at the size the manifest claims, the buttons open the three pages,
 * and the required ExcelApi version is the one the code is written against.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MIN_EXCEL_API } from '../src/office/features';
import { ROOT } from './manifest-support';

const xml = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const doc = new DOMParser().parseFromString(xml, 'application/xml');
const all = (name: string) => Array.from(doc.getElementsByTagName(name));
const BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
const bt = (local: string) => Array.from(doc.getElementsByTagNameNS(BT, local));

test('the manifest parses', () => {
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  expect(doc.documentElement.localName).toBe('OfficeApp');
});

test('the id is a GUID', () => {
  expect(all('Id')[0].textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
});

const resources = {
  image: new Set(bt('Images').flatMap((n) => Array.from(n.getElementsByTagNameNS(BT, 'Image'))).map((e) => e.getAttribute('id'))),
  url: new Set(bt('Url').map((e) => e.getAttribute('id'))),
  short: new Set(bt('ShortStrings').flatMap((n) => Array.from(n.getElementsByTagNameNS(BT, 'String'))).map((e) => e.getAttribute('id'))),
  long: new Set(bt('LongStrings').flatMap((n) => Array.from(n.getElementsByTagNameNS(BT, 'String'))).map((e) => e.getAttribute('id'))),
};

/** Which resource kind each element's resid must name. */
function kindOf(el: Element): keyof typeof resources {
  const name = el.localName;
  if (name === 'Image') return 'image';
  if (['SourceLocation', 'FunctionFile', 'LearnMoreUrl'].includes(name)) return 'url';
  if (name === 'Description') return 'long';
  return 'short'; // Label, Title
}

test('every resid resolves to a resource of the right kind, and every resource is used', () => {
  const refs = Array.from(doc.querySelectorAll('[resid]'));
  expect(refs.length).toBeGreaterThan(20);
  const used = new Set<string>();
  for (const el of refs) {
    const id = el.getAttribute('resid')!;
    used.add(id);
    expect({ element: el.localName, resid: id, found: resources[kindOf(el)].has(id) }).toEqual({ element: el.localName, resid: id, found: true });
  }
  const defined = [...resources.image, ...resources.url, ...resources.short, ...resources.long];
  expect(defined.filter((id) => !used.has(id!))).toEqual([]);
});

test('every URL is HTTPS and points at the dev server', () => {
  const urls = [
    ...Array.from(doc.querySelectorAll('[DefaultValue]')).map((e) => e.getAttribute('DefaultValue')!).filter((v) => /^[a-z]+:\/\//i.test(v)),
    ...all('AppDomain').map((e) => e.textContent!),
  ];
  expect(urls.length).toBeGreaterThan(15);
  for (const url of urls) expect(url).toMatch(/^https:\/\/localhost:3000\//);
  // No plain-HTTP URL anywhere (namespace names are identifiers, not URLs Office loads).
  const attributes = Array.from(doc.querySelectorAll('*')).flatMap((e) => Array.from(e.attributes).filter((a) => !a.name.startsWith('xmlns')));
  expect(attributes.filter((a) => /^http:/i.test(a.value)).map((a) => a.value)).toEqual([]);
});

test('each string has a non-empty zh-CN override in Chinese', () => {
  const strings = [...bt('String'), ...all('DisplayName'), ...all('Description').filter((d) => d.hasAttribute('DefaultValue'))];
  expect(strings.length).toBeGreaterThanOrEqual(13);
  for (const s of strings) {
    const overrides = Array.from(s.children).filter((c) => c.localName === 'Override' && c.getAttribute('Locale') === 'zh-CN');
    const value = overrides[0]?.getAttribute('Value') ?? '';
    expect({ id: s.getAttribute('id') ?? s.localName, zh: /[\u4e00-\u9fff]/.test(value) }).toEqual({ id: s.getAttribute('id') ?? s.localName, zh: true });
    expect(overrides).toHaveLength(1);
  }
});

test('the tab is "Account Planner / 客户开发规划" with buttons for Templates, ABC and Bonus', () => {
  const tabLabel = bt('String').find((s) => s.getAttribute('id') === 'Tab.Label')!;
  expect(tabLabel.getAttribute('DefaultValue')).toBe('Account Planner');
  expect(tabLabel.getElementsByTagNameNS(BT, 'Override')[0].getAttribute('Value')).toBe('客户开发规划');
  const pages = all('Control').map((c) => {
    const resid = c.getElementsByTagName('SourceLocation')[0].getAttribute('resid');
    const url = bt('Url').find((u) => u.getAttribute('id') === resid)!.getAttribute('DefaultValue')!;
    return new URL(url).searchParams.get('page');
  });
  expect(pages).toEqual(['templates', 'abc', 'bonus']);
  // One task pane container reused by all three buttons.
  expect(new Set(all('TaskpaneId').map((t) => t.textContent))).toEqual(new Set(['AccountPlanner.Pane']));
});

test('icons exist in assets/ at the size the manifest says', () => {
  const images = bt('Image').filter((i) => i.hasAttribute('DefaultValue'));
  const claimed = new Map<string, number>();
  for (const use of bt('Image').filter((i) => i.hasAttribute('size'))) claimed.set(use.getAttribute('resid')!, Number(use.getAttribute('size')));
  for (const img of images) {
    const url = new URL(img.getAttribute('DefaultValue')!);
    const png = readFileSync(path.join(ROOT, url.pathname));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    const size = claimed.get(img.getAttribute('id')!);
    expect({ id: img.getAttribute('id'), width, height }).toEqual({ id: img.getAttribute('id'), width: size, height: size });
  }
  for (const [tag, size] of [['IconUrl', 32], ['HighResolutionIconUrl', 64]] as const) {
    const png = readFileSync(path.join(ROOT, new URL(all(tag)[0].getAttribute('DefaultValue')!).pathname));
    expect(png.readUInt32BE(16)).toBe(size);
  }
  // Store icon sizes beside the ribbon ones.
  for (const size of [16, 32, 64, 80, 128]) expect(readFileSync(path.join(ROOT, 'assets', `icon-${size}.png`)).readUInt32BE(16)).toBe(size);
});

test('host, permission and requirements', () => {
  expect(all('Host').map((h) => h.getAttribute('Name') ?? h.getAttribute('xsi:type'))).toEqual(['Workbook', 'Workbook']);
  expect(all('Permissions')[0].textContent).toBe('ReadWriteDocument');
  const sets = [...all('Set'), ...bt('Set')].filter((s) => s.getAttribute('Name') === 'ExcelApi');
  expect(sets.map((s) => s.getAttribute('MinVersion'))).toEqual([MIN_EXCEL_API, MIN_EXCEL_API]);
});

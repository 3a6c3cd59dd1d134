/**
 * The manifest read by Microsoft's own tools, offline:
 * - office-addin-manifest's parser reads manifest.xml (development) and the production manifest
 *   the build writes to dist/ (same rewrite as webpack.config.js, here into a temp folder):
 *   id, version, hosts, default locale, source location and permissions;
 * - office-addin-manifest-converter turns manifest.xml into the unified JSON manifest, which is
 *   validated against the JSON schema bundled with @microsoft/app-manifest (no download: the
 *   schema file is in the package, and the test checks it is there);
 * - `npm run build:prod` refuses to start without ADDIN_BASE_URL.
 * Microsoft's packages run in a child Node process (scripts/manifest-tools.js): their
 * dependencies include ESM-only modules Jest cannot require.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../manifest-support';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require('../../webpack.config.js') as {
  DEV_BASE_URL: string;
  productionBaseUrl(env: Record<string, string | undefined>, options?: { required?: boolean }): string;
  rewriteManifest(xml: string, baseUrl: string): string;
};

const BASE = 'https://addins.example.org/account-planner/';
const MANIFEST = path.join(ROOT, 'manifest.xml');
const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Runs scripts/manifest-tools.js; returns its JSON output and exit status. */
function tools(args: string[]): { status: number; result: Record<string, unknown> } {
  const script = path.join(ROOT, 'scripts', 'manifest-tools.js');
  try {
    return { status: 0, result: JSON.parse(execFileSync(process.execPath, [script, ...args], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' })) as Record<string, unknown> };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    if (!err.stdout) throw new Error(err.stderr);
    return { status: err.status, result: JSON.parse(err.stdout) as Record<string, unknown> };
  }
}

interface ManifestInfo {
  id?: string;
  version?: string;
  hosts?: string[];
  officeAppType?: string;
  defaultLocale?: string;
  permissions?: string;
  iconUrl?: string;
  supportUrl?: string;
  defaultSettings?: { sourceLocation?: string };
}
const readManifestFile = (file: string) => tools(['info', file]).result as ManifestInfo;

function productionManifest(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ap-dist-manifest-'));
  const file = path.join(dir, 'manifest.xml');
  writeFileSync(file, webpackConfig.rewriteManifest(readFileSync(MANIFEST, 'utf8'), webpackConfig.productionBaseUrl({ ADDIN_BASE_URL: BASE }, { required: true })));
  return file;
}

describe("office-addin-manifest's parser", () => {
  test.each([
    ['manifest.xml', () => MANIFEST, webpackConfig.DEV_BASE_URL],
    ['dist/manifest.xml (production)', productionManifest, BASE],
  ])('%s: id, version, hosts, locale, source location, permissions', async (_label, file, base) => {
    const info = readManifestFile(file());
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(info.version).toBe(`${version}.0`);
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.officeAppType).toBe('TaskPaneApp');
    expect(info.defaultLocale).toBe('en-US');
    expect(info.permissions).toBe('ReadWriteDocument');
    expect(info.defaultSettings?.sourceLocation).toBe(`${base}taskpane.html?page=templates`);
    expect(info.iconUrl).toBe(`${base}assets/icon-32.png`);
    expect(info.supportUrl?.startsWith(base)).toBe(true);
  });

  test('development and production manifests are the same add-in', async () => {
    const dev = readManifestFile(MANIFEST);
    const prod = readManifestFile(productionManifest());
    expect(prod.id).toBe(dev.id);
    expect(readFileSync(productionManifest(), 'utf8')).not.toContain('https://localhost');
  });
});

describe('the unified JSON manifest (office-addin-manifest-converter → @microsoft/app-manifest schema)', () => {
  const unified = (version: string, ...sets: string[]) =>
    tools(['unified', MANIFEST, mkdtempSync(path.join(tmpdir(), 'ap-unified-')), version, ...sets.flatMap((x) => ['--set', x])]);

  test('validates against the bundled v1.23 schema, the first with the getStartedMessages the converter writes', () => {
    const { status, result } = unified('1.23');
    expect(existsSync(result.bundled as string)).toBe(true);
    expect(result.files).toEqual(['manifest.json', 'zh-cn.json']);
    expect(result.manifest).toMatchObject({ manifestVersion: '1.23', version, localizationInfo: { defaultLanguageTag: 'en-us' } });
    expect(result.errors).toEqual([]);
    expect(status).toBe(0);
  }, 60_000);

  test('the check can fail: the converter’s default version (1.17) rejects the getStartedMessages it writes itself, and a broken id is rejected', () => {
    const old = unified('1.17');
    expect(old.status).toBe(1);
    expect(old.result.errors).toEqual([expect.stringContaining('"additionalProperty":"getStartedMessages"')]);
    const broken = unified('1.23', 'id="not-a-guid"');
    expect(broken.status).toBe(1);
    expect((broken.result.errors as string[]).join('\n')).toMatch(/^\/id must match pattern/);
  }, 60_000);
});

describe('npm run build:prod', () => {
  const check = (env: Record<string, string>) => {
    try {
      return { status: 0, out: execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'require-base-url.js')], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', stdio: 'pipe' }) };
    } catch (e) {
      const err = e as { status: number; stderr: string };
      return { status: err.status, out: err.stderr };
    }
  };

  test('refuses without ADDIN_BASE_URL, saying what to set', () => {
    const result = check({});
    expect(result.status).toBe(1);
    expect(result.out).toMatch(/ADDIN_BASE_URL is not set/);
    expect(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts['build:prod']).toMatch(/^node scripts\/require-base-url\.js && webpack --mode production --env requireBaseUrl/);
  });

  test('runs with an https address, refuses another scheme', () => {
    expect(check({ ADDIN_BASE_URL: BASE })).toMatchObject({ status: 0, out: expect.stringContaining(BASE) });
    expect(check({ ADDIN_BASE_URL: 'http://insecure.example.org/' }).status).toBe(1);
  });
});

describe('@microsoft/office-js in development', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require('../../webpack.config.js') as (
    env: Record<string, unknown>,
    argv: { mode: string },
  ) => Promise<{ devServer?: { static?: { directory: string; publicPath: string }[] }; plugins: { constructor: { name: string } }[] }>;

  test('the dev server serves Microsoft’s office.js from the package under /office-js/, and only development pages point there', async () => {
    const dev = await makeConfig({}, { mode: 'development' });
    const served = dev.devServer?.static?.[0];
    expect(served?.publicPath).toBe('/office-js');
    expect(existsSync(path.join(served!.directory, 'office.js'))).toBe(true);
    expect(existsSync(path.join(served!.directory, 'excel-web-16.00.js'))).toBe(true);
    expect(dev.plugins.map((p) => p.constructor.name)).toContain('OfficeJsFromPackagePlugin');
    const previous = process.env.ADDIN_BASE_URL;
    process.env.ADDIN_BASE_URL = BASE;
    try {
      const prod = await makeConfig({}, { mode: 'production' });
      expect(prod.plugins.map((p) => p.constructor.name)).not.toContain('OfficeJsFromPackagePlugin');
    } finally {
      if (previous === undefined) delete process.env.ADDIN_BASE_URL;
      else process.env.ADDIN_BASE_URL = previous;
    }
  });
});

/**
 * The production build: webpack (the project's own config, in production mode) writes the
 * task pane, the commands page, the icons and a manifest whose URLs all point to
 * ADDIN_BASE_URL. Minification is switched off here only to keep the test fast; everything
 * this test checks is the same with it on (`npm run build`).
 */
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import webpack from 'webpack';
import { ROOT, wasmValidate } from './manifest-support';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require('../webpack.config.js') as {
  (env: Record<string, unknown>, argv: { mode: string }): Promise<webpack.Configuration>;
  DEV_BASE_URL: string;
  productionBaseUrl(env?: Record<string, string | undefined>): string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureDevCert } = require('../scripts/dev-cert.js') as {
  ensureDevCert(dir: string): Promise<{ cert: Buffer; key: Buffer; created: boolean }>;
};

const BASE = 'https://addins.example.org/account-planner/';

describe('production build', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'ap-dist-'));
  let stats: webpack.Stats | undefined;

  beforeAll(async () => {
    const previous = process.env.ADDIN_BASE_URL;
    process.env.ADDIN_BASE_URL = BASE;
    try {
      const config = await makeConfig({}, { mode: 'production' });
      config.output = { ...config.output, path: out };
      config.optimization = { ...config.optimization, minimize: false };
      config.devtool = false;
      stats = await new Promise<webpack.Stats>((resolve, reject) =>
        webpack(config, (err, s) => (err || !s ? reject(err ?? new Error('no stats')) : resolve(s))),
      );
    } finally {
      if (previous === undefined) delete process.env.ADDIN_BASE_URL;
      else process.env.ADDIN_BASE_URL = previous;
    }
  }, 170_000);

  test('compiles without errors', () => {
    expect(stats?.toJson({ all: false, errors: true }).errors ?? []).toEqual([]);
  });

  test('the manifest has every URL rewritten to ADDIN_BASE_URL and still validates', async () => {
    const manifest = readFileSync(path.join(out, 'manifest.xml'), 'utf8');
    expect(manifest).not.toContain('https://localhost:3000');
    const urls = [...manifest.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(15);
    for (const url of urls) expect(url.startsWith(BASE)).toBe(true);
    const result = await wasmValidate(manifest);
    expect(result.errors).toEqual([]);
  });

  test('every file the manifest points to is in the output', () => {
    const manifest = readFileSync(path.join(out, 'manifest.xml'), 'utf8');
    const files = new Set([...manifest.matchAll(/DefaultValue="https:[^"]+"/g)].map((m) => new URL(m[0].slice(14, -1)).pathname.replace(/^\/account-planner\//, '')));
    for (const file of files) expect({ file, exists: existsSync(path.join(out, file)) }).toEqual({ file, exists: true });
    expect(readdirSync(path.join(out, 'assets')).filter((f) => f.endsWith('.png')).length).toBe(readdirSync(path.join(ROOT, 'assets')).filter((f) => f.endsWith('.png')).length);
  });

  test.each(['taskpane', 'commands'])('%s.html loads office.js from Microsoft’s CDN, then its bundle', (page) => {
    const html = readFileSync(path.join(out, `${page}.html`), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*src="?([^" >]+)"?/g)].map((m) => m[1]);
    expect(scripts[0]).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    const bundle = scripts.find((s) => s.startsWith(`${page}.`) && s.endsWith('.js'));
    expect(bundle).toBeDefined();
    expect(existsSync(path.join(out, bundle!))).toBe(true);
  });
});

test('the production base URL must be HTTPS and gets exactly one trailing slash', () => {
  expect(makeConfig.productionBaseUrl({ ADDIN_BASE_URL: 'https://x.example.com/app' })).toBe('https://x.example.com/app/');
  expect(makeConfig.productionBaseUrl({ ADDIN_BASE_URL: 'https://x.example.com//' })).toBe('https://x.example.com/');
  expect(() => makeConfig.productionBaseUrl({ ADDIN_BASE_URL: 'http://x.example.com/' })).toThrow(/https/);
});

test('the dev server certificate is generated without sudo, for localhost, and reused', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ap-cert-'));
  const first = await ensureDevCert(dir);
  expect(first.created).toBe(true);
  const cert = new X509Certificate(first.cert);
  expect(cert.subjectAltName).toContain('DNS:localhost');
  expect(new Date(cert.validTo).getTime()).toBeGreaterThan(Date.now() + 300 * 24 * 3600 * 1000);
  expect(cert.checkPrivateKey((await import('node:crypto')).createPrivateKey(first.key))).toBe(true);
  const second = await ensureDevCert(dir);
  expect(second.created).toBe(false);
  expect(second.cert.equals(first.cert)).toBe(true);
});

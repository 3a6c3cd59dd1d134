/** A static server for dist/ and a headless Chromium that never downloads anything. */
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { requireKind } from '../../support/test-kind';
import { ROOT } from './dist';

export const SHOTS = path.join(ROOT, 'test-output', 'browser');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
};

export async function serve(dir: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];

/** One browser per test file: launch it in beforeAll and close it in afterAll. */
export function launch(): Promise<Browser> {
  requireKind('browser');
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Microsoft's office.js and the files it loads beside itself, from the @microsoft/office-js package. */
export const OFFICE_JS_DIST = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');

/**
 * Answers requests to Microsoft's CDN (https://appsforoffice.microsoft.com/lib/1/hosted/…) with
 * the same files from the @microsoft/office-js package, so the pane starts with the real
 * office.js, outside Office; a file the package does not have is a 404.
 */
function officeJsFromPackage(url: string): { status: number; path?: string } {
  const rel = decodeURIComponent(new URL(url).pathname).replace(/^\/lib\/1\/hosted\//, '');
  const file = path.join(OFFICE_JS_DIST, rel);
  if (!file.startsWith(OFFICE_JS_DIST + path.sep) || !existsSync(file) || statSync(file).isDirectory()) return { status: 404 };
  return { status: 200, path: file };
}

/**
 * A pane-sized context. office.js is Microsoft's, served from the @microsoft/office-js package
 * in place of the CDN (`officeJs: 'package'`, the default), or unreachable (`'blocked'`).
 */
export async function paneContext(
  browser: Browser,
  options: { width?: number; locale?: string; officeJs?: 'package' | 'blocked' } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 320, height: 900 },
    locale: options.locale ?? 'en-US',
    acceptDownloads: true,
  });
  // Nothing leaves the machine. Playwright runs the routes registered last first, so the
  // office.js route below answers before this one.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  if (options.officeJs !== 'blocked') {
    await context.route(/^https:\/\/appsforoffice\.microsoft\.com\//, (route) => {
      const found = officeJsFromPackage(route.request().url());
      return found.path ? route.fulfill({ status: 200, path: found.path, contentType: 'text/javascript; charset=utf-8' }) : route.fulfill({ status: 404 });
    });
  }
  return context;
}

export function shotPath(name: string): string {
  mkdirSync(SHOTS, { recursive: true });
  return path.join(SHOTS, `${name}.png`);
}

/**
 * `npm start`'s dev server (webpack.config.js devServer): https://localhost:3000/ — the address
 * the README says to open to accept the certificate — redirects to the task pane instead of
 * answering 404. The project's devServer options run on webpack-dev-server over plain HTTP on a
 * free port, with a one-file compilation standing in for the pane's build.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import webpack from 'webpack';
import WebpackDevServer from 'webpack-dev-server';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require('../webpack.config.js') as {
  (env: Record<string, unknown>, argv: { mode: string }): Promise<webpack.Configuration & { devServer: WebpackDevServer.Configuration }>;
  PANE_PATH: string;
};

let server: WebpackDevServer;
let base: string;

beforeAll(async () => {
  const { devServer } = await makeConfig({}, { mode: 'development' });
  const dir = mkdtempSync(path.join(tmpdir(), 'ap-dev-server-'));
  writeFileSync(path.join(dir, 'entry.js'), 'document.title = "pane";\n');
  const compiler = webpack({
    mode: 'development',
    context: dir,
    entry: './entry.js',
    output: { path: path.join(dir, 'dist') },
    stats: 'none',
    infrastructureLogging: { level: 'error' },
    plugins: [new HtmlWebpackPlugin({ filename: 'taskpane.html', templateContent: '<!doctype html><title>pane</title>' })],
  });
  // (port 'auto' goes through a dynamic import jest cannot run; a port the system just gave out does the same.)
  const port = await freePort();
  server = new WebpackDevServer({ ...devServer, server: 'http', host: '127.0.0.1', port, client: false, liveReload: false }, compiler);
  await server.start();
  base = `http://127.0.0.1:${port}`;
}, 120_000);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

afterAll(async () => {
  await server?.stop();
});

test('"/" redirects to the task pane, keeping a query; the pane is served there', async () => {
  const root = await fetch(`${base}/`, { redirect: 'manual' });
  expect({ status: root.status, location: root.headers.get('location') }).toEqual({ status: 302, location: makeConfig.PANE_PATH });
  const withQuery = await fetch(`${base}/?page=abc`, { redirect: 'manual' });
  expect(withQuery.headers.get('location')).toBe(`${makeConfig.PANE_PATH}?page=abc`);
  const pane = await fetch(`${base}/`);
  expect(pane.status).toBe(200);
  expect(pane.url).toBe(`${base}${makeConfig.PANE_PATH}`);
  expect(await pane.text()).toContain('<title>pane</title>');
});

test('other paths are not redirected', async () => {
  const missing = await fetch(`${base}/nothing-here.js`, { redirect: 'manual' });
  expect(missing.status).toBe(404);
});

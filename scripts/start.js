#!/usr/bin/env node
/**
 * `npm start`: builds the add-in in development mode and serves it on https://localhost:3000
 * (self-signed certificate in .cert/, no sudo needed), then prints where to preview it and how
 * to sideload manifest.xml into Excel. Stop with Ctrl+C.
 */
const path = require('node:path');
const webpack = require('webpack');
const WebpackDevServer = require('webpack-dev-server');
const makeConfig = require('../webpack.config.js');
const { ensureDevCert } = require('./dev-cert');

const ROOT = path.resolve(__dirname, '..');
const BASE = makeConfig.DEV_BASE_URL;

function instructions(cert) {
  const manifest = path.join(ROOT, 'manifest.xml');
  return `
Account Planner is being served at ${BASE}

  Preview in a browser (no Excel; the task pane runs on its in-browser preview workbook):
    ${BASE}taskpane.html?page=templates
  The certificate is self-signed: open ${BASE} once and accept it, or trust
    ${cert.certFile}
  (Windows: certutil -user -addstore Root "${cert.certFile}";
   macOS: security add-trusted-cert -r trustRoot -k ~/Library/Keychains/login.keychain-db "${cert.certFile}").

  Sideload into Excel — the manifest is ${manifest}
    Excel on the web: open a workbook at office.com → Home → Add-ins → More Add-ins →
      My Add-ins → Upload My Add-in → choose manifest.xml → Upload.
      The "Account Planner / 客户开发规划" tab appears on the ribbon.
    Excel on Windows: share a folder holding manifest.xml (e.g. \\\\%COMPUTERNAME%\\addins), add it
      under File → Options → Trust Center → Trust Center Settings → Trusted Add-in Catalogs
      (tick "Show in Menu"), restart Excel, then Home → Add-ins → Advanced → SHARED FOLDER.
    Excel on Mac: copy manifest.xml to
      ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ , restart Excel, then
      Home → Add-ins → My Add-ins (the add-in is listed under Developer Add-ins).
  Desktop Excel must reach this machine's port 3000 (run npm start where Excel runs).
`;
}

async function main() {
  const cert = await ensureDevCert();
  if (cert.created) console.log(`Created a self-signed certificate for localhost in ${path.dirname(cert.certFile)}`);
  const config = await makeConfig({ WEBPACK_SERVE: true }, { mode: 'development' });
  const compiler = webpack(config);
  const server = new WebpackDevServer(config.devServer, compiler);
  let announced = false;
  compiler.hooks.done.tap('account-planner-start', (stats) => {
    if (stats.hasErrors()) {
      console.error(stats.toString({ colors: process.stdout.isTTY, all: false, errors: true }));
      return;
    }
    if (!announced) {
      announced = true;
      console.log(instructions(cert));
    }
  });
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await server.start();
}

main().catch((err) => {
  console.error(err && err.code === 'EADDRINUSE' ? `Port 3000 is already in use: ${err.message}` : err);
  process.exit(1);
});

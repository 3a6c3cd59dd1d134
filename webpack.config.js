/**
 * Builds the add-in's web pages into dist/:
 *   taskpane.html + taskpane.[hash].js   (src/taskpane/index.tsx, React + Fluent UI)
 *   commands.html + commands.[hash].js   (src/commands/commands.ts, the ribbon's function file)
 *   assets/*.png, manifest.xml            (copied; manifest URLs rewritten for production)
 *
 * Development (`webpack serve --mode development`, or `npm start`) serves everything on
 * https://localhost:3000 with a self-signed certificate from .cert/ (scripts/dev-cert.js).
 * Production (`webpack --mode production`) rewrites every https://localhost:3000/ in the
 * manifest to ADDIN_BASE_URL, set to wherever dist/ is hosted. `npm run build` (tests, local
 * checks) falls back to the placeholder DEFAULT_BASE_URL; `npm run build:prod` passes
 * `--env requireBaseUrl` and refuses to build without ADDIN_BASE_URL, so no deployed manifest
 * can point at the placeholder.
 *
 * office.js is not bundled: the production pages load it from Microsoft's CDN, as the store
 * requires. The dev server serves Microsoft's own copy from @microsoft/office-js under
 * /office-js/ and the development pages load it from there (no CDN needed to develop).
 */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_BASE_URL = 'https://localhost:3000/';
const DEFAULT_BASE_URL = 'https://account-planner.example.com/';
const DEV_PORT = 3000;

/** The task pane in preview, where the dev server sends a browser that asks for "/". */
const PANE_PATH = '/taskpane.html';

/** Express-style middleware: "/" (with or without a query) redirects to the task pane. */
function paneAtRoot(req, res, next) {
  const { pathname, search } = new URL(req.url || '/', 'http://localhost');
  if (pathname !== '/') return next();
  res.statusCode = 302;
  res.setHeader('Location', PANE_PATH + search);
  res.end();
}

/**
 * The production base URL, normalised to end with exactly one "/". With `required`, a missing
 * ADDIN_BASE_URL is an error instead of the placeholder.
 */
function productionBaseUrl(env = process.env, { required = false } = {}) {
  if (required && !(env.ADDIN_BASE_URL || '').trim()) {
    throw new Error(
      'ADDIN_BASE_URL is not set: a production build needs the https:// address where dist/ will be hosted, e.g.\n' +
        '  ADDIN_BASE_URL=https://addins.example.com/account-planner/ npm run build:prod\n' +
        '(npm run build makes a test build with the placeholder ' + DEFAULT_BASE_URL + ', not for deployment)',
    );
  }
  const raw = (env.ADDIN_BASE_URL || DEFAULT_BASE_URL).trim();
  if (!/^https:\/\/[^\s/]+/i.test(raw)) {
    throw new Error(`ADDIN_BASE_URL must be an https:// URL (Office loads add-ins only over HTTPS), got "${raw}"`);
  }
  return raw.replace(/\/+$/, '') + '/';
}

/** Rewrites every dev URL in the manifest text to the production base URL. */
function rewriteManifest(xml, baseUrl) {
  return xml.split(DEV_BASE_URL).join(baseUrl);
}

/** Where @microsoft/office-js keeps office.js and the scripts it loads next to itself. */
const OFFICE_JS_DIST = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** Rewrites the CDN script tag of the generated pages to the dev server's copy. */
class OfficeJsFromPackagePlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap('OfficeJsFromPackage', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap('OfficeJsFromPackage', (data) => {
        data.html = data.html.split(OFFICE_JS_CDN).join('/office-js/office.js');
        return data;
      });
    });
  }
}

async function config(env = {}, argv = {}) {
  const dev = argv.mode !== 'production';
  // Only `webpack serve` needs the certificate; builds never touch .cert/.
  const https = env.WEBPACK_SERVE ? await require('./scripts/dev-cert').ensureDevCert() : undefined;
  const baseUrl = dev ? DEV_BASE_URL : productionBaseUrl(process.env, { required: Boolean(env.requireBaseUrl) });
  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'eval-source-map' : 'source-map',
    context: __dirname,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].chunk.js' : '[name].[contenthash:8].chunk.js',
      publicPath: '',
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js', '.json'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              // ES modules so webpack can tree-shake and split dynamic import() chunks.
              compilerOptions: { module: 'es2020', noEmit: false, sourceMap: true },
            },
          },
        },
        { test: /\.css$/, use: ['style-loader', 'css-loader'] },
        { test: /\.(png|svg|jpe?g|gif|woff2?)$/, type: 'asset/resource', generator: { filename: 'assets/[name].[contenthash:8][ext]' } },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
      }),
      // Development pages load office.js from the dev server (Microsoft's package), production
      // pages keep the CDN URL.
      ...(dev ? [new OfficeJsFromPackagePlugin()] : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (dev ? content : rewriteManifest(content.toString('utf8'), baseUrl)),
          },
        ],
      }),
    ],
    devServer: {
      port: DEV_PORT,
      host: 'localhost',
      hot: false,
      liveReload: true,
      allowedHosts: 'all',
      headers: { 'Access-Control-Allow-Origin': '*' },
      // Microsoft's office.js from the @microsoft/office-js package, under /office-js/.
      static: [{ directory: OFFICE_JS_DIST, publicPath: '/office-js', watch: false }],
      client: { overlay: { warnings: false, errors: true } },
      // Certificate from .cert/ (created on first run); see scripts/dev-cert.js.
      server: https ? { type: 'https', options: { cert: https.cert, key: https.key } } : 'https',
      // The README says to open https://localhost:3000/ (to accept the certificate): show the pane there.
      setupMiddlewares: (middlewares) => [{ name: 'pane-at-root', middleware: paneAtRoot }, ...middlewares],
    },
  };
}

module.exports = config;
module.exports.DEV_BASE_URL = DEV_BASE_URL;
module.exports.DEFAULT_BASE_URL = DEFAULT_BASE_URL;
module.exports.productionBaseUrl = productionBaseUrl;
module.exports.rewriteManifest = rewriteManifest;
module.exports.OFFICE_JS_DIST = OFFICE_JS_DIST;
module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
module.exports.PANE_PATH = PANE_PATH;

/**
 * What `@fluentui/react-icons` resolves to in jest (jest.config.js, moduleNameMapper). The
 * package's index evaluates every icon — 67 chunks, about 150 MB of CommonJS — in every test
 * file that renders the pane, seconds of CPU each time. This module has the same exports, each
 * taken on first use from the package's own per-icon module (lib-cjs/atoms/svg/<name>.cjs, the
 * modules its "./svg/*" export serves); anything not found that way comes from the index itself.
 */
const path = require('node:path');

const LIB = path.join(__dirname, '..', '..', 'node_modules', '@fluentui', 'react-icons', 'lib-cjs');
const utils = require(path.join(LIB, 'utils.cjs'));
const contexts = require(path.join(LIB, 'contexts', 'index.cjs'));

let index;
const everything = () => (index ??= require(path.join(LIB, 'index.cjs')));

/** ChevronRight12Regular → atoms/svg/chevron-right.cjs */
function atomFile(name) {
  const icon = name.replace(/\d*(Regular|Filled|Color|Light)$/, '');
  const kebab = icon.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Za-z])(\d)/g, '$1-$2').toLowerCase();
  return path.join(LIB, 'atoms', 'svg', `${kebab}.cjs`);
}

const loaded = new Map();
function exported(name) {
  if (name === '__esModule') return true;
  if (name in utils) return utils[name];
  if (name in contexts) return contexts[name];
  if (!loaded.has(name)) {
    let value;
    try {
      value = require(atomFile(name))[name];
    } catch {
      value = undefined;
    }
    loaded.set(name, value ?? everything()[name]);
  }
  return loaded.get(name);
}

module.exports = new Proxy(
  {},
  {
    get: (_, name) => (typeof name === 'string' ? exported(name) : undefined),
    has: (_, name) => typeof name === 'string' && exported(name) !== undefined,
    ownKeys: () => Reflect.ownKeys(everything()),
    getOwnPropertyDescriptor: (_, name) =>
      typeof name === 'string' && exported(name) !== undefined
        ? { value: exported(name), enumerable: true, configurable: true, writable: false }
        : undefined,
  },
);

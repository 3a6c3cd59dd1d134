import { configure } from '@testing-library/dom';
import { setPreviewEngineLoader } from '../../src/taskpane/preview/engine';

// findBy*/waitFor default to 1 s, which a busy 2-core CI machine can exceed while a page
// computes; a real failure still fails, only later.
configure({ asyncUtilTimeout: 15_000 });

// jsdom 20 (jest-environment-jsdom 29) predates AbortSignal.throwIfAborted, which every browser
// the pane supports has (Chrome/Edge 100+, Safari 15.4+).
if (typeof AbortSignal !== 'undefined' && !('throwIfAborted' in AbortSignal.prototype)) {
  Object.defineProperty(AbortSignal.prototype, 'throwIfAborted', {
    value(this: AbortSignal) {
      if (this.aborted) throw this.reason ?? new DOMException('This operation was aborted', 'AbortError');
    },
  });
}

// jsdom has no TextDecoder/TextEncoder, which IronCalc's bindings use (browsers and Node have them).
if (typeof TextDecoder === 'undefined') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const util = require('node:util') as typeof import('node:util');
  Object.assign(globalThis, { TextDecoder: util.TextDecoder, TextEncoder: util.TextEncoder });
}

// The preview's engine: the browser fetches IronCalc's .wasm as a lazy chunk, which Node's fetch
// cannot do from the file system; tests load the same package from disk.
// (Required here, after the TextDecoder above: an import would run before it.)
// eslint-disable-next-line @typescript-eslint/no-require-imports
setPreviewEngineLoader(async () => (require('../../src/xlsx/evaluate/load-node') as typeof import('../../src/xlsx/evaluate/load-node')).loadIronCalcNode());

// jsdom's getComputedStyle matches every stylesheet rule against the element, and Testing
// Library (is this element hidden?) and user-event (pointer-events) call it for each element and
// its ancestors in every query and click. Fluent's CSS-in-JS inserts hundreds of rules that can
// only change how things look; keep the ones that can hide an element or block the pointer, the
// only computed styles these tests (and jsdom, which lays nothing out) depend on. About a third
// less CPU for the page tests.
if (typeof CSSStyleSheet !== 'undefined') {
  const insertRule = CSSStyleSheet.prototype.insertRule;
  CSSStyleSheet.prototype.insertRule = function (this: CSSStyleSheet, rule: string, index?: number): number {
    if (/display|visibility|pointer-events/.test(rule)) return insertRule.call(this, rule, index);
    return this.cssRules.length;
  };
}

// React's "An update to X inside a test was not wrapped in act(...)" means a test let a state
// change happen after it stopped looking (issue 16): such a warning fails the test that printed
// it (after it ends, so React's own code is not interrupted), and none can creep back into the log.
{
  const actWarnings: string[] = [];
  const consoleError = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    const text = args.map(String).join(' ');
    if (/not wrapped in act\(|not configured to support act\(/.test(text)) actWarnings.push(text.slice(0, 400));
    consoleError(...args);
  };
  afterEach(() => {
    const found = actWarnings.splice(0);
    if (found.length) throw new Error(`React act() warning(s) during this test:\n${found.join('\n')}`);
  });
}

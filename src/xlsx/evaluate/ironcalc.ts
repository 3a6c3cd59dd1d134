import type { Model } from '@ironcalc/wasm';

/**
 * The part of IronCalc (`@ironcalc/wasm`, MIT/Apache-2.0) the evaluator uses, once its
 * WebAssembly is instantiated. Node loads it with load-node.ts, the browser with
 * load-browser.ts; evaluate-workbook.ts takes either.
 */
export interface IronCalc {
  Model: typeof Model;
}

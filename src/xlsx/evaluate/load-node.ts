import { readFileSync } from 'node:fs';
import * as ironcalc from '@ironcalc/wasm';
import type { IronCalc } from './ironcalc';

let ready = false;

/**
 * IronCalc in Node: the .wasm bytes are read from the package and instantiated synchronously
 * once per process (about 0.2 s). The package is an ES module; Node 20.19+ loads it from the
 * CommonJS build, and the tests through test/support/esm-transform.js.
 */
export function loadIronCalcNode(): IronCalc {
  if (!ready) {
    ironcalc.initSync({ module: readFileSync(require.resolve('@ironcalc/wasm/wasm_bg.wasm')) });
    ready = true;
  }
  return ironcalc;
}

import type { IronCalc } from './ironcalc';

let loading: Promise<IronCalc> | undefined;

/**
 * IronCalc in the browser, fetched only when first asked for (a lazy chunk plus its .wasm,
 * which webpack emits beside the bundle from the package's `new URL(…, import.meta.url)`).
 * A failed download is not remembered: the next call tries again.
 */
export function loadIronCalcBrowser(): Promise<IronCalc> {
  loading ??= import('@ironcalc/wasm')
    .then(async (m) => {
      await m.default();
      return m as IronCalc;
    })
    .catch((e: unknown) => {
      loading = undefined;
      throw e;
    });
  return loading;
}

import type { IronCalc } from '../../xlsx/evaluate/ironcalc';

type Loader = () => Promise<IronCalc>;

// The loader module, IronCalc's bindings and its .wasm are separate chunks: nothing of the
// engine is in the task pane's first load.
const browserLoader: Loader = () => import('../../xlsx/evaluate/load-browser').then((m) => m.loadIronCalcBrowser());
let loader: Loader = browserLoader;

/** The spreadsheet engine of the preview (IronCalc), fetched the first time it is needed. */
export function previewEngine(): Promise<IronCalc> {
  return loader();
}

/** Tests in Node load the engine from the file system (Node's fetch cannot read the .wasm file). */
export function setPreviewEngineLoader(next?: Loader): void {
  loader = next ?? browserLoader;
}

import type { WorkbookSpec } from '../../sheets/core/sheet-spec';
import type { Evaluation } from './evaluate-workbook';
import { loadIronCalcNode } from './load-node';
import { withCachedValues } from './with-cached-values';

/** withCachedValues with IronCalc loaded for Node (the CLI and the tests). */
export function computeCachedValues(workbook: WorkbookSpec): { workbook: WorkbookSpec; evaluation: Evaluation } {
  return withCachedValues(workbook, loadIronCalcNode());
}

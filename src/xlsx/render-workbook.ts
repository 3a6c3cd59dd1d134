import type { WorkbookSpec } from '../sheets/core/sheet-spec';
import { MemorySink } from './write/package-writer';
import type { RenderWarning } from './write/warnings';
import { writeWorkbook, type WriteWorkbookOptions } from './write/write-workbook';

export type { RenderWarning } from './write/warnings';

export interface RenderedWorkbook {
  bytes: Uint8Array;
  /** What was changed so the file stays valid (characters replaced, text cut …), by sheet and cell. */
  warnings: RenderWarning[];
}

/**
 * Renders a WorkbookSpec to .xlsx bytes with our SpreadsheetML writer (src/xlsx/write).
 * Formulas carry their cached values where the spec has them; the workbook recalculates on open.
 */
export async function renderWorkbook(spec: WorkbookSpec, options?: WriteWorkbookOptions): Promise<Uint8Array> {
  return (await renderWorkbookWithWarnings(spec, options)).bytes;
}

export async function renderWorkbookWithWarnings(spec: WorkbookSpec, options?: WriteWorkbookOptions): Promise<RenderedWorkbook> {
  const sink = new MemorySink();
  const warnings = await writeWorkbook(spec, sink, options);
  return { bytes: sink.bytes(), warnings };
}

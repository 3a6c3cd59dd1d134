import { useEffect, useMemo, useState } from 'react';
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { columnLetter, parseCell, parseRange } from '../../sheets/core/a1';
import { cellsUpToRow, lastBlockRow } from '../../sheets/core/row-blocks';
import { isFormula, type CellSpec, type SheetSpec } from '../../sheets/core/sheet-spec';
import { useI18n } from '../app/i18n';
import { displayTexts, type DisplayCell } from './computed-values';
import { previewEngine } from './engine';
import { editText, isInputCell, type CellInput } from './cell-input';
import { useCellEdit } from './use-cell-edit';

const MAX_ROWS = 80;
const MAX_COLS = 26;

const useStyles = makeStyles({
  region: {
    overflow: 'auto',
    maxHeight: '420px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    // A sheet looks like paper in both themes: its own colours were chosen for a white grid.
    backgroundColor: '#ffffff',
    color: '#000000',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  table: { borderCollapse: 'collapse', tableLayout: 'fixed', fontSize: '12px', fontFamily: tokens.fontFamilyBase },
  head: {
    position: 'sticky',
    top: 0,
    backgroundColor: '#f3f3f3',
    color: '#333333',
    fontWeight: 'normal',
    border: '1px solid #d0d0d0',
    padding: '0 4px',
    fontSize: '11px',
  },
  rowHead: {
    position: 'sticky',
    left: 0,
    backgroundColor: '#f3f3f3',
    color: '#333333',
    fontWeight: 'normal',
    border: '1px solid #d0d0d0',
    padding: '0 4px',
    fontSize: '11px',
    textAlign: 'right',
  },
  cell: {
    border: '1px solid #e1e1e1',
    padding: '1px 4px',
    verticalAlign: 'top',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
  formula: { fontFamily: tokens.fontFamilyMonospace, color: '#4a4a4a', fontStyle: 'italic' },
  editable: {
    cursor: 'cell',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  editor: {
    width: '100%',
    boxSizing: 'border-box',
    font: 'inherit',
    padding: 0,
    border: '2px solid #217346',
    margin: 0,
  },
  error: { display: 'block', marginTop: tokens.spacingVerticalXS, color: tokens.colorPaletteRedForeground1 },
  note: { display: 'block', marginTop: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground2 },
});

/**
 * The text of each shown cell as a spreadsheet shows it — formulas by their computed value,
 * numbers and dates through the cell's number format — from the preview's engine; undefined
 * until the engine is there (or when it cannot be loaded).
 */
function useDisplayTexts(spec: SheetSpec, cells: readonly CellSpec[], rows: number, cols: number): Map<string, string> | undefined {
  const [texts, setTexts] = useState<{ spec: SheetSpec; texts: Map<string, string> }>();
  useEffect(() => {
    let live = true;
    const shown: DisplayCell[] = [];
    for (const c of cells) {
      const { row, col } = parseCell(c.ref);
      if (row > rows || col > cols) continue;
      const v = c.value;
      if (isFormula(v)) {
        if (v.cached !== undefined) shown.push({ ref: c.ref, value: v.cached, numFmt: c.style?.numFmt });
      } else shown.push({ ref: c.ref, value: v, numFmt: c.style?.numFmt });
    }
    previewEngine()
      .then((engine) => {
        if (live) setTexts({ spec, texts: displayTexts(engine, shown) });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [spec, cells, rows, cols]);
  return texts?.spec === spec ? texts.texts : undefined;
}

/**
 * An HTML rendering of a generated sheet for preview mode, showing what its formulas compute.
 * With `onEdit`, its input cells (never formulas) can be edited: click or Enter opens a cell,
 * Enter saves, Escape cancels.
 */
export function SheetPreview({
  spec,
  onEdit,
}: {
  spec: SheetSpec;
  onEdit?: (ref: string, typed: string) => Promise<CellInput>;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const edit = useCellEdit(onEdit);
  // Generated rows (a large table) are read only as far as they are shown.
  const shownCells = useMemo(() => cellsUpToRow(spec, MAX_ROWS), [spec]);
  // A sheet with generated rows is too large to recompute in the preview: shown, not edited.
  const blockRows = lastBlockRow(spec);
  const edits = blockRows > 0 ? undefined : onEdit;
  const cells = new Map<string, CellSpec>();
  let maxRow = blockRows;
  let maxCol = 0;
  for (const c of shownCells) {
    const { row, col } = parseCell(c.ref);
    cells.set(`${row}:${col}`, c);
    maxRow = Math.max(maxRow, row);
    maxCol = Math.max(maxCol, col);
  }
  const rows = Math.min(maxRow, MAX_ROWS);
  const cols = Math.min(maxCol, MAX_COLS);
  const texts = useDisplayTexts(spec, shownCells, rows, cols);
  const computed = shownCells.every((c) => !isFormula(c.value) || c.value.cached !== undefined);
  // Merged areas: the top-left cell spans, the others are not drawn.
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  const covered = new Set<string>();
  for (const m of spec.merges ?? []) {
    const r = parseRange(m);
    spans.set(`${r.top}:${r.left}`, {
      rowSpan: Math.min(r.bottom, rows) - r.top + 1,
      colSpan: Math.min(r.right, cols) - r.left + 1,
    });
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) if (row !== r.top || col !== r.left) covered.add(`${row}:${col}`);
  }
  const widthOf = new Map((spec.columns ?? []).map((c) => [c.index, c.hidden ? 0 : c.width]));
  // Excel widths are in characters (~7 px); the table keeps them and the region scrolls sideways.
  const px = Array.from({ length: cols }, (_, i) => Math.round(Math.min(widthOf.get(i + 1) ?? 9, 60) * 7));
  const totalWidth = 28 + px.reduce((a, b) => a + b, 0);

  return (
    <div>
      <div className={styles.region} role="region" aria-label={t('previewOfSheet', { sheet: spec.name })} tabIndex={0}>
        <table className={styles.table} style={{ width: `${totalWidth}px` }}>
          <colgroup>
            <col style={{ width: '28px' }} />
            {px.map((w, i) => (
              <col key={i} style={{ width: `${w}px` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className={styles.head} scope="col">
                <span aria-hidden="true">#</span>
              </th>
              {Array.from({ length: cols }, (_, i) => (
                <th key={i} className={styles.head} scope="col">
                  {columnLetter(i + 1)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r}>
                <th className={styles.rowHead} scope="row">
                  {r + 1}
                </th>
                {Array.from({ length: cols }, (_, c) => {
                  const key = `${r + 1}:${c + 1}`;
                  if (covered.has(key)) return null;
                  const cell = cells.get(key);
                  const span = spans.get(key);
                  const editable = edits !== undefined && isInputCell(cell);
                  const open = editable && edit.state.editing?.ref === cell.ref;
                  return (
                    <td
                      key={c}
                      className={editable ? `${styles.cell} ${styles.editable}` : styles.cell}
                      style={cellStyle(cell)}
                      rowSpan={span?.rowSpan}
                      colSpan={span?.colSpan}
                      data-ref={cell?.ref}
                      tabIndex={editable && !open ? 0 : undefined}
                      aria-label={editable && !open ? t('previewEditCell', { ref: cell.ref }) : undefined}
                      onClick={editable && !open ? () => edit.open(cell.ref, editText(cell)) : undefined}
                      onKeyDown={
                        editable && !open
                          ? (e) => {
                              if (e.key === 'Enter' || e.key === 'F2') {
                                e.preventDefault();
                                edit.open(cell.ref, editText(cell));
                              }
                            }
                          : undefined
                      }
                    >
                      {open ? (
                        <input
                          className={styles.editor}
                          autoFocus
                          aria-label={t('previewEditCell', { ref: cell.ref })}
                          aria-invalid={edit.state.error?.ref === cell.ref}
                          value={edit.state.editing?.text ?? ''}
                          readOnly={edit.state.saving}
                          onChange={(e) => edit.type(e.target.value)}
                          onKeyDown={(e) => {
                            if (e.key === 'Enter') {
                              e.preventDefault();
                              void edit.commit();
                            } else if (e.key === 'Escape') {
                              e.preventDefault();
                              edit.cancel();
                            }
                          }}
                        />
                      ) : cell ? (
                        <CellText cell={cell} text={texts?.get(cell.ref)} formulaClass={styles.formula} />
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {edit.state.error && (
        <Caption1 className={styles.error} role="alert" data-testid="cell-edit-error">
          {edit.state.error.message}
        </Caption1>
      )}
      {edits && spec.cells.some(isInputCell) && <Caption1 className={styles.note}>{t('previewEditHint')}</Caption1>}
      {blockRows > 0 && (
        <Caption1 className={styles.note} data-testid="preview-large-sheet">
          {t('previewLargeSheet')}
        </Caption1>
      )}
      {(maxRow > rows || maxCol > cols) && (
        <Caption1 className={styles.note}>
          {t('previewTruncated', { rows: maxRow, cols: maxCol, shownRows: rows, shownCols: cols })}
        </Caption1>
      )}
      {spec.charts?.map((ch) => (
        <Caption1 key={ch.title} className={styles.note}>
          {t('previewChartNote', { title: ch.title })}
        </Caption1>
      ))}
      <Caption1 className={styles.note}>{t(computed ? 'previewComputedNote' : 'previewFormulaNote')}</Caption1>
    </div>
  );
}

function CellText({ cell, text, formulaClass }: { cell: CellSpec; text: string | undefined; formulaClass: string }) {
  if (text !== undefined) return <>{text}</>;
  let v = cell.value;
  if (isFormula(v)) {
    if (v.cached === undefined) return <span className={formulaClass}>={v.formula}</span>;
    v = typeof v.cached === 'object' && v.cached !== null && !(v.cached instanceof Date) ? v.cached.error : v.cached;
  }
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return <>{v.toISOString().slice(0, 10)}</>;
  if (typeof v === 'number') return <>{formatNumber(v, cell.style?.numFmt)}</>;
  if (typeof v === 'boolean') return <>{v ? 'TRUE' : 'FALSE'}</>;
  return <>{v}</>;
}

function formatNumber(n: number, numFmt?: string): string {
  if (numFmt?.includes('%')) {
    const digits = /0\.(0+)%/.exec(numFmt)?.[1].length ?? 0;
    return `${(n * 100).toFixed(digits)}%`;
  }
  const digits = numFmt ? (/0\.(0+)/.exec(numFmt)?.[1].length ?? 0) : undefined;
  return n.toLocaleString(
    'en-US',
    digits === undefined
      ? { maximumFractionDigits: 6 }
      : { minimumFractionDigits: digits, maximumFractionDigits: digits },
  );
}

function cellStyle(cell: CellSpec | undefined): React.CSSProperties | undefined {
  const s = cell?.style;
  if (!s) return undefined;
  const bg = s.fill ? `#${s.fill}` : undefined;
  const fg = s.font?.color ? `#${s.font.color}` : undefined;
  return {
    backgroundColor: bg,
    // Sheet colours are chosen for Excel's grid; keep text readable (WCAG AA) if a pair is faint.
    color:
      fg && contrast(fg, bg ?? '#ffffff') >= 4.5 ? fg : bg && contrast('#000000', bg) < 4.5 ? '#ffffff' : '#000000',
    fontWeight: s.font?.bold ? 600 : undefined,
    fontStyle: s.font?.italic ? 'italic' : undefined,
    textDecoration: s.font?.underline ? 'underline' : undefined,
    fontSize: s.font?.size && s.font.size > 12 ? `${Math.min(s.font.size + 2, 20)}px` : undefined,
    textAlign: s.alignment?.horizontal,
    whiteSpace: s.alignment?.wrapText === false ? 'nowrap' : undefined,
  };
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/**
 * Reads a block of a sheet (values or formulas) in row chunks sized from the bytes the cells
 * actually take, so each response stays under Excel on the web's 5 MB limit.
 *
 * Why measured bytes: "Excel on the web has a payload size limit for requests and responses of
 * 5MB" (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 * A fixed guess per cell fails on ordinary data: a customer name of 20 Chinese characters is
 * 60 bytes of UTF-8 before the JSON around it. The first chunk assumes FIRST_GUESS_BYTES_PER_CELL;
 * every later chunk is sized from the largest bytes-per-cell seen so far. If Excel still
 * answers ResponsePayloadSizeLimitExceeded (https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling),
 * the chunk is halved and read again; a single row too big to read is reported, not skipped.
 */
import { rangeRef } from '../sheets/core/a1';
import { HostError, throwIfAborted, toHostError } from '../host/host-error';

export const RESPONSE_LIMIT_BYTES = 5 * 1024 * 1024;
/** Each request aims at 80 % of the limit: the next rows may be wider than the ones measured (and a refusal halves it). */
export const CHUNK_TARGET_BYTES = Math.floor(RESPONSE_LIMIT_BYTES * 0.8);
/** At most this many cells per request, however small they are (progress and cancelling). */
export const READ_CHUNK_CELLS = 100_000;
export const FIRST_GUESS_BYTES_PER_CELL = 40;

const encoder = new TextEncoder();

/** UTF-8 bytes of a value as JSON: what Excel sends back for it. */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? '').length;
}

export interface Block {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface ChunkedReadOptions {
  /** What the read is for, in error messages ("read Sales!A1:D9"). */
  step: string;
  signal?: AbortSignal;
}

export function isResponseTooLarge(e: unknown): boolean {
  return (e as { code?: string } | null)?.code === 'ResponsePayloadSizeLimitExceeded';
}

/** Rows of `columns` columns that fit in `bytes` at `bytesPerCell`, and in `cells` cells. */
export function rowsThatFit(columns: number, bytesPerCell: number, bytes = CHUNK_TARGET_BYTES, cells = READ_CHUNK_CELLS): number {
  return Math.max(0, Math.min(Math.floor(bytes / Math.max(1e-9, bytesPerCell * columns)), Math.floor(cells / columns)));
}

interface Piece {
  block: number;
  top: number;
  bottom: number;
}

/**
 * Reads `property` of several blocks on one sheet, as few requests as the byte budget allows:
 * small blocks share a request, large ones are cut into row chunks. Returns each block's rows.
 * After a ResponsePayloadSizeLimitExceeded the same rows are asked again with the estimate per
 * cell raised so that the request that failed is cut at least in half.
 */
export async function readBlocks(
  context: Excel.RequestContext,
  sheet: string,
  blocks: Block[],
  property: 'values' | 'formulas',
  options: ChunkedReadOptions,
): Promise<unknown[][][]> {
  const ws = context.workbook.worksheets.getItem(sheet);
  const width = (b: number) => blocks[b].right - blocks[b].left + 1;
  const out: unknown[][][] = blocks.map(() => []);
  const queue: Piece[] = blocks.map((b, i) => ({ block: i, top: b.top, bottom: b.bottom }));
  /** Bytes per cell to plan with: the first guess, then the largest measured, doubled after each refusal. */
  let estimate = FIRST_GUESS_BYTES_PER_CELL;
  let measuredOnce = false;
  while (queue.length > 0) {
    throwIfAborted(options.signal, options.step);
    const request: Piece[] = [];
    let bytes = 0;
    let cells = 0;
    while (queue.length > 0) {
      const piece = queue[0];
      const columns = width(piece.block);
      const fit = rowsThatFit(columns, estimate, CHUNK_TARGET_BYTES - bytes, READ_CHUNK_CELLS - cells);
      const rows = Math.min(piece.bottom - piece.top + 1, request.length === 0 ? Math.max(1, fit) : fit);
      if (rows < 1) break;
      request.push({ block: piece.block, top: piece.top, bottom: piece.top + rows - 1 });
      bytes += rows * columns * estimate;
      cells += rows * columns;
      if (piece.top + rows - 1 < piece.bottom) {
        piece.top += rows;
        break;
      }
      queue.shift();
    }
    const loaded = request.map((p) => ws.getRange(rangeRef(p.top, blocks[p.block].left, p.bottom, blocks[p.block].right)).load(property));
    try {
      // Each request is sized to stay under the response limit; that is the point of the loop.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      const single = request.length === 1 && request[0].top === request[0].bottom;
      if (isResponseTooLarge(e) && !single) {
        // Give the rows back, in order, and plan them again at twice the bytes per cell.
        for (const p of [...request].reverse()) {
          const next = queue[0];
          if (next && next.block === p.block && next.top === p.bottom + 1) next.top = p.top;
          else queue.unshift({ ...p });
        }
        estimate = Math.max(estimate * 2, CHUNK_TARGET_BYTES / Math.max(1, cells / 2));
        continue;
      }
      if (isResponseTooLarge(e)) {
        throw new HostError('rowTooLarge', `row ${request[0].top} of ${sheet} holds more than Excel can send in one response`, {
          params: { sheet, row: request[0].top },
          cause: e,
        });
      }
      const p = request[0];
      throw toHostError(e, `${options.step} ${sheet}!${rangeRef(p.top, blocks[p.block].left, p.bottom, blocks[p.block].right)}`);
    }
    let gotBytes = 0;
    request.forEach((p, i) => {
      const data = loaded[i][property] as unknown[][];
      gotBytes += jsonBytes(data);
      for (const row of data) out[p.block].push(row);
    });
    const perCell = gotBytes / Math.max(1, cells);
    estimate = measuredOnce ? Math.max(estimate, perCell) : Math.max(perCell, 1);
    measuredOnce = true;
  }
  return out;
}

/** readBlocks for one block. */
export async function readBlock(
  context: Excel.RequestContext,
  sheet: string,
  block: Block,
  property: 'values' | 'formulas',
  options: ChunkedReadOptions,
): Promise<unknown[][]> {
  return (await readBlocks(context, sheet, [block], property, options))[0];
}

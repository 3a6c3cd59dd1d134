/**
 * Notes (ExcelApi 1.18, https://learn.microsoft.com/javascript/api/excel/excel.notecollection) and threaded comments (ExcelApi 1.10,
 * https://learn.microsoft.com/javascript/api/excel/excel.commentcollection): one per cell, looked up by cell address; a cell without one is
 * ItemNotFound at sync (getItem / getItemByCell); getLocation gives the cell.
 * A note or comment on a multi-cell range, or a range on another sheet, is refused: A11.
 */
import { $, Binding, Loaded, requireApi, type OnlyRealMembers, type Queue } from './core';
import { FakeOfficeError } from './errors';
import { parseAddress, rectAddress, type ModelSheet } from './model';
import { loadItems, type RangeTarget } from './shared';
import { FakeRequestContext } from './workbook';
import { FakeRange } from './range';


function cellOf(ref: unknown, sheet: ModelSheet, where: string): string {
  if (ref instanceof FakeRange) {
    const target = ref[$].b.get();
    if (target.sheet !== sheet) throw new FakeOfficeError('InvalidArgument', 'cell on another sheet', where);
    if (target.rect.top !== target.rect.bottom || target.rect.left !== target.rect.right) {
      throw new FakeOfficeError('InvalidArgument', `a note or comment needs one cell, got ${rectAddress(target.rect)}`, where);
    }
    return rectAddress(target.rect);
  }
  if (typeof ref === 'string') return rectAddress(parseAddress(ref).rect);
  throw new FakeOfficeError('InvalidArgument', 'cell address', where);
}

export class FakeNoteCollection {
  readonly [$]: { q: Queue; sheet: () => ModelSheet; path: string; loaded: Loaded; context: FakeRequestContext };
  constructor(q: Queue, sheet: () => ModelSheet, path: string, context: FakeRequestContext) {
    this[$] = { q, sheet, path, loaded: new Loaded(path), context };
  }
  /** The note on a cell ("B3"); ItemNotFound at sync when the cell has none. */
  getItem(key: string): FakeNote {
    const { q, sheet, path, context } = this[$];
    const item = lazyCellItem(q, sheet, key, 'notes', 'NoteCollection.getItem', path);
    return new FakeNote(q, item, `${path}[${key}]`, context);
  }
  get items(): FakeNote[] {
    return this[$].loaded.read('items');
  }
  load(arg?: string | string[] | { select?: string }): this {
    const { q, sheet, path, context } = this[$];
    loadItems(
      q,
      this[$],
      'NoteCollection.load',
      arg,
      ['content'],
      () => [...sheet().notes.keys()].map((cell) => ({ sheet: sheet(), cell })),
      (n) => new FakeNote(q, n, `${path}[${n.cell}]`, context),
      (n) => n.sheet.notes.get(n.cell),
      'Worksheet.notes',
    );
    return this;
  }
  add(cellAddress: Excel.Range | string, content: unknown): { content: string } {
    const { q, sheet, path } = this[$];
    const ref = cellAddress as unknown;
    q.push('NoteCollection.add', path, { cell: ref instanceof FakeRange ? ref[$].path : ref, content }, () => {
      requireApi(q, 'NoteCollection.add');
      const s = sheet();
      s.notes.set(cellOf(ref, s, `${path}.add`), String(content));
    });
    return { content: String(content) };
  }
}
export const _notesCheck: OnlyRealMembers<FakeNoteCollection, Excel.NoteCollection> = true;

/** A note or a comment: the cell it is on. */
type CellItem = { sheet: ModelSheet; cell: string };

/** A note or comment looked up by cell: resolved (and checked to exist) at sync. */
function lazyCellItem(q: Queue, sheet: () => ModelSheet, key: string, kind: 'notes' | 'comments', action: 'NoteCollection.getItem' | 'CommentCollection.getItemByCell', path: string): CellItem {
  let cell: string | undefined;
  q.push(action, path, key, () => {
    requireApi(q, action);
    const s = sheet();
    const address = rectAddress(parseAddress(key).rect);
    if (!s[kind].has(address)) throw new FakeOfficeError('ItemNotFound', `no ${kind === 'notes' ? 'note' : 'comment'} on ${key}`, `${path}.${action}`);
    cell = address;
  });
  return {
    get sheet() {
      return sheet();
    },
    get cell() {
      if (cell === undefined) throw new FakeOfficeError('InvalidObjectPath', `${path}[${key}] is not resolved`, path);
      return cell;
    },
  };
}

/** Note.getLocation / Comment.getLocation: the cell as a Range. */
function cellLocation(q: Queue, item: CellItem, kind: 'notes' | 'comments', path: string, context: FakeRequestContext): FakeRange {
  const rb = new Binding<RangeTarget>(`${path}.getLocation()`);
  q.push(kind === 'notes' ? 'Note.getLocation' : 'Comment.getLocation', path, null, () => {
    requireApi(q, kind === 'notes' ? 'Note.getLocation' : 'Comment.getLocation');
    if (!item.sheet[kind].has(item.cell)) throw new FakeOfficeError('ItemNotFound', `nothing on ${item.cell}`, `${path}.getLocation`);
    rb.set({ sheet: item.sheet, rect: parseAddress(item.cell).rect });
  });
  return new FakeRange(q, rb, `${path}.getLocation()`, context);
}

export class FakeNote implements Pick<Excel.Note, 'delete'> {
  readonly [$]: { q: Queue; item: CellItem; path: string; loaded: Loaded; context: FakeRequestContext };
  constructor(q: Queue, item: CellItem, path: string, context: FakeRequestContext) {
    this[$] = { q, item, path, loaded: new Loaded(path), context };
  }
  getLocation(): FakeRange {
    const { q, item, path, context } = this[$];
    return cellLocation(q, item, 'notes', path, context);
  }
  get content(): string {
    return this[$].loaded.read('content');
  }
  delete(): void {
    const { q, item, path } = this[$];
    q.push('Note.delete', path, null, () => {
      requireApi(q, 'Note.delete');
      if (!item.sheet.notes.delete(item.cell)) throw new FakeOfficeError('ItemNotFound', `no note on ${item.cell}`, `${path}.delete`);
    });
  }
}
export const _noteCheck: OnlyRealMembers<FakeNote, Excel.Note> = true;

export class FakeCommentCollection {
  readonly [$]: { q: Queue; sheet: () => ModelSheet; path: string; loaded: Loaded; context: FakeRequestContext };
  constructor(q: Queue, sheet: () => ModelSheet, path: string, context: FakeRequestContext) {
    this[$] = { q, sheet, path, loaded: new Loaded(path), context };
  }
  /** The comment on a cell ("B3"); ItemNotFound at sync when the cell has none. */
  getItemByCell(cellAddress: Excel.Range | string): FakeComment {
    const { q, sheet, path, context } = this[$];
    if (typeof cellAddress !== 'string') throw new FakeOfficeError('NotModelled', 'getItemByCell(Range)', `${path}.getItemByCell`);
    const item = lazyCellItem(q, sheet, cellAddress, 'comments', 'CommentCollection.getItemByCell', path);
    return new FakeComment(q, item, `${path}[${cellAddress}]`, context);
  }
  get items(): FakeComment[] {
    return this[$].loaded.read('items');
  }
  load(arg?: string | string[] | { select?: string }): this {
    const { q, sheet, path, context } = this[$];
    loadItems(
      q,
      this[$],
      'CommentCollection.load',
      arg,
      ['content'],
      () => [...sheet().comments.keys()].map((cell) => ({ sheet: sheet(), cell })),
      (c) => new FakeComment(q, c, `${path}[${c.cell}]`, context),
      (c) => c.sheet.comments.get(c.cell),
      'Worksheet.comments',
    );
    return this;
  }
  add(cellAddress: Excel.Range | string, content: Excel.CommentRichContent | string): { content: string } {
    const { q, sheet, path } = this[$];
    const ref = cellAddress as unknown;
    q.push('CommentCollection.add', path, { cell: ref instanceof FakeRange ? ref[$].path : ref, content }, () => {
      requireApi(q, 'CommentCollection.add');
      const s = sheet();
      s.comments.set(cellOf(ref, s, `${path}.add`), typeof content === 'string' ? content : content.richContent);
    });
    return { content: typeof content === 'string' ? content : content.richContent };
  }
}
export const _commentsCheck: OnlyRealMembers<FakeCommentCollection, Excel.CommentCollection> = true;

export class FakeComment implements Pick<Excel.Comment, 'delete'> {
  readonly [$]: { q: Queue; item: CellItem; path: string; loaded: Loaded; context: FakeRequestContext };
  constructor(q: Queue, item: CellItem, path: string, context: FakeRequestContext) {
    this[$] = { q, item, path, loaded: new Loaded(path), context };
  }
  getLocation(): FakeRange {
    const { q, item, path, context } = this[$];
    return cellLocation(q, item, 'comments', path, context);
  }
  get content(): string {
    return this[$].loaded.read('content');
  }
  delete(): void {
    const { q, item, path } = this[$];
    q.push('Comment.delete', path, null, () => {
      requireApi(q, 'Comment.delete');
      if (!item.sheet.comments.delete(item.cell)) throw new FakeOfficeError('ItemNotFound', `no comment on ${item.cell}`, `${path}.delete`);
    });
  }
}
export const _commentCheck: OnlyRealMembers<FakeComment, Excel.Comment> = true;

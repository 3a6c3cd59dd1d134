/**
 * Combines the tables read from several reps' workbooks into team tables with an owner, and lists
 * everything that was not taken as it stood (docs/rules/team-rollup.md): customers held by two
 * reps, sheets of an older layout, sheets edited out of shape, files that could not be read.
 * Nothing is dropped without a line in the issues: for every sheet, rows read = rows taken + rows
 * listed as not taken. Pure: the workbooks arrive already read (src/xlsx/read/rep-workbook.ts).
 */
import { CustomerIndex, normaliseCustomerName } from './customer-key';
import { CUSTOMER_TABLES, TEAM_TABLES, type TeamRules, type TeamTableId } from './rules';

export type TeamCell = string | number | boolean | Date | null;

/** One table of one rep's workbook as read. */
export interface RepSheetRead {
  file: string;
  sheet: string;
  table: TeamTableId;
  /** The rep: the sheet's owner cell, else the file's name (docs/rules/team-rollup.md, "Owner"). */
  owner: string;
  stampVersion: number;
  /** The layout version the product writes now. */
  currentVersion: number;
  /** The current layout's headers, in order, in the sheet's language. */
  expected: readonly string[];
  /** The headers the sheet's table holds, in order. */
  found: readonly string[];
  headerRow: number;
  /** The customer named once above the table (decision chain). */
  customer?: string;
  /** Non-empty body rows, cells in the order of `found`. */
  rows: { rowNumber: number; cells: TeamCell[] }[];
}

export type TeamIssueCode =
  | 'unreadable'
  | 'no-team-sheets'
  | 'table-missing'
  | 'out-of-shape'
  | 'older-upgraded'
  | 'older-listed'
  | 'newer-listed'
  | 'column-missing'
  | 'extra-column'
  | 'blank-customer'
  | 'conflict';

export interface TeamIssue {
  code: TeamIssueCode;
  file: string;
  sheet?: string;
  /** A sheet row, or a span of rows ("13–72"). */
  row?: number | string;
  customer?: string;
  /** Rows not taken because of this issue. */
  rowsNotTaken?: number;
  /** Placeholders of the issue's sentence (headers, reps, versions…). */
  detail?: Record<string, string | number>;
  /** conflict: what was done with the row. */
  action?: 'kept-marked' | 'kept-first' | 'not-taken';
}

export interface RepFileRead {
  file: string;
  sheets: RepSheetRead[];
  /** What the reader found wrong with the file itself (unreadable, a stamped sheet without its table…). */
  issues: TeamIssue[];
}

export interface TeamRow {
  owner: string;
  file: string;
  sheet: string;
  rowNumber: number;
  /** The other reps who hold the same customer ('' when none). */
  conflict: string;
  /** Customer code, when the sheet has a code column. */
  code: string;
  /** Decision chain: the customer named above the table. */
  customer: string;
  /** Cells in the order of the current layout's headers. */
  cells: TeamCell[];
}

export interface FileTally {
  file: string;
  owners: string[];
  /** Body rows read per table, and of them taken into the team tables. */
  read: Partial<Record<TeamTableId, number>>;
  taken: Partial<Record<TeamTableId, number>>;
}

export interface TeamRollup {
  tables: Record<TeamTableId, TeamRow[]>;
  issues: TeamIssue[];
  /** Reps in the order their files came. */
  owners: string[];
  files: FileTally[];
}

/** Headers a sheet may add for the customer code (compared folded, as customer-key.ts folds names). */
const CODE_HEADERS = ['客户编号', '客户代码', '客户编码', 'customercode', 'customerid', 'customerno'];
const isCodeHeader = (h: string) => CODE_HEADERS.includes(h.normalize('NFKC').toLowerCase().replace(/[\s\p{P}]+/gu, ''));

/** The column holding the customer in each table that names one per row (index into the current layout). */
export const CUSTOMER_COLUMN: Partial<Record<TeamTableId, number>> = { pipeline: 0, 'visit-log': 1, 'communication-record': 1 };

const span = (rows: { rowNumber: number }[]) => (rows.length === 0 ? undefined : rows.length === 1 ? rows[0].rowNumber : `${rows[0].rowNumber}–${rows[rows.length - 1].rowNumber}`);

/** Where each current column is in the sheet's table, or why the sheet is not taken. */
function columnMap(s: RepSheetRead, rules: TeamRules, issues: TeamIssue[]): number[] | undefined {
  const at = (sheetIssue: Omit<TeamIssue, 'file' | 'sheet'>) => issues.push({ file: s.file, sheet: s.sheet, ...sheetIssue });
  const found = s.found.map((h) => h.trim());
  const index = s.expected.map((h) => found.indexOf(h));
  const missing = s.expected.filter((_, i) => index[i] < 0);
  const notTaken = { row: span(s.rows), rowsNotTaken: s.rows.length };
  if (s.stampVersion > s.currentVersion) {
    at({ code: 'newer-listed', ...notTaken, detail: { version: s.stampVersion, current: s.currentVersion } });
    return undefined;
  }
  if (s.stampVersion < s.currentVersion) {
    const { action, oldestUpgradable } = rules.olderTemplate;
    if (action === 'list' || s.stampVersion < oldestUpgradable || missing.length === s.expected.length) {
      at({ code: 'older-listed', ...notTaken, detail: { version: s.stampVersion, current: s.currentVersion } });
      return undefined;
    }
    at({ code: 'older-upgraded', row: s.headerRow, detail: { version: s.stampVersion, current: s.currentVersion } });
    if (missing.length) at({ code: 'column-missing', row: s.headerRow, detail: { headers: missing.join(', ') } });
  } else {
    // The current layout: every header where the template puts it, or the sheet is out of shape.
    const moved = s.expected.filter((h, i) => index[i] >= 0 && index[i] !== i);
    if (missing.length || moved.length) {
      at({ code: 'out-of-shape', ...notTaken, detail: { missing: missing.join(', ') || '—', moved: moved.join(', ') || '—' } });
      return undefined;
    }
  }
  const extra = found.filter((h, i) => h !== '' && !index.includes(i) && !isCodeHeader(h));
  if (extra.length) at({ code: 'extra-column', row: s.headerRow, detail: { headers: extra.join(', ') } });
  return index;
}

export function combineTeam(files: readonly RepFileRead[], rules: TeamRules): TeamRollup {
  const tables = Object.fromEntries(TEAM_TABLES.map((t) => [t, [] as TeamRow[]])) as Record<TeamTableId, TeamRow[]>;
  const issues: TeamIssue[] = [];
  const owners: string[] = [];
  const tallies: FileTally[] = [];
  const index = new CustomerIndex();
  /** Per conflict table: customer id → the rows holding it. */
  const held = new Map<TeamTableId, Map<number, TeamRow[]>>(rules.conflictTables.map((t) => [t, new Map()]));

  for (const f of files) {
    issues.push(...f.issues);
    const tally: FileTally = { file: f.file, owners: [], read: {}, taken: {} };
    tallies.push(tally);
    if (f.sheets.length === 0 && !f.issues.some((i) => i.code === 'unreadable')) issues.push({ code: 'no-team-sheets', file: f.file });
    for (const s of f.sheets) {
      if (!owners.includes(s.owner)) owners.push(s.owner);
      if (!tally.owners.includes(s.owner)) tally.owners.push(s.owner);
      tally.read[s.table] = (tally.read[s.table] ?? 0) + s.rows.length;
      const map = columnMap(s, rules, issues);
      if (!map) continue;
      const codeAt = s.found.findIndex(isCodeHeader);
      const customerCol = CUSTOMER_COLUMN[s.table];
      for (const r of s.rows) {
        const cells = map.map((i) => (i < 0 ? null : (r.cells[i] ?? null)));
        const code = codeAt >= 0 && r.cells[codeAt] !== null && r.cells[codeAt] !== undefined ? String(r.cells[codeAt]).trim() : '';
        const customer = customerCol !== undefined ? String(cells[customerCol] ?? '').trim() : (s.customer ?? '').trim();
        const row: TeamRow = { owner: s.owner, file: s.file, sheet: s.sheet, rowNumber: r.rowNumber, conflict: '', code, customer: s.table === 'decision-chain' ? customer : '', cells };
        tables[s.table].push(row);
        tally.taken[s.table] = (tally.taken[s.table] ?? 0) + 1;
        if (!CUSTOMER_TABLES.includes(s.table)) continue;
        if (customer === '' && code === '') {
          issues.push({ code: 'blank-customer', file: s.file, sheet: s.sheet, row: s.table === 'decision-chain' ? s.headerRow - 1 : r.rowNumber });
          continue;
        }
        const id = index.idOf(customer, code);
        const byId = held.get(s.table);
        if (id === undefined || !byId) continue;
        const list = byId.get(id) ?? [];
        list.push(row);
        byId.set(id, list);
      }
    }
  }

  // Customers held by more than one rep (docs/rules/team-rollup.md, "Conflicts").
  const dropped = new Set<TeamRow>();
  for (const [table, byId] of held)
    for (const rows of byId.values()) {
      const reps = [...new Set(rows.map((r) => r.owner))];
      if (reps.length < 2) continue;
      const first = reps[0];
      for (const r of rows) {
        const others = reps.filter((o) => o !== r.owner).join(', ');
        const action = rules.winner === 'keep-both' ? 'kept-marked' : r.owner === first ? 'kept-first' : 'not-taken';
        r.conflict = others;
        const customer = CUSTOMER_COLUMN[table] !== undefined ? String(r.cells[CUSTOMER_COLUMN[table]!] ?? '') : r.customer;
        issues.push({ code: 'conflict', file: r.file, sheet: r.sheet, row: r.rowNumber, customer, action, detail: { owner: r.owner, others, key: normaliseCustomerName(customer) }, ...(action === 'not-taken' ? { rowsNotTaken: 1 } : {}) });
        if (action === 'not-taken') {
          dropped.add(r);
          const t = tallies.find((x) => x.file === r.file)!;
          t.taken[table] = (t.taken[table] ?? 0) - 1;
        }
      }
    }
  if (dropped.size) for (const t of TEAM_TABLES) tables[t] = tables[t].filter((r) => !dropped.has(r));
  return { tables, issues, owners, files: tallies };
}

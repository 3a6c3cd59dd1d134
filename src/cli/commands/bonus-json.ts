import type { BonusLine } from '../../domain/bonus/line';
import { lineJson, type BonusReadSummary, type BonusRunResult } from '../../domain/bonus/run';
import { isDecimal } from '../../domain/exact/decimal';
import { serialToIso } from '../../domain/parse/parse-date';

/**
 * The `bonus --json` document of the CLI contract, written in pieces: the head (what is known
 * once the rows are read), then one line at a time, then the totals. A million lines are never
 * one object or one string (JSON.stringify of them took gigabytes); the text is the same as
 * stringifying the whole document at once, since JSON without whitespace is the concatenation
 * of its members' texts.
 */

/** JSON with every Decimal written as its exact digits (never through binary floating point). */
export function stringifyExact(value: unknown): string {
  // The replacer sees Decimals already turned into strings by their toJSON; `this[key]` is the original.
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    const original = this[key];
    return isDecimal(original) ? `\u0000${original.toFixed()}\u0000` : v;
  }).replace(/"\\u0000(-?[0-9.]+)\\u0000"/g, '$1');
}

/** Pieces are gathered up to this many characters before each write. */
const CHUNK = 1 << 20;

export class BonusJsonWriter {
  private buffer = '';
  private first = true;

  constructor(private readonly write: (text: string) => void) {}

  /** `{"scheme":…,"period":…,"columns":…,"rowsRead":…,"lines":[` */
  head(scheme: string, period: string | null, read: Pick<BonusReadSummary, 'columns' | 'rowsRead'>): void {
    const head = stringifyExact({ scheme, period, columns: read.columns, rowsRead: read.rowsRead });
    this.put(`${head.slice(0, -1)},"lines":[`);
  }

  line(line: BonusLine): void {
    this.put(this.first ? stringifyExact(lineJson(line)) : `,${stringifyExact(lineJson(line))}`);
    this.first = false;
  }

  /** `],"byRep":…,"penalties":…,"rejected":…}` and a newline; everything is written. */
  tail(r: BonusRunResult): void {
    const tail = stringifyExact(bonusJsonTotals(r));
    this.put(`],${tail.slice(1)}\n`);
    this.flush();
  }

  private put(text: string): void {
    this.buffer += text;
    if (this.buffer.length >= CHUNK) this.flush();
  }

  private flush(): void {
    if (this.buffer) this.write(this.buffer);
    this.buffer = '';
  }
}

/** The members of the document after its lines: totals per rep, penalties (new-customer), rejected rows. */
export function bonusJsonTotals(r: BonusRunResult): Record<string, unknown> {
  return {
    byRep: r.byRep.map((x) => ({ rep: x.rep, bonus: x.bonus, lines: x.lines, eligible: x.eligible })),
    ...(r.penalties
      ? {
          penalties: r.penalties.map((p) => ({
            rep: p.rep,
            asOf: serialToIso(p.asOf),
            lastNewCustomer: p.lastDevelopment === null ? null : serialToIso(p.lastDevelopment),
            flagged: p.flagged,
            atRisk: p.atRisk,
            penalty: p.penalty,
            reason: p.reason,
          })),
        }
      : {}),
    rejected: { count: r.rejected.count, rows: r.rejected.rows.slice(0, 100) },
  };
}

/** The whole document of a run that kept its lines, as one text (tests, small runs). */
export function bonusJson(r: BonusRunResult): string {
  let text = '';
  const json = new BonusJsonWriter((t) => (text += t));
  json.head(r.scheme, r.period?.label ?? null, r);
  for (const line of r.lines) json.line(line);
  json.tail(r);
  return text.slice(0, -1);
}

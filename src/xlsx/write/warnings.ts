import { cutText, replaceForbidden } from './xml-text';

/** Something the writer changed so the file stays valid; the CLI prints these, the pane shows them. */
export interface RenderWarning {
  /** The sheet as written (after renaming), if the problem is on one. */
  sheet?: string;
  /** A1 address of the cell, when there is one. */
  ref?: string;
  /** What held the text: "cell", "note", "sheet name", "table column", … */
  what: string;
  message: string;
}

/** At most this many warnings of one kind are listed; the rest are counted in one line. */
const LISTED_PER_KIND = 50;

export interface Place {
  sheet?: string;
  ref?: string;
  what: string;
}

/**
 * Collects warnings while parts are written, and cleans text on the way: forbidden
 * characters replaced (always), over-long text cut (where Excel limits it).
 */
export class WarningLog {
  private readonly listed: RenderWarning[] = [];
  private readonly overflow = new Map<string, number>();
  private readonly perKind = new Map<string, number>();

  add(kind: string, place: Place, message: string): void {
    const n = (this.perKind.get(kind) ?? 0) + 1;
    this.perKind.set(kind, n);
    if (n <= LISTED_PER_KIND) this.listed.push({ ...place, message });
    else this.overflow.set(kind, (this.overflow.get(kind) ?? 0) + 1);
  }

  /** Text made safe for XML, with a warning naming the place when anything was replaced. */
  clean(text: string, place: Place): string {
    const r = replaceForbidden(text);
    if (r.replaced > 0)
      this.add(
        'forbidden',
        place,
        `${describe(place)}: ${r.replaced} character${r.replaced === 1 ? '' : 's'} that an .xlsx file cannot hold (control characters) replaced by \uFFFD`,
      );
    return r.text;
  }

  /** clean(), then cut to Excel's per-cell limit with a visible marker and a warning. */
  cleanAndCut(text: string, place: Place, max?: number): string {
    const cleaned = this.clean(text, place);
    const c = cutText(cleaned, max);
    if (c.cut) this.add('cut', place, `${describe(place)}: text of ${cleaned.length} characters cut to Excel's limit of ${max ?? 32_767}`);
    return c.text;
  }

  list(): RenderWarning[] {
    const more = [...this.overflow].map(([kind, n]) => ({ what: kind, message: `… and ${n} more warnings like these (${kind === 'cut' ? 'text cut' : kind === 'forbidden' ? 'characters replaced' : kind})` }));
    return [...this.listed, ...more];
  }
}

function describe(p: Place): string {
  const at = [p.sheet !== undefined ? `sheet "${p.sheet}"` : '', p.ref ? `cell ${p.ref}` : ''].filter(Boolean).join(' ');
  return at ? `${p.what} at ${at}` : p.what;
}

/** One line per warning, as the CLI prints them. */
export function warningLine(w: RenderWarning): string {
  return `warning: ${w.message}`;
}

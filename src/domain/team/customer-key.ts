/**
 * Which rows of different reps' workbooks are about the same customer (docs/rules/team-rollup.md,
 * "Matching customers"): the name as people type it — full-width or half-width characters, spaces,
 * letter case and the company-form suffix (有限公司, Co., Ltd.) do not make another customer — and
 * the customer code when a row has one. Pure: no I/O.
 */

/** Company-form endings of Chinese names, longest first: no word boundary needed. */
const CJK_SUFFIXES = ['股份有限公司', '有限责任公司', '集团有限公司', '有限公司', '公司'];
/** Company-form words of Latin names: only as whole words at the end ("Tesco" keeps its "co"). */
const LATIN_SUFFIX = /(?:^|[\s,.&()-])(?:company limited|co\.?,? ?ltd\.?|co\.?,? ?limited|corporation|limited|company|corp\.?|ltd\.?|inc\.?|llc|gmbh|co\.?)[\s,.]*$/;

/**
 * A customer name folded for matching: Unicode compatibility form (full-width "ＡＢＣ（上海）" →
 * "abc(上海)"), lower case, company-form suffixes removed (repeatedly: "Acme Co., Ltd." → "acme"),
 * then no spaces or punctuation. A name that is nothing but a suffix ("有限公司") is kept.
 */
export function normaliseCustomerName(name: string): string {
  const squeeze = (s: string) => s.replace(/[\s\p{P}\p{S}]+/gu, '');
  const folded = name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  if (CJK_SUFFIXES.includes(squeeze(folded))) return squeeze(folded);
  let out = folded;
  for (let changed = true; changed; ) {
    changed = false;
    const trimmed = out.replace(/[\s,.]+$/, '');
    const cjk = CJK_SUFFIXES.find((s) => trimmed.length > s.length && trimmed.endsWith(s));
    const latin = cjk ? undefined : LATIN_SUFFIX.exec(trimmed);
    const next = cjk ? trimmed.slice(0, -cjk.length) : latin && latin.index > 0 ? trimmed.slice(0, latin.index) : trimmed;
    if (next !== out && squeeze(next) !== '') {
      changed = next !== trimmed || trimmed !== out;
      out = next;
    }
  }
  return squeeze(out) || squeeze(folded) || folded;
}

/** A customer code folded the same way (width, case, spaces and punctuation); '' when blank. */
export function normaliseCustomerCode(code: string | undefined): string {
  return (code ?? '').normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/**
 * Gives each customer one id across every workbook. Two rows are the same customer when their
 * codes are equal, or when their names fold to the same text and they do not both carry codes
 * that differ (two codes say two customers, whatever the names).
 */
export class CustomerIndex {
  private readonly byCode = new Map<string, number>();
  private readonly byName = new Map<string, { id: number; codes: Set<string> }[]>();
  private next = 0;

  /** The customer's id; undefined for a blank name without a code. */
  idOf(name: string, code?: string): number | undefined {
    const c = normaliseCustomerCode(code);
    const n = name.trim() === '' ? '' : normaliseCustomerName(name);
    if (c === '' && n === '') return undefined;
    if (c !== '') {
      const known = this.byCode.get(c);
      if (known !== undefined) return known;
    }
    const sameName = n === '' ? [] : (this.byName.get(n) ?? []);
    // Without a code: the first customer of that name. With one: a customer of that name not yet coded otherwise.
    const hit = c === '' ? sameName[0] : sameName.find((e) => e.codes.size === 0);
    if (hit) {
      if (c !== '') {
        hit.codes.add(c);
        this.byCode.set(c, hit.id);
      }
      return hit.id;
    }
    const id = this.next++;
    if (c !== '') this.byCode.set(c, id);
    if (n !== '') {
      const list = this.byName.get(n) ?? [];
      list.push({ id, codes: new Set(c === '' ? [] : [c]) });
      this.byName.set(n, list);
    }
    return id;
  }
}

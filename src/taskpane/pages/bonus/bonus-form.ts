/** "2026Q1", "2026-03", "2026" or blank (every date in the data). */
export function isPeriodText(text: string): boolean {
  const s = text.trim();
  return s === '' || /^\d{4}(-?Q[1-4]|-(0?[1-9]|1[0-2]))?$/i.test(s);
}

/** Rate texts → numbers; returns the currencies whose rate is missing or not a positive number. */
export function parseRates(
  texts: Record<string, string>,
  needed: readonly string[],
): { rates: Record<string, number>; invalid: string[] } {
  const rates: Record<string, number> = {};
  const invalid: string[] = [];
  for (const c of needed) {
    const n = Number((texts[c] ?? '').trim());
    if ((texts[c] ?? '').trim() !== '' && Number.isFinite(n) && n > 0) rates[c] = n;
    else invalid.push(c);
  }
  return { rates, invalid };
}

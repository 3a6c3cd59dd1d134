/** Seeded data: customers with many ties, zeros and negatives, several rows each. */
export function dataset(seed: number, customers: number): unknown[][] {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const rows: unknown[][] = [];
  for (let c = 0; c < customers; c++) {
    const lines = 1 + Math.floor(rnd() * 3);
    const kind = rnd();
    for (let k = 0; k < lines; k++) {
      let v: number | string;
      if (kind < 0.1) v = k === 0 ? 25 : 0; // many ties at 25
      else if (kind < 0.15) v = k % 2 ? -10 : 10; // nets to zero (or -10)
      else if (kind < 0.2) v = -Math.round(rnd() * 5000) / 100;
      else v = Math.round(Math.exp(rnd() * 9) * 100) / 100;
      rows.push([`客户${String(c).padStart(3, '0')}`, k === 1 && typeof v === 'number' ? `¥${v.toFixed(2)}` : v]);
    }
  }
  rows.push(['', 5], ['坏数据', 'abc']);
  return rows;
}

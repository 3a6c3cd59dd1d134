/**
 * Synthetic sales lines for the ABC benchmarks, written as CSV: `customers` customers over
 * `lines` lines (every customer has at least one), values with cents spread log-uniformly from
 * 1 to 100,000 per line, a few returns (negative lines) and customers whose lines net to zero
 * or below. Seeded: the same arguments give the same file.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export async function writeAbcLines(file: string, customers: number, lines: number, seed = 20260301): Promise<void> {
  let s = seed >>> 0;
  const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
  const out = createWriteStream(file);
  let chunk = 'customer,amount\n';
  for (let i = 0; i < lines; i++) {
    // The first `customers` lines name every customer once; the rest pick customers at random.
    const c = i < customers ? i : Math.floor(rnd() * customers);
    const name = `客户${String((c * 2654435761) % 100000007).padStart(8, '0')}`;
    let cents = Math.round(Math.exp(rnd() * Math.log(1e7)) * 100) ;
    if (c % 50 === 7) cents = -cents; // a customer that only returns goods
    else if (rnd() < 0.02) cents = -Math.round(cents / 10);
    chunk += `${name},${(cents / 100).toFixed(2)}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

/**
 * Text as people and exports type it, reduced to plain ASCII forms before parsing: full-width
 * letters, digits and punctuation (`１２３４`, `，`, `％`), the ideographic space, ￥ and the
 * minus sign U+2212. Deliberately not NFKC: that would also turn `10²` into `102`.
 */
export function normalizeTypedText(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else if (c === 0xffe5) out += '¥';
    else if (c === 0x2212) out += '-';
    else out += s[i];
  }
  return out;
}

/** Trims spaces (any Unicode space, NBSP, BOM) and one leading apostrophe (Excel's text marker). */
export function trimTyped(s: string): string {
  let t = s.trim();
  if (t.startsWith("'") || t.startsWith('\u2018') || t.startsWith('\u2019')) t = t.slice(1).trim();
  return t;
}

/** Both steps: what every parser does first with a string. */
export function cleanTyped(s: string): string {
  return trimTyped(normalizeTypedText(s));
}

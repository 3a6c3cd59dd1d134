/**
 * Text as SpreadsheetML can hold it. XML 1.0 forbids most control characters and lone UTF-16
 * surrogates: a part holding one no longer parses, and Excel calls the whole file corrupt. Such
 * characters become U+FFFD (visible, so the reader sees something was there) and the caller
 * gets told where. Cells hold at most 32,767 characters (Excel's limit); longer text is cut with
 * a visible marker.
 */

/** Characters XML 1.0 cannot carry: C0 controls except tab/LF/CR, U+FFFE/U+FFFF, lone surrogates. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const REPLACEMENT_CHARACTER = '\uFFFD';
/** Excel's limit on the text of one cell (and of one note). */
export const MAX_CELL_TEXT = 32_767;
/** What ends a cut text, so the cut is visible in the cell. */
export const CUT_MARKER = '…[cut]';

export interface CleanText {
  text: string;
  /** How many characters were replaced. */
  replaced: number;
}

/** Any character FORBIDDEN might match: a quick test that clears nearly all text at once. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Replaces what XML cannot hold by U+FFFD and says how many. */
export function replaceForbidden(text: string): CleanText {
  if (!SUSPECT.test(text)) return { text, replaced: 0 };
  let replaced = 0;
  const out = text.replace(FORBIDDEN, () => {
    replaced++;
    return REPLACEMENT_CHARACTER;
  });
  return { text: out, replaced };
}

/** Cuts text over `max` characters, ending it with CUT_MARKER; never splits a surrogate pair. */
export function cutText(text: string, max = MAX_CELL_TEXT): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  let end = max - CUT_MARKER.length;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return { text: text.slice(0, end) + CUT_MARKER, cut: true };
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTR_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '"': '&quot;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' };

/** Element content. The text must already be free of forbidden characters. */
export function escapeText(text: string): string {
  return /[&<>]/.test(text) ? text.replace(/[&<>]/g, (c) => TEXT_ESCAPES[c]) : text;
}

/** Attribute value in double quotes; line breaks and tabs kept as character references. */
export function escapeAttr(text: string): string {
  return /[&<>"\n\r\t]/.test(text) ? text.replace(/[&<>"\n\r\t]/g, (c) => ATTR_ESCAPES[c]) : text;
}

/**
 * Excel reads "_xHHHH_" inside cell text and notes as an escaped character (ST_Xstring), so a
 * literal "_x0041_" typed by someone would come back as "A". The underscore of such a sequence
 * is itself escaped as _x005F_, which every reader turns back into the literal text.
 */
export function escapeXstring(text: string): string {
  return text.includes('_x') ? text.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1') : text;
}

/** Element content that needs xml:space="preserve" to keep leading/trailing blanks or line breaks. */
export function needsPreserve(text: string): boolean {
  return /^[\s]|[\s]$|\n|\t| {2}/.test(text);
}

/** A number as xsd:double text; undefined for NaN and ±Infinity, which a cell cannot hold. */
export function numberText(n: number): string | undefined {
  if (!Number.isFinite(n)) return undefined;
  return Object.is(n, -0) ? '0' : String(n);
}

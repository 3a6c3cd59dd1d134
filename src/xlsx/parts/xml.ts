/** Small helpers for editing SpreadsheetML text in place (the share-safe copy works part by part). */

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** The attributes of a start tag's text ("<c r=\"A1\" s=\"2\">"), names as written (prefixes kept). */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1], decodeXml(m[2] ?? m[3] ?? ''));
  return out;
}

/** An element's start tag from a name and attributes (values escaped). */
export function startTag(name: string, attrs: Map<string, string> | [string, string][], selfClosing = false): string {
  const list = attrs instanceof Map ? [...attrs] : attrs;
  return `<${name}${list.map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('')}${selfClosing ? '/>' : '>'}`;
}

/** The text inside the <t> elements of a string item or rich-text run list (xml:space kept as is). */
export function plainText(xml: string): string {
  let out = '';
  // Phonetic runs (<rPh>) are a reading aid, not part of the text.
  const withoutPhonetic = xml.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, '');
  for (const m of withoutPhonetic.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) out += decodeXml(m[1]);
  return out;
}

export interface Replacement {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping replacements to a text. */
export function applyReplacements(text: string, replacements: Replacement[]): string {
  const sorted = [...replacements].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const r of sorted) {
    if (r.start < at) throw new Error('overlapping replacements');
    out += text.slice(at, r.start) + r.text;
    at = r.end;
  }
  return out + text.slice(at);
}

/**
 * Every element with this local name (any prefix) in the text: its full text and position.
 * For elements that do not nest (cells, comments, hyperlinks, validations…).
 */
export function elements(xml: string, local: string): { text: string; start: number; end: number; prefix: string }[] {
  const re = new RegExp(`<((?:\\w+:)?)${local}\\b(?:[^>"']|"[^"]*"|'[^']*')*?(?:/>|>[\\s\\S]*?</\\1${local}>)`, 'g');
  return [...xml.matchAll(re)].map((m) => ({ text: m[0], start: m.index!, end: m.index! + m[0].length, prefix: m[1] }));
}

/** The start tag of an element's text. */
export function openTag(element: string): string {
  return /^<(?:[^>"']|"[^"]*"|'[^']*')*>/.exec(element)![0];
}

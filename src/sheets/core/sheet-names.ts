const INVALID = /[:\\/?*[\]]/g;
const MAX = 31;

/** Makes a name Excel accepts as a sheet name: no : \ / ? * [ ], not blank, at most 31 characters. */
export function cleanSheetName(name: string): string {
  const cleaned = name.replace(INVALID, ' ').replace(/^'+|'+$/g, '').trim();
  return (cleaned || 'Sheet').slice(0, MAX);
}

/**
 * A valid name not in `taken` (compared case-insensitively, as Excel does): "SWOT", then
 * "SWOT (2)", "SWOT (3)" …, shortening the base so the suffix still fits in 31 characters.
 */
export function uniqueSheetName(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  const base = cleanSheetName(name);
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = base.slice(0, MAX - suffix.length).trimEnd() + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

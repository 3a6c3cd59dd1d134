/**
 * docProps/app.xml's list of the workbook's parts (HeadingPairs + TitlesOfParts): Excel writes
 * one group per kind ("Worksheets"/"工作表", "Named Ranges" …) with the names of its members, and
 * shows them in the file's properties. When sheets are added the worksheet group must list them
 * too, or the file says something false about itself (docs/rules/adding-to-a-workbook.md).
 *
 * The worksheet group is the one whose titles are the workbook's sheet names before the merge
 * (its label is in the language of the Excel that saved it, so the label is not looked at). A
 * list whose groups cannot be matched to the sheets is removed (both elements are optional),
 * rather than kept stale.
 */
import { decodeXml, elements, escapeText } from '../parts/xml';

interface Group {
  label: string;
  count: number;
}

function strings(vector: string): string[] {
  return [...vector.matchAll(/<(\w+:)?lpstr>([\s\S]*?)<\/\1lpstr>|<(\w+:)?lpstr\/>/g)].map((m) => decodeXml(m[2] ?? ''));
}

/** `app` with the worksheet group listing `after` (the merged workbook's sheets, in order). */
export function withSheetTitles(app: string, before: readonly string[], after: readonly string[]): string {
  const pairs = elements(app, 'HeadingPairs')[0];
  const titles = elements(app, 'TitlesOfParts')[0];
  if (!pairs && !titles) return app;
  const drop = () => {
    const cut = [pairs, titles].filter((e) => e !== undefined).sort((a, b) => b.start - a.start);
    let out = app;
    for (const e of cut) out = out.slice(0, e.start) + out.slice(e.end);
    return out;
  };
  if (!pairs || !titles) return drop();
  const variants = elements(pairs.text, 'variant').map((v) => v.text);
  const groups: Group[] = [];
  for (let i = 0; i + 1 < variants.length; i += 2) {
    const label = strings(variants[i])[0];
    const count = /<(\w+:)?i4>(\d+)<\/\1i4>/.exec(variants[i + 1])?.[2];
    if (label === undefined || count === undefined) return drop();
    groups.push({ label, count: Number(count) });
  }
  const names = strings(titles.text);
  if (groups.reduce((n, g) => n + g.count, 0) !== names.length) return drop();
  const lower = before.map((s) => s.toLowerCase()).join('\u0000');
  let at = 0;
  let sheetGroup = -1;
  groups.forEach((g, i) => {
    if (sheetGroup < 0 && names.slice(at, at + g.count).map((s) => s.toLowerCase()).join('\u0000') === lower) sheetGroup = i;
    at += g.count;
  });
  if (sheetGroup < 0) return drop();
  const first = groups.slice(0, sheetGroup).reduce((n, g) => n + g.count, 0);
  const nextNames = [...names.slice(0, first), ...after, ...names.slice(first + groups[sheetGroup].count)];
  groups[sheetGroup] = { ...groups[sheetGroup], count: after.length };
  const vt = /<(\w+:)?vector\b/.exec(pairs.text)?.[1] ?? 'vt:';
  const pairsXml =
    `<${pairs.prefix}HeadingPairs><${vt}vector size="${groups.length * 2}" baseType="variant">` +
    groups.map((g) => `<${vt}variant><${vt}lpstr>${escapeText(g.label)}</${vt}lpstr></${vt}variant><${vt}variant><${vt}i4>${g.count}</${vt}i4></${vt}variant>`).join('') +
    `</${vt}vector></${pairs.prefix}HeadingPairs>`;
  const titlesXml = `<${titles.prefix}TitlesOfParts><${vt}vector size="${nextNames.length}" baseType="lpstr">${nextNames.map((n) => `<${vt}lpstr>${escapeText(n)}</${vt}lpstr>`).join('')}</${vt}vector></${titles.prefix}TitlesOfParts>`;
  const [a, b] = pairs.start < titles.start ? [pairs, titles] : [titles, pairs];
  const aXml = a === pairs ? pairsXml : titlesXml;
  const bXml = b === pairs ? pairsXml : titlesXml;
  return app.slice(0, a.start) + aXml + app.slice(a.end, b.start) + bXml + app.slice(b.end);
}

import { REL, XlsxPackage, resolveTarget } from '../parts/package';
import { applyReplacements, elements, openTag, type Replacement } from '../parts/xml';

/** Core properties that name people or describe the content (docProps/core.xml). */
const CORE = ['creator', 'lastModifiedBy', 'title', 'subject', 'keywords', 'description', 'category', 'contentStatus', 'identifier'];
/** Extended properties of the same kind (docProps/app.xml). */
const APP = ['Company', 'Manager', 'HyperlinkBase'];

/**
 * Empties the document properties that can carry who wrote the file or what it is about, and
 * removes every custom property; returns the names of those that held something.
 */
export async function clearDocumentProperties(pkg: XlsxPackage): Promise<string[]> {
  const cleared: string[] = [];
  const rels = await pkg.rels('');
  const part = (type: string, fallback: string) => {
    const r = rels.find((x) => x.type === type);
    return r ? resolveTarget('', r.target) : fallback;
  };
  for (const [path, names] of [
    [part(REL.coreProperties, 'docProps/core.xml'), CORE],
    [part(REL.extendedProperties, 'docProps/app.xml'), APP],
  ] as const) {
    const xml = await pkg.text(path);
    if (!xml) continue;
    const cut: Replacement[] = [];
    for (const name of names)
      for (const el of elements(xml, name)) {
        const tag = openTag(el.text);
        if (el.text.length === tag.length) continue; // <x/>: already empty
        const inner = el.text.slice(tag.length, el.text.lastIndexOf('<'));
        if (inner.trim() === '') continue;
        cleared.push(name);
        cut.push({ start: el.start, end: el.end, text: tag.replace(/>$/, '/>') });
      }
    if (cut.length) pkg.setText(path, applyReplacements(xml, cut));
  }
  const customPath = part(REL.customProperties, 'docProps/custom.xml');
  const custom = await pkg.text(customPath);
  if (custom) {
    const props = elements(custom, 'property');
    if (props.length) {
      for (const p of props) cleared.push(`custom: ${/\bname\s*=\s*["']([^"']*)["']/.exec(openTag(p.text))?.[1] ?? '?'}`);
      pkg.setText(
        customPath,
        applyReplacements(
          custom,
          props.map((p) => ({ start: p.start, end: p.end, text: '' })),
        ),
      );
    }
  }
  return cleared;
}

import { parseCell } from '../../sheets/core/a1';
import { CONTENT_TYPE, REL, XlsxPackage, relativeTarget, resolveTarget } from '../parts/package';
import { applyReplacements, attributes, elements, escapeAttr, escapeText, openTag, type Replacement } from '../parts/xml';

/**
 * Cell notes of one worksheet, edited in its comments part (the text) and its VML drawing (the
 * boxes): notes on cells `drop` says are removed, `add` notes written (replacing one already on
 * that cell). A sheet without notes gets both parts, their relationships, content types and
 * the <legacyDrawing> element. VML shape ids stay inside the drawing's declared id blocks, a new
 * drawing takes a block no other drawing of the package uses.
 */
export interface NoteEdit {
  drop: (row: number, col: number) => boolean;
  add: { ref: string; text: string }[];
  author: string;
}

const SHAPES_PER_BLOCK = 1024;
/** Elements that follow <legacyDrawing> in a worksheet (ECMA-376 CT_Worksheet order). */
const AFTER_LEGACY_DRAWING = ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

export async function editNotes(pkg: XlsxPackage, sheetPath: string, sheetXml: string, edit: NoteEdit): Promise<{ sheetXml: string; removed: number }> {
  const rels = await pkg.rels(sheetPath);
  const commentsRel = rels.find((r) => r.type === REL.comments);
  const legacy = /<(?:\w+:)?legacyDrawing\b[^>]*>/.exec(sheetXml);
  const legacyId = legacy ? [...attributes(legacy[0])].find(([k]) => k.endsWith(':id'))?.[1] : undefined;
  const vmlRel = rels.find((r) => r.id === legacyId) ?? rels.find((r) => r.type === REL.vmlDrawing);
  const addRefs = new Set(edit.add.map((n) => n.ref));
  const dropAt = (ref: string) => {
    const { row, col } = parseCell(ref);
    return edit.drop(row, col) || addRefs.has(ref);
  };

  let removed = 0;
  let commentsPath = commentsRel ? resolveTarget(sheetPath, commentsRel.target) : undefined;
  let vmlPath = vmlRel ? resolveTarget(sheetPath, vmlRel.target) : undefined;
  if (!commentsPath && edit.add.length === 0) return { sheetXml, removed };

  // The comments part.
  let comments = commentsPath ? await pkg.text(commentsPath) : undefined;
  if (comments !== undefined) {
    const cut: Replacement[] = [];
    for (const c of elements(comments, 'comment')) {
      const ref = attributes(openTag(c.text)).get('ref') ?? '';
      if (ref && dropAt(ref)) {
        cut.push({ start: c.start, end: c.end, text: '' });
        if (!addRefs.has(ref)) removed++;
      }
    }
    comments = applyReplacements(comments, cut);
  } else if (edit.add.length > 0) {
    comments =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors></authors><commentList></commentList></comments>';
  }
  if (comments !== undefined && edit.add.length > 0) {
    const authors = elements(comments, 'author').map((a) => a.text.replace(/^<[^>]*>|<\/[^>]*>$/g, ''));
    let authorId = authors.indexOf(escapeText(edit.author));
    if (authorId < 0) {
      authorId = authors.length;
      comments = comments.replace(/<((?:\w+:)?)authors\s*\/>|<\/((?:\w+:)?)authors>/, (m, p1: string | undefined, p2: string | undefined) =>
        p1 !== undefined ? `<${p1}authors><${p1}author>${escapeText(edit.author)}</${p1}author></${p1}authors>` : `<${p2}author>${escapeText(edit.author)}</${p2}author>${m}`,
      );
    }
    const items = edit.add.map((n) => `<comment ref="${n.ref}" authorId="${authorId}"><text><r><t xml:space="preserve">${escapeText(n.text)}</t></r></text></comment>`).join('');
    comments = comments.replace(/<((?:\w+:)?)commentList\s*\/>|<\/((?:\w+:)?)commentList>/, (m, p1: string | undefined) =>
      p1 !== undefined ? `<${p1}commentList>${items}</${p1}commentList>` : `${items}${m}`,
    );
  }

  // The VML drawing.
  let vml = vmlPath ? await pkg.text(vmlPath) : undefined;
  if (vml !== undefined) {
    const cut: Replacement[] = [];
    for (const shape of elements(vml, 'shape')) {
      if (!/ObjectType\s*=\s*["']Note["']/.test(shape.text)) continue;
      const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(shape.text);
      const col = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(shape.text);
      if (!row || !col) continue;
      const r = Number(row[1]) + 1;
      const c = Number(col[1]) + 1;
      if (edit.drop(r, c) || edit.add.some((n) => parseCell(n.ref).row === r && parseCell(n.ref).col === c)) cut.push({ start: shape.start, end: shape.end, text: '' });
    }
    vml = applyReplacements(vml, cut);
  } else if (edit.add.length > 0) {
    vml =
      '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
      `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${await freeBlock(pkg)}"/></o:shapelayout>` +
      '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype></xml>';
  }
  if (vml !== undefined && edit.add.length > 0) vml = addShapes(vml, edit.add);

  // New parts: names, relationships, content types, <legacyDrawing>.
  const newRels = [...rels];
  if (!commentsPath && comments !== undefined) {
    commentsPath = unusedPath(pkg, 'xl/comments', '.xml');
    newRels.push({ id: unusedId(newRels), type: REL.comments, target: relativeTarget(sheetPath, commentsPath), external: false });
    await pkg.declareContentType({ part: commentsPath, type: CONTENT_TYPE.comments });
  }
  if (!vmlPath && vml !== undefined) {
    vmlPath = unusedPath(pkg, 'xl/drawings/vmlDrawing', '.vml');
    const id = unusedId(newRels);
    newRels.push({ id, type: REL.vmlDrawing, target: relativeTarget(sheetPath, vmlPath), external: false });
    await pkg.declareContentType({ extension: 'vml', type: CONTENT_TYPE.vml });
    sheetXml = insertLegacyDrawing(sheetXml, id);
  }
  if (newRels.length !== rels.length) pkg.setRels(sheetPath, newRels);
  if (commentsPath && comments !== undefined) pkg.setText(commentsPath, comments);
  if (vmlPath && vml !== undefined) pkg.setText(vmlPath, vml);
  return { sheetXml, removed };
}

/** Shape-id blocks the package's VML drawings declare; the next one free. */
async function freeBlock(pkg: XlsxPackage): Promise<number> {
  let max = 0;
  for (const p of pkg.paths().filter((x) => x.endsWith('.vml'))) {
    const text = (await pkg.text(p)) ?? '';
    for (const m of text.matchAll(/idmap\b[^>]*\bdata\s*=\s*["']([^"']*)["']/g))
      for (const n of m[1].split(/[,\s]+/).filter(Boolean)) max = Math.max(max, Number(n) || 0);
  }
  return max + 1;
}

function addShapes(vml: string, notes: { ref: string; text: string }[]): string {
  const idmap = /(idmap\b[^>]*\bdata\s*=\s*["'])([^"']*)(["'])/.exec(vml);
  const blocks = idmap ? idmap[2].split(/[,\s]+/).filter(Boolean).map(Number) : [1];
  let next = 0;
  for (const m of vml.matchAll(/\bid\s*=\s*["']_x0000_s(\d+)["']/g)) next = Math.max(next, Number(m[1]));
  next = Math.max(next, blocks[0] * SHAPES_PER_BLOCK);
  const shapes = notes.map((n) => {
    next++;
    const block = Math.floor((next - 1) / SHAPES_PER_BLOCK);
    if (!blocks.includes(block)) blocks.push(block);
    const { row, col } = parseCell(n.ref);
    const anchor = [col, 15, Math.max(row - 2, 0), 10, col + 2, 15, row + 2, 4].join(', ');
    return (
      `<v:shape id="_x0000_s${next}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:${next};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
      '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
      '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill>` +
      `<x:Row>${row - 1}</x:Row><x:Column>${col - 1}</x:Column></x:ClientData></v:shape>`
    );
  });
  let out = vml;
  if (idmap) out = out.replace(idmap[0], `${idmap[1]}${escapeAttr(blocks.join(','))}${idmap[3]}`);
  return out.replace(/<\/xml>\s*$/, `${shapes.join('')}</xml>`);
}

function unusedPath(pkg: XlsxPackage, stem: string, ext: string): string {
  for (let i = 1; ; i++) if (!pkg.has(`${stem}${i}${ext}`)) return `${stem}${i}${ext}`;
}

function unusedId(rels: { id: string }[]): string {
  for (let i = rels.length + 1; ; i++) if (!rels.some((r) => r.id === `rId${i}`)) return `rId${i}`;
}

/** A <legacyDrawing r:id> at its place in the worksheet's element order. */
function insertLegacyDrawing(xml: string, id: string): string {
  const root = /<((?:\w+:)?)worksheet\b[^>]*>/.exec(xml)!;
  const prefix = root[1];
  const relNs = /xmlns:(\w+)\s*=\s*["']http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships["']/.exec(root[0]);
  let tag = `<${prefix}legacyDrawing r:id="${id}"/>`;
  if (relNs) tag = `<${prefix}legacyDrawing ${relNs[1]}:id="${id}"/>`;
  else tag = `<${prefix}legacyDrawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${id}"/>`;
  let at = xml.lastIndexOf(`</${prefix}worksheet>`);
  for (const name of AFTER_LEGACY_DRAWING) {
    const m = new RegExp(`<${prefix}${name}\\b`).exec(xml);
    if (m && m.index < at) at = m.index;
  }
  return xml.slice(0, at) + tag + xml.slice(at);
}

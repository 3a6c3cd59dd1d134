/**
 * Cell notes: xl/commentsN.xml holds their text, xl/drawings/vmlDrawingN.vml the boxes Excel
 * shows on hover. Shape ids in VML come in blocks of 1,024 that must not overlap between the
 * VML parts of a workbook: each part declares its blocks in <o:idmap data="…"> and numbers its
 * shapes inside them (block b holds ids b×1024+1 …). ExcelJS gave every part the same block.
 */
import { parseCell } from '../../sheets/core/a1';
import { SML_NS, XML_DECLARATION } from './namespaces';
import { escapeAttr, escapeText, escapeXstring, needsPreserve } from './xml-text';

export const AUTHOR = 'Account Planner';
export const SHAPES_PER_BLOCK = 1024;

export interface NoteInput {
  ref: string;
  text: string;
}

export function commentsXml(notes: NoteInput[]): string {
  const items = notes.map((n) => {
    const text = escapeText(escapeXstring(n.text));
    return `<comment ref="${n.ref}" authorId="0"><text><t${needsPreserve(n.text) ? ' xml:space="preserve"' : ''}>${text}</t></text></comment>`;
  });
  return `${XML_DECLARATION}<comments xmlns="${SML_NS}"><authors><author>${AUTHOR}</author></authors><commentList>${items.join('')}</commentList></comments>`;
}

/** How many id blocks a part with this many notes needs. */
export function blocksFor(noteCount: number): number {
  return Math.max(1, Math.ceil(noteCount / SHAPES_PER_BLOCK));
}

/**
 * The VML drawing of one sheet's notes. `firstBlock` is this part's first id block; it uses
 * blocksFor(notes.length) consecutive blocks from there.
 */
export function vmlXml(notes: NoteInput[], firstBlock: number): string {
  const blocks = Array.from({ length: blocksFor(notes.length) }, (_, i) => firstBlock + i);
  const shapes = notes.map((n, i) => {
    const block = blocks[Math.floor(i / SHAPES_PER_BLOCK)];
    const id = block * SHAPES_PER_BLOCK + (i % SHAPES_PER_BLOCK) + 1;
    const p = parseCell(n.ref);
    const row = p.row - 1;
    const col = p.col - 1;
    // The box sits right of the cell, three columns wide and four rows high (Excel's default).
    const anchor = [col + 1, 15, Math.max(row - 1, 0), 10, col + 3, 15, row + 3, 4].join(', ');
    return (
      `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
      '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
      '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill>` +
      `<x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
    );
  });
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${escapeAttr(blocks.join(','))}"/></o:shapelayout>` +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
    '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    shapes.join('') +
    '</xml>'
  );
}

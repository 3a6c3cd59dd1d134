/**
 * The package's bookkeeping parts: [Content_Types].xml, the relationship parts, and the
 * document properties (docProps/core.xml, docProps/app.xml).
 */
import { CONTENT_TYPES, CONTENT_TYPES_NS, PKG_RELS_NS, REL_TYPES, XML_DECLARATION } from './namespaces';
import { escapeAttr, escapeText } from './xml-text';

export interface Relationship {
  id: string;
  type: string;
  /** Relative to the folder of the part that owns the .rels. */
  target: string;
}

export function relsXml(rels: Relationship[]): string {
  const items = rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeAttr(r.target)}"/>`).join('');
  return `${XML_DECLARATION}<Relationships xmlns="${PKG_RELS_NS}">${items}</Relationships>`;
}

/** Content types: defaults by extension, an override for every XML part (path from the root). */
export function contentTypesXml(overrides: { path: string; type: string }[]): string {
  return (
    `${XML_DECLARATION}<Types xmlns="${CONTENT_TYPES_NS}">` +
    `<Default Extension="rels" ContentType="${CONTENT_TYPES.relationships}"/>` +
    `<Default Extension="xml" ContentType="${CONTENT_TYPES.xml}"/>` +
    `<Default Extension="vml" ContentType="${CONTENT_TYPES.vml}"/>` +
    overrides.map((o) => `<Override PartName="/${escapeAttr(o.path)}" ContentType="${o.type}"/>`).join('') +
    '</Types>'
  );
}

export const ROOT_RELS: Relationship[] = [
  { id: 'rId1', type: REL_TYPES.officeDocument, target: 'xl/workbook.xml' },
  { id: 'rId2', type: REL_TYPES.coreProperties, target: 'docProps/core.xml' },
  { id: 'rId3', type: REL_TYPES.extendedProperties, target: 'docProps/app.xml' },
];

export const APPLICATION = 'Account Planner';

/** W3C date-time in UTC without fractions, as dcterms:W3CDTF wants it. */
function w3cdtf(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function coreXml(o: { title?: string; created: Date }): string {
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    (o.title ? `<dc:title>${escapeText(o.title)}</dc:title>` : '') +
    `<dc:creator>${APPLICATION}</dc:creator>` +
    `<cp:lastModifiedBy>${APPLICATION}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${w3cdtf(o.created)}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${w3cdtf(o.created)}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

export function appXml(): string {
  return (
    `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    `<Application>${APPLICATION}</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
    '<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion>' +
    '</Properties>'
  );
}

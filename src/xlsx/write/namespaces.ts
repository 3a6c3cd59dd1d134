/** XML namespaces and relationship types of the parts we write (ECMA-376 Part 1 and Part 2). */
export const SML_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const PKG_RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const CONTENT_TYPES_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
export const DRAWINGML_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
export const CHART_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
export const XDR_NS = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL_TYPES = {
  officeDocument: `${REL}/officeDocument`,
  coreProperties: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  extendedProperties: `${REL}/extended-properties`,
  worksheet: `${REL}/worksheet`,
  styles: `${REL}/styles`,
  theme: `${REL}/theme`,
  sharedStrings: `${REL}/sharedStrings`,
  table: `${REL}/table`,
  comments: `${REL}/comments`,
  vmlDrawing: `${REL}/vmlDrawing`,
  drawing: `${REL}/drawing`,
  chart: `${REL}/chart`,
} as const;

const CT = 'application/vnd.openxmlformats-officedocument';
export const CONTENT_TYPES = {
  relationships: 'application/vnd.openxmlformats-package.relationships+xml',
  xml: 'application/xml',
  vml: `${CT}.vmlDrawing`,
  workbook: `${CT}.spreadsheetml.sheet.main+xml`,
  worksheet: `${CT}.spreadsheetml.worksheet+xml`,
  styles: `${CT}.spreadsheetml.styles+xml`,
  theme: `${CT}.theme+xml`,
  sharedStrings: `${CT}.spreadsheetml.sharedStrings+xml`,
  table: `${CT}.spreadsheetml.table+xml`,
  comments: `${CT}.spreadsheetml.comments+xml`,
  drawing: `${CT}.drawing+xml`,
  chart: `${CT}.drawingml.chart+xml`,
  coreProperties: 'application/vnd.openxmlformats-package.core-properties+xml',
  extendedProperties: `${CT}.extended-properties+xml`,
} as const;

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * xl/theme/theme1.xml: the colour and font scheme built-in table styles and charts draw from
 * (a table style names "accent 1", not a colour). The colours are those of Excel's default
 * Office theme, so tables look as they would in a workbook made in Excel; fills, lines and
 * effects are the plainest the schema allows (three of each), as nothing we write uses them.
 */
import { DRAWINGML_NS, XML_DECLARATION } from './namespaces';

const COLORS: [string, string][] = [
  ['accent1', '4472C4'],
  ['accent2', 'ED7D31'],
  ['accent3', 'A5A5A5'],
  ['accent4', 'FFC000'],
  ['accent5', '5B9BD5'],
  ['accent6', '70AD47'],
  ['hlink', '0563C1'],
  ['folHlink', '954F72'],
];

function fontSet(tag: string, latin: string, hans: string): string {
  return `<a:${tag}><a:latin typeface="${latin}"/><a:ea typeface=""/><a:cs typeface=""/><a:font script="Hans" typeface="${hans}"/></a:${tag}>`;
}

const three = (item: string) => item + item + item;

export function themeXml(): string {
  return (
    `${XML_DECLARATION}<a:theme xmlns:a="${DRAWINGML_NS}" name="Office Theme">` +
    '<a:themeElements>' +
    '<a:clrScheme name="Office">' +
    '<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>' +
    '<a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2>' +
    COLORS.map(([name, rgb]) => `<a:${name}><a:srgbClr val="${rgb}"/></a:${name}>`).join('') +
    '</a:clrScheme>' +
    `<a:fontScheme name="Office">${fontSet('majorFont', 'Calibri Light', '等线 Light')}${fontSet('minorFont', 'Calibri', '等线')}</a:fontScheme>` +
    '<a:fmtScheme name="Office">' +
    `<a:fillStyleLst>${three('<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>')}</a:fillStyleLst>` +
    `<a:lnStyleLst>${three('<a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>')}</a:lnStyleLst>` +
    `<a:effectStyleLst>${three('<a:effectStyle><a:effectLst/></a:effectStyle>')}</a:effectStyleLst>` +
    `<a:bgFillStyleLst>${three('<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>')}</a:bgFillStyleLst>` +
    '</a:fmtScheme>' +
    '</a:themeElements>' +
    '<a:objectDefaults/><a:extraClrSchemeLst/>' +
    '</a:theme>'
  );
}

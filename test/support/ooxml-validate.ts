/**
 * Validates written .xlsx packages the way Excel reads them, against the ECMA-376 schemas in
 * ../shared/ooxml-xsd: every XML part is first put through Markup Compatibility processing
 * (ignorable namespaces removed, mc:AlternateContent replaced by its fallback; extLst kept) and
 * then validated with libxml2 against the schema its content type names. Parts of one schema
 * are validated in one xmllint run (the system binary, or xmllint-wasm without it).
 * Also checked, where the schema set has no schema: the package bookkeeping (every part has a
 * content type, every relationship target exists, ids are unique) and the VML drawings of cell
 * notes (each part its own o:idmap block, every shape id inside its part's blocks).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { unzipSync, strFromU8 } from 'fflate';
import { SaxesParser, type SaxesTagNS } from 'saxes';

const run = promisify(execFile);
export const XSD_DIR = path.resolve(__dirname, '..', '..', '..', 'shared', 'ooxml-xsd');

const CT = 'application/vnd.openxmlformats-officedocument';
/** Content type → schema file (the root element's schema). */
export const SCHEMA_BY_CONTENT_TYPE: Record<string, string> = {
  [`${CT}.spreadsheetml.sheet.main+xml`]: 'sml-workbook.xsd',
  [`${CT}.spreadsheetml.worksheet+xml`]: 'sml-sheet.xsd',
  [`${CT}.spreadsheetml.styles+xml`]: 'sml-styles.xsd',
  [`${CT}.spreadsheetml.sharedStrings+xml`]: 'sml-sharedStringTable.xsd',
  [`${CT}.spreadsheetml.table+xml`]: 'sml-table.xsd',
  [`${CT}.spreadsheetml.comments+xml`]: 'sml-comments.xsd',
  [`${CT}.theme+xml`]: 'dml-stylesheet.xsd',
  [`${CT}.drawing+xml`]: 'dml-spreadsheetDrawing.xsd',
  [`${CT}.drawingml.chart+xml`]: 'dml-chart.xsd',
  [`${CT}.extended-properties+xml`]: 'shared-documentPropertiesExtended.xsd',
  [`${CT}.custom-properties+xml`]: 'shared-documentPropertiesCustom.xsd',
};
/** Parts checked structurally below: the schema set has no schema for them. */
const STRUCTURAL = new Set([
  'application/vnd.openxmlformats-package.relationships+xml',
  'application/vnd.openxmlformats-package.core-properties+xml',
  `${CT}.vmlDrawing`,
]);

export interface PackageInput {
  /** Shown in messages, e.g. "pipeline-zh-CN.xlsx". */
  label: string;
  bytes: Uint8Array;
}

export interface ValidationReport {
  /** One line per problem: "label: part: message". Empty when everything is valid. */
  errors: string[];
  /** How many parts were validated against a schema, per schema file. */
  validated: Record<string, number>;
  /** VML parts whose id blocks were checked. */
  vmlParts: number;
}

export async function validatePackages(packages: PackageInput[]): Promise<ValidationReport> {
  const errors: string[] = [];
  const bySchema = new Map<string, { label: string; part: string; xml: string }[]>();
  let vmlParts = 0;
  for (const pkg of packages) {
    const files = unzipSync(pkg.bytes);
    const parts = Object.keys(files).filter((p) => !p.endsWith('/'));
    const text = (p: string) => strFromU8(files[p]);
    const types = contentTypes(text('[Content_Types].xml'));
    errors.push(...checkRelationships(pkg.label, parts, text));
    const usedBlocks = new Map<number, string>();
    for (const part of parts) {
      if (part === '[Content_Types].xml') continue;
      const type = types(part);
      if (!type) {
        errors.push(`${pkg.label}: ${part}: no content type`);
        continue;
      }
      const schema = SCHEMA_BY_CONTENT_TYPE[type];
      if (schema) {
        const list = bySchema.get(schema) ?? [];
        list.push({ label: pkg.label, part, xml: markupCompatibility(text(part)) });
        bySchema.set(schema, list);
      } else if (type === `${CT}.vmlDrawing`) {
        vmlParts++;
        errors.push(...checkVml(pkg.label, part, text(part), usedBlocks));
      } else if (!STRUCTURAL.has(type)) errors.push(`${pkg.label}: ${part}: no schema for content type ${type}`);
      else errors.push(...wellFormed(pkg.label, part, text(part)));
    }
  }
  const validated: Record<string, number> = {};
  for (const [schema, list] of bySchema) {
    errors.push(...(await validateWithSchema(schema, list)));
    validated[schema] = list.length;
  }
  return { errors, validated, vmlParts };
}

// ------------------------------------------------------------------ xmllint

/**
 * The DrawingML main namespace is spread over some thirty schema files that the chart and
 * drawing schemas each import piecemeal; libxml2 takes only the first import of a namespace and
 * then misses the types the others define. A driver schema imports one schema that includes
 * them all, then the chart and spreadsheet-drawing schemas: every part is validated against
 * the driver, which knows all three namespaces.
 */
const DML_MAIN = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const DRIVER = 'ap-dml-driver.xsd';
const NEEDS_DRIVER = new Set(['dml-chart.xsd', 'dml-spreadsheetDrawing.xsd']);
let schemaFolder: string | undefined;

/** A folder with links to every schema file and the driver schemas beside them. */
function schemaDir(): string {
  if (schemaFolder) return schemaFolder;
  const dir = mkdtempSync(path.join(tmpdir(), 'ap-xsd-schemas-'));
  const files = readdirSync(XSD_DIR).filter((f) => f.endsWith('.xsd'));
  for (const f of files) symlinkSync(path.join(XSD_DIR, f), path.join(dir, f));
  const main = files.filter((f) => readFileSync(path.join(XSD_DIR, f), 'utf8').includes(`targetNamespace="${DML_MAIN}"`));
  writeFileSync(
    path.join(dir, 'ap-dml-main.xsd'),
    `<?xml version="1.0"?><xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="${DML_MAIN}" elementFormDefault="qualified">${main.map((f) => `<xsd:include schemaLocation="${f}"/>`).join('')}</xsd:schema>`,
  );
  writeFileSync(
    path.join(dir, DRIVER),
    '<?xml version="1.0"?><xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:account-planner:schema-driver">' +
      `<xsd:import namespace="${DML_MAIN}" schemaLocation="ap-dml-main.xsd"/>` +
      '<xsd:import namespace="http://schemas.openxmlformats.org/drawingml/2006/chart" schemaLocation="dml-chart.xsd"/>' +
      '<xsd:import namespace="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" schemaLocation="dml-spreadsheetDrawing.xsd"/>' +
      '</xsd:schema>',
  );
  schemaFolder = dir;
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** libxml2's note that it skipped a second import of a namespace (the driver makes those harmless). */
const SKIPPED_IMPORT = /Schemas parser warning : .*Skipping import of schema/;

async function validateWithSchema(schema: string, parts: { label: string; part: string; xml: string }[]): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ap-xsd-'));
  try {
    const names = parts.map((p, i) => {
      const name = `${i}.xml`;
      writeFileSync(path.join(dir, name), p.xml);
      return name;
    });
    const label = (file: string) => {
      const i = Number(path.basename(file).replace(/\.xml$/, ''));
      return Number.isInteger(i) && parts[i] ? `${parts[i].label}: ${parts[i].part}` : file;
    };
    const file = NEEDS_DRIVER.has(schema) ? DRIVER : schema;
    const lines = (existsSync('/usr/bin/xmllint') ? await systemXmllint(file, dir, names) : await wasmXmllint(file, dir, names)).filter((l) => !SKIPPED_IMPORT.test(l));
    return lines.map((l) => l.replace(/^(\S+?\.xml)(?=:| fails)/, (f) => label(f)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** xmllint's messages other than "x validates"; many files per run. */
async function systemXmllint(schema: string, dir: string, files: string[]): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < files.length; i += 200) {
    const batch = files.slice(i, i + 200);
    const result = await run('/usr/bin/xmllint', ['--noout', '--schema', path.join(schemaDir(), schema), ...batch], { cwd: dir, maxBuffer: 64 * 1024 * 1024 }).then(
      (r) => r.stderr,
      (e: { stderr?: string; message: string }) => e.stderr ?? e.message,
    );
    out.push(...result.split('\n').filter((l) => l.trim() && !/ validates$/.test(l)));
  }
  return out;
}

async function wasmXmllint(schema: string, dir: string, files: string[]): Promise<string[]> {
  const { validateXML } = await import('xmllint-wasm');
  const schemas = schemaDir();
  const preload = readdirSync(schemas)
    .filter((f) => f.endsWith('.xsd') && f !== schema)
    .map((f) => ({ fileName: f, contents: readFileSync(path.join(schemas, f), 'utf8') }));
  const result = await validateXML({
    xml: files.map((f) => ({ fileName: f, contents: readFileSync(path.join(dir, f), 'utf8') })),
    schema: { fileName: schema, contents: readFileSync(path.join(schemas, schema), 'utf8') },
    preload,
    maxMemoryPages: 65536,
  });
  return result.errors.map((e) => e.rawMessage);
}

// ------------------------------------------------------------------ Markup Compatibility

const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/**
 * ECMA-376 Part 3 processing for a reader that knows only the 1st-edition namespaces:
 * elements and attributes in an ignorable namespace are removed, mc:AlternateContent is
 * replaced by the content of its mc:Fallback (or nothing), mc attributes are dropped.
 */
export function markupCompatibility(xml: string): string {
  if (!xml.includes(MC)) return xml;
  const parser = new SaxesParser({ xmlns: true });
  let out = xml.startsWith('<?xml') ? xml.slice(0, xml.indexOf('?>') + 2) : '';
  const ignorable: Set<string>[] = [new Set()];
  /** Depth of skipped subtree (0 = writing). */
  let skip = 0;
  const stack: { skipped: boolean; transparent: boolean }[] = [];
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const attrEsc = (s: string) => esc(s).replace(/"/g, '&quot;');
  parser.on('opentag', (node: SaxesTagNS) => {
    const scope = new Set(ignorable[ignorable.length - 1]);
    const ig = Object.values(node.attributes).find((a) => a.uri === MC && a.local === 'Ignorable');
    if (ig) for (const prefix of ig.value.split(/\s+/).filter(Boolean)) scope.add(node.ns[prefix] ?? parser.resolve(prefix) ?? prefix);
    ignorable.push(scope);
    const inAlternate = stack.length > 0 && stack[stack.length - 1].transparent;
    let skipped = skip > 0 || scope.has(node.uri);
    let transparent = false;
    if (!skipped && node.uri === MC) {
      if (node.local === 'AlternateContent') transparent = true;
      else if (node.local === 'Fallback' && inAlternate) transparent = true;
      else skipped = true; // mc:Choice: take the fallback instead
    }
    stack.push({ skipped, transparent });
    if (skipped) {
      skip++;
      return;
    }
    if (transparent) return;
    const attrs = Object.values(node.attributes)
      .filter((a) => a.uri !== MC && !scope.has(a.uri) || a.prefix === 'xmlns' || a.name === 'xmlns')
      .map((a) => ` ${a.name}="${attrEsc(a.value)}"`)
      .join('');
    out += `<${node.name}${attrs}${node.isSelfClosing ? '/>' : '>'}`;
  });
  parser.on('closetag', (node) => {
    ignorable.pop();
    const frame = stack.pop()!;
    if (frame.skipped) {
      skip--;
      return;
    }
    if (frame.transparent || node.isSelfClosing) return;
    out += `</${node.name}>`;
  });
  parser.on('text', (t) => {
    if (skip === 0) out += esc(t);
  });
  parser.on('cdata', (t) => {
    if (skip === 0) out += esc(t);
  });
  parser.write(xml).close();
  return out;
}

// ------------------------------------------------------------------ package structure

function contentTypes(xml: string): (part: string) => string | undefined {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const m of xml.matchAll(/<Default\b[^>]*>/g)) {
    const ext = /Extension="([^"]+)"/.exec(m[0])?.[1];
    const type = /ContentType="([^"]+)"/.exec(m[0])?.[1];
    if (ext && type) defaults.set(ext.toLowerCase(), type);
  }
  for (const m of xml.matchAll(/<Override\b[^>]*>/g)) {
    const name = /PartName="([^"]+)"/.exec(m[0])?.[1];
    const type = /ContentType="([^"]+)"/.exec(m[0])?.[1];
    if (name && type) overrides.set(name.toLowerCase(), type);
  }
  return (part) => overrides.get(`/${part}`.toLowerCase()) ?? defaults.get(part.slice(part.lastIndexOf('.') + 1).toLowerCase());
}

function checkRelationships(label: string, parts: string[], text: (p: string) => string): string[] {
  const errors: string[] = [];
  const present = new Set(parts.map((p) => p.toLowerCase()));
  if (!present.has('_rels/.rels')) errors.push(`${label}: no _rels/.rels`);
  for (const rels of parts.filter((p) => p.endsWith('.rels'))) {
    const owner = rels.replace(/_rels\/([^/]*)\.rels$/, '$1');
    const base = owner.includes('/') ? owner.slice(0, owner.lastIndexOf('/') + 1) : '';
    if (owner && !present.has(owner.toLowerCase())) errors.push(`${label}: ${rels}: relationships of a missing part ${owner}`);
    const ids = new Set<string>();
    for (const m of text(rels).matchAll(/<Relationship\b[^>]*>/g)) {
      const id = /\bId="([^"]+)"/.exec(m[0])?.[1] ?? '';
      const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1] ?? '';
      if (ids.has(id)) errors.push(`${label}: ${rels}: relationship id ${id} twice`);
      ids.add(id);
      if (/TargetMode="External"/.test(m[0])) continue;
      const resolved = target.startsWith('/') ? target.slice(1) : path.posix.normalize(base + target);
      if (!present.has(resolved.toLowerCase())) errors.push(`${label}: ${rels}: ${id} points at a missing part ${resolved}`);
    }
  }
  return errors;
}

function wellFormed(label: string, part: string, xml: string): string[] {
  try {
    new SaxesParser().write(xml).close();
    return [];
  } catch (e) {
    return [`${label}: ${part}: not well-formed: ${(e as Error).message}`];
  }
}

/** Each VML part declares its own id blocks, and every shape id falls in them. */
function checkVml(label: string, part: string, xml: string, used: Map<number, string>): string[] {
  const errors = wellFormed(label, part, xml);
  const data = /<o:idmap\b[^>]*\bdata="([^"]*)"/.exec(xml)?.[1];
  if (data === undefined) return [...errors, `${label}: ${part}: no o:idmap`];
  const blocks = data.split(/[,\s]+/).filter(Boolean).map(Number);
  for (const b of blocks) {
    const other = used.get(b);
    if (other) errors.push(`${label}: ${part}: shape-id block ${b} is also used by ${other}`);
    used.set(b, part);
  }
  const ids = new Set<number>();
  for (const m of xml.matchAll(/<v:shape\b[^>]*\bid="_x0000_s(\d+)"/g)) {
    const id = Number(m[1]);
    if (ids.has(id)) errors.push(`${label}: ${part}: shape id ${id} twice`);
    ids.add(id);
    if (!blocks.includes(Math.floor((id - 1) / 1024))) errors.push(`${label}: ${part}: shape id ${id} outside the part's blocks ${data}`);
  }
  return errors;
}

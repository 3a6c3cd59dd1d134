import JSZip from 'jszip';
import { attributes, escapeAttr } from './xml';

/**
 * An .xlsx package opened part by part: parts are read and replaced as text, every part not
 * replaced is written back with the same content.
 */
export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export const REL = {
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  vmlDrawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing',
  hyperlink: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink',
  threadedComment: 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment',
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
  pivotCacheDefinition: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotCacheDefinition',
  coreProperties: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  extendedProperties: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties',
  customProperties: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties',
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
} as const;

export const CONTENT_TYPE = {
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
} as const;

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels"; "" → "_rels/.rels". */
export function relsPath(owner: string): string {
  const slash = owner.lastIndexOf('/');
  return `${owner.slice(0, slash + 1)}_rels/${owner.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against the owning part's folder ("../comments1.xml" → "xl/comments1.xml"). */
export function resolveTarget(owner: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = owner.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** The path of `target` relative to the folder of `owner`. */
export function relativeTarget(owner: string, target: string): string {
  const from = owner.split('/').slice(0, -1);
  const to = target.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...Array(from.length - common).fill('..'), ...to.slice(common)].join('/');
}

export class XlsxPackage {
  private readonly changed = new Map<string, string | null>();

  private constructor(private readonly zip: JSZip) {}

  static async open(bytes: Uint8Array): Promise<XlsxPackage> {
    return new XlsxPackage(await JSZip.loadAsync(bytes));
  }

  paths(): string[] {
    const all = new Set(Object.keys(this.zip.files).filter((p) => !this.zip.files[p].dir));
    for (const [p, v] of this.changed) {
      if (v === null) all.delete(p);
      else all.add(p);
    }
    return [...all];
  }

  has(path: string): boolean {
    const c = this.changed.get(path);
    return c !== undefined ? c !== null : !!this.zip.file(path);
  }

  async text(path: string): Promise<string | undefined> {
    const c = this.changed.get(path);
    if (c !== undefined) return c ?? undefined;
    return this.zip.file(path)?.async('string');
  }

  setText(path: string, xml: string): void {
    this.changed.set(path, xml);
  }

  remove(path: string): void {
    this.changed.set(path, null);
  }

  async rels(owner: string): Promise<Relationship[]> {
    const xml = await this.text(relsPath(owner));
    if (!xml) return [];
    return [...xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => {
      const a = attributes(m[0]);
      return { id: a.get('Id') ?? '', type: a.get('Type') ?? '', target: a.get('Target') ?? '', external: a.get('TargetMode') === 'External' };
    });
  }

  setRels(owner: string, rels: Relationship[]): void {
    const items = rels
      .map((r) => `<Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`)
      .join('');
    this.setText(
      relsPath(owner),
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`,
    );
  }

  /** Adds an Override (or, for an extension, a Default) to [Content_Types].xml when missing. */
  async declareContentType(o: { part?: string; extension?: string; type: string }): Promise<void> {
    const path = '[Content_Types].xml';
    const xml = (await this.text(path)) ?? '';
    const entry = o.part ? `<Override PartName="/${escapeAttr(o.part)}" ContentType="${o.type}"/>` : `<Default Extension="${o.extension}" ContentType="${o.type}"/>`;
    const present = o.part ? xml.includes(`PartName="/${o.part}"`) : new RegExp(`Extension="${o.extension}"`, 'i').test(xml);
    if (!present) this.setText(path, xml.replace(/<\/(\w+:)?Types>\s*$/, (end) => `${entry}${end}`));
  }

  async bytes(): Promise<Uint8Array> {
    for (const [p, v] of this.changed) {
      if (v === null) this.zip.remove(p);
      else this.zip.file(p, v);
    }
    this.changed.clear();
    return this.zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  }
}

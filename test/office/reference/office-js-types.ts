/**
 * Reads the Excel API reference that ships inside @types/office-js (the same text that
 * learn.microsoft.com/javascript/api/excel/ is generated from): for a member "Class.member",
 * the ExcelApi requirement set its "[Api set: …]" remark names. The fake's API-set table is
 * checked against this, so a gate typed from memory (useStandardWidth at 1.2) cannot stand.
 */
import fs from 'node:fs';

const DTS = require.resolve('@types/office-js/index.d.ts');

interface ClassDoc {
  /** The class's own remark, e.g. "ExcelApi 1.1". */
  remark: string;
  /** member name → its remark text ("ExcelApi 1.7", "ExcelApi 1.2 for options; 1.7 for password"). */
  members: Map<string, string>;
}

let cache: Map<string, ClassDoc> | undefined;

/** Classes of `declare namespace Excel` (not Excel.Interfaces) with their members' API-set remarks. */
export function excelClasses(): Map<string, ClassDoc> {
  if (cache) return cache;
  const text = fs.readFileSync(DTS, 'utf8');
  const start = text.indexOf('declare namespace Excel {');
  const lines = text.slice(start).split('\n');
  const classes = new Map<string, ClassDoc>();
  let current: ClassDoc | undefined;
  let lastRemark = '';
  for (const line of lines) {
    const remark = /\[Api set: ([^\]]+)\]/.exec(line);
    if (remark) {
      lastRemark = remark[1].trim();
      continue;
    }
    const cls = /^ {4}(?:export )?class (\w+)\b/.exec(line);
    if (cls) {
      current = { remark: lastRemark, members: new Map() };
      if (!classes.has(cls[1])) classes.set(cls[1], current);
      else current = undefined;
      lastRemark = '';
      continue;
    }
    if (/^ {4}(namespace|module) /.test(line)) {
      current = undefined;
      continue;
    }
    const member = /^ {8}(?:readonly )?(?:set |get )?(\w+)\??[(:<]/.exec(line);
    if (member && current && lastRemark) {
      if (!current.members.has(member[1])) current.members.set(member[1], lastRemark);
      lastRemark = '';
    }
    if (/^ {4}\}/.test(line)) lastRemark = '';
  }
  cache = classes;
  return classes;
}

const VERSION = /(\d+\.\d+)(?: (?:for|allows) (\w+))?/g;

/**
 * The ExcelApi version the reference gives a member ("Range.merge" → "1.2"), or with a
 * qualifier the version for that use ("WorksheetProtection.protect", "password" → "1.7").
 * A remark that only qualifies uses ("1.2 for options; 1.7 for password") leaves the member
 * itself at its class's set. Undefined when the member is not in the reference.
 */
export function documentedApiSet(member: string, qualifier?: string): { set: 'ExcelApi' | 'ExcelApiOnline'; version: string } | undefined {
  const [cls, name] = member.split('.');
  const doc = excelClasses().get(cls);
  const remark = doc?.members.get(name);
  if (!doc || remark === undefined) return undefined;
  const set = /ExcelApiOnline/.test(remark) ? 'ExcelApiOnline' : 'ExcelApi';
  const uses = [...remark.matchAll(VERSION)].map((m) => ({ version: m[1], for: m[2] }));
  if (qualifier) {
    const hit = uses.find((u) => u.for === qualifier);
    return hit ? { set, version: hit.version } : undefined;
  }
  const plain = uses.find((u) => u.for === undefined);
  if (plain) return { set, version: plain.version };
  const classVersion = /(\d+\.\d+)/.exec(doc.remark)?.[1];
  return classVersion ? { set, version: classVersion } : undefined;
}

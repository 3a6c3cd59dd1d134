/**
 * Code cites the business rules in docs/ (docs/architecture.md, "Comments and documents"):
 * - no file in src/, test/ or scripts/ cites a document outside the repository — the shared
 *   domain notes, their numbered sections, or the source documents they were drawn from;
 * - every docs/… path named in those files (or in eslint.config.mjs) exists;
 * - inside docs/, every relative link and every `src/…`, `test/…`, `docs/…` path in backticks exists.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const CODE_DIRS = ['src', 'test', 'scripts'];
const CODE_EXT = /\.(ts|tsx|js|mjs|cjs|html)$/;

function walk(dir: string, keep: (file: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') out.push(...walk(full, keep));
    } else if (keep(full)) out.push(full);
  }
  return out;
}

const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');
const codeFiles = CODE_DIRS.filter((d) => existsSync(path.join(ROOT, d))).flatMap((d) => walk(path.join(ROOT, d), (f) => CODE_EXT.test(f)));
const docFiles = walk(path.join(ROOT, 'docs'), (f) => f.endsWith('.md'));

interface Hit {
  file: string;
  line: number;
  text: string;
}

function hits(files: string[], pattern: RegExp): Hit[] {
  const out: Hit[] = [];
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((text, i) => {
      pattern.lastIndex = 0;
      if (pattern.test(text)) out.push({ file: rel(file), line: i + 1, text: text.trim() });
    });
  }
  return out;
}

// Written in pieces so this file does not match its own patterns.
const OUTSIDE: [string, RegExp][] = [
  ['the shared domain notes', new RegExp(`\\b${'DOM'}${'AIN'}\\b`)],
  ['a section of an outside document', new RegExp(`${'\u00a7'}\\s*\\d`)],
  ['a source document', new RegExp(`\\b${'seed'}s?\\s*0\\d\\d\\b|\\b${'seed'}s/`, 'i')],
  ['the shared notes folder', new RegExp(`${'shared'}/${'notes'}/|${'formula-engines'}\\.md`)],
];

describe('citations in code', () => {
  test('the files scanned are there', () => {
    expect(codeFiles.length).toBeGreaterThan(100);
    expect(codeFiles.map(rel)).toContain('src/domain/abc/tiers.ts');
  });

  test.each(OUTSIDE)('nothing cites %s', (_what, pattern) => {
    expect(hits(codeFiles, pattern)).toEqual([]);
  });

  test('every docs/… path named in code exists', () => {
    const files = [...codeFiles, path.join(ROOT, 'eslint.config.mjs')];
    const cited = new Map<string, string>();
    for (const file of files)
      for (const m of readFileSync(file, 'utf8').matchAll(/\bdocs\/[\w./-]*[\w/]/g)) if (!cited.has(m[0])) cited.set(m[0], rel(file));
    // eslint.config.mjs and this folder's tests cite docs/architecture.md, so the list is never empty.
    expect(cited.size).toBeGreaterThan(0);
    const missing = [...cited].filter(([p]) => !existsSync(path.join(ROOT, p))).map(([p, where]) => `${p} (cited in ${where})`);
    expect(missing).toEqual([]);
  });
});

describe('references inside docs/', () => {
  test('there are documents', () => {
    expect(docFiles.map(rel)).toEqual(expect.arrayContaining(['docs/architecture.md', 'docs/rules/abc.md']));
  });

  test('every relative link points at a file or folder that exists', () => {
    const missing: string[] = [];
    for (const file of docFiles)
      for (const m of readFileSync(file, 'utf8').matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1].split('#')[0];
        if (target === '' || /^[a-z]+:/i.test(target)) continue;
        if (!existsSync(path.resolve(path.dirname(file), target))) missing.push(`${rel(file)} → ${m[1]}`);
      }
    expect(missing).toEqual([]);
  });

  test('every src/, test/, docs/ or scripts/ path in backticks exists', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const file of docFiles)
      for (const m of readFileSync(file, 'utf8').matchAll(/`((?:src|test|docs|scripts)\/[^`\s]*)`/g)) {
        const p = m[1];
        if (/[<>*{}…]/.test(p)) continue; // a pattern such as src/i18n/templates/<kind>.ts or docs/…
        checked++;
        const full = path.join(ROOT, p);
        if (!existsSync(full) || (p.endsWith('/') && !statSync(full).isDirectory())) missing.push(`${rel(file)}: ${p}`);
      }
    expect(checked).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });
});

/**
 * Every Excel member the Office code calls exists on the real library's classes.
 *
 * The members are found by the TypeScript checker: each property access in src/office whose
 * object is an Excel class (Excel.Range, Excel.WorksheetProtection …) is one member. The real
 * library is Microsoft's Excel API script from the @microsoft/office-js package
 * (dist/excel-web-16.00.debug.js, what Excel on the web loads): its classes are read from the
 * script text — `X.prototype.m = function` and `Object.defineProperty(X.prototype, "p")` —
 * plus what they inherit from OfficeExtension.ClientObject. A member the typings know but the
 * shipped library lacks (or a typo cast past the types) fails here.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { documentedApiSet, excelClasses } from './reference/office-js-types';

const ROOT = path.resolve(__dirname, '..', '..');
const LIBRARY = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist', 'excel-web-16.00.debug.js');

/** Class name → its own members and its base class, as the script defines them. */
function libraryClasses(): Map<string, { members: Set<string>; base?: string }> {
  const classes = new Map<string, { members: Set<string>; base?: string }>();
  const get = (name: string) => {
    let c = classes.get(name);
    if (!c) classes.set(name, (c = { members: new Set() }));
    return c;
  };
  const text = readFileSync(LIBRARY, 'utf8');
  for (const m of text.matchAll(/^\s*(\w+)\.prototype\.(\w+) = function/gm)) get(m[1]).members.add(m[2]);
  for (const m of text.matchAll(/Object\.defineProperty\((\w+)\.prototype, "(\w+)"/g)) get(m[1]).members.add(m[2]);
  // `var X = (function (_super) {` … `}(Base));` at the same indentation: X extends Base.
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const start = /^(\s*)var (\w+) = \(function \(_super\) \{/.exec(line);
    if (!start) return;
    const end = new RegExp(`^${start[1]}\\}\\((?:OfficeExtension\\.)?(\\w+)\\)\\);`);
    for (let j = i + 1; j < lines.length; j++) {
      const m = end.exec(lines[j]);
      if (m) {
        get(start[2]).base ??= m[1];
        break;
      }
    }
  });
  return classes;
}

function hasMember(classes: ReturnType<typeof libraryClasses>, cls: string, member: string): boolean {
  for (let c: string | undefined = cls, depth = 0; c && depth < 10; depth++) {
    const info = classes.get(c);
    if (!info) return false;
    if (info.members.has(member)) return true;
    c = info.base;
  }
  return false;
}

function literalNames(type: ts.Type): string[] {
  const parts = type.isUnion() ? type.types : [type];
  return parts.every((t) => t.isStringLiteral()) ? parts.map((t) => (t as ts.StringLiteralType).value) : [];
}

/** "Class.member" for every property access on an Excel class in src/office. */
function membersCalled(): { member: string; at: string }[] {
  const dir = path.join(ROOT, 'src', 'office');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const program = ts.createProgram(files, { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const found = new Map<string, string>();
  for (const file of files) {
    const source = program.getSourceFile(file)!;
    const visit = (node: ts.Node) => {
      // x.member, and x[key] where key is a string literal or a union of them ('values' | 'formulas').
      const names = ts.isPropertyAccessExpression(node)
        ? [node.name.text]
        : ts.isElementAccessExpression(node)
          ? literalNames(checker.getTypeAtLocation(node.argumentExpression))
          : [];
      if (names.length > 0 && (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node))) {
        const type = checker.getNonNullableType(checker.getTypeAtLocation(node.expression));
        const symbol = type.getSymbol();
        const decl = symbol?.declarations?.[0];
        const parent = decl?.parent?.parent;
        if (
          symbol &&
          decl &&
          ts.isClassDeclaration(decl) &&
          parent &&
          ts.isModuleDeclaration(parent) &&
          parent.name.getText() === 'Excel' &&
          decl.getSourceFile().fileName.includes('@types/office-js')
        ) {
          for (const name of names) {
            const key = `${symbol.getName()}.${name}`;
            if (!found.has(key)) {
              const { line } = source.getLineAndCharacterOfPosition(node.getStart());
              found.set(key, `${path.relative(ROOT, file)}:${line + 1}`);
            }
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return [...found].map(([member, at]) => ({ member, at })).sort((a, b) => a.member.localeCompare(b.member));
}

const classes = libraryClasses();
const called = membersCalled();

test('the library and the code were read: many classes, many members', () => {
  expect(classes.size).toBeGreaterThan(200);
  expect(called.length).toBeGreaterThan(60);
  expect(called.map((c) => c.member)).toEqual(expect.arrayContaining(['Range.values', 'Range.formulas', 'WorksheetProtection.unprotect', 'ChartSeries.delete', 'PageLayout.zoom']));
});

test('the check can fail: members that do not exist are not found', () => {
  expect(hasMember(classes, 'Range', 'values')).toBe(true);
  expect(hasMember(classes, 'Range', 'context')).toBe(true); // inherited from ClientObject
  expect(hasMember(classes, 'Range', 'valuez')).toBe(false);
  expect(hasMember(classes, 'WorksheetProtection', 'removePassword')).toBe(false);
});

/**
 * Members newer than the script in @microsoft/office-js 1.1.110 (the latest on npm): Microsoft's
 * CDN serves them, the package does not have them yet. The code uses each only behind a
 * requirement-set check (features.ts: notes, passwordProtection). When the package catches up,
 * the last test fails: take the member off this list.
 */
const NEWER_THAN_PACKAGE: Record<string, string> = {
  'Worksheet.notes': 'ExcelApi 1.18',
  'NoteCollection.add': 'ExcelApi 1.18',
  'NoteCollection.getItem': 'ExcelApi 1.18',
  'NoteCollection.items': 'ExcelApi 1.18',
  'NoteCollection.load': 'ExcelApi 1.18',
  'Note.delete': 'ExcelApi 1.18',
  'Note.getLocation': 'ExcelApi 1.18',
  'WorksheetProtection.isPasswordProtected': 'ExcelApiOnline 1.1',
};

test.each(called.filter((c) => !(c.member in NEWER_THAN_PACKAGE)))('$member ($at) exists in excel-web-16.00.js', ({ member }) => {
  const [cls, name] = member.split('.');
  expect(hasMember(classes, cls, name)).toBe(true);
});

test.each(Object.entries(NEWER_THAN_PACKAGE))('%s (%s) is used, is of that requirement set in the reference, and is not yet in the package', (member, set) => {
  expect(called.map((c) => c.member)).toContain(member);
  const [cls, name] = member.split('.');
  // Collection members (items, load) carry no remark of their own: their class's set applies.
  const ref = documentedApiSet(member);
  const classRemark = excelClasses().get(cls)?.remark ?? '';
  expect(ref ? `${ref.set} ${ref.version}` : classRemark).toBe(set);
  expect(hasMember(classes, cls, name)).toBe(false);
});

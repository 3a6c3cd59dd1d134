/**
 * The manifest's ExcelApi requirement is the lowest the code really needs. The TypeScript
 * checker resolves every Office.js member used in src/office to its declaration in
 * @types/office-js and reads its "[Api set: ExcelApi x.y]": members above the manifest's
 * minimum must be on the feature-detected list (and are guarded at run time — the fake-Excel
 * tests run the writer on ExcelApi 1.8 without an ApiNotFound), and something really needs the
 * minimum itself, so it could not be lower.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { MIN_EXCEL_API } from '../src/office/features';
import { ROOT } from './manifest-support';

/** Members newer than the minimum, each used only behind an isSetSupported check (features.ts). */
const FEATURE_DETECTED: Record<string, string> = {
  'Worksheet.pageLayout': '1.9',
  'PageLayout.orientation': '1.9',
  'PageLayout.paperSize': '1.9',
  'PageLayout.zoom': '1.9',
  'PageLayout.centerHorizontally': '1.9',
  'PageLayout.leftMargin': '1.9',
  'PageLayout.rightMargin': '1.9',
  'PageLayout.topMargin': '1.9',
  'PageLayout.bottomMargin': '1.9',
  'PageLayout.headerMargin': '1.9',
  'PageLayout.footerMargin': '1.9',
  'PageLayout.setPrintTitleRows': '1.9',
  'PageLayout.setPrintArea': '1.9',
  'Worksheet.horizontalPageBreaks': '1.9',
  'PageBreakCollection.add': '1.9',
  'PageLayoutZoomOptions.horizontalFitToPages': '1.9',
  'PageLayoutZoomOptions.verticalFitToPages': '1.9',
  'RangeFormat.indentLevel': '1.9',
  'Worksheet.comments': '1.10',
  'CommentCollection.add': '1.10',
  'Worksheet.notes': '1.18',
  'NoteCollection.add': '1.18',
  'PageBreakCollection.removePageBreaks': '1.9',
  'Range.copyFrom': '1.9',
  'Comment.delete': '1.10',
  'Comment.getLocation': '1.10',
  'CommentCollection.getItemByCell': '1.10',
  'Note.delete': '1.18',
  'Note.getLocation': '1.18',
  'NoteCollection.getItem': '1.18',
};

const version = (v: string) => v.split('.').map(Number) as [number, number];
const cmp = (a: string, b: string) => {
  const [a1, a2] = version(a);
  const [b1, b2] = version(b);
  return a1 - b1 || a2 - b2;
};

function excelMembersUsed(): Map<string, { version: string; where: string }> {
  const dir = path.join(ROOT, 'src', 'office');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f));
  const config = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile).config;
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, ROOT);
  const program = ts.createProgram(files, { ...parsed.options, noEmit: true });
  const checker = program.getTypeChecker();
  const used = new Map<string, { version: string; where: string }>();
  for (const file of files) {
    const source = program.getSourceFile(file)!;
    const record = (node: ts.Node, name: string, symbol: ts.Symbol | undefined) => {
      for (const decl of symbol?.declarations ?? []) {
        if (!decl.getSourceFile().fileName.includes('@types/office-js')) continue;
        const owner = decl.parent && (ts.isClassDeclaration(decl.parent) || ts.isInterfaceDeclaration(decl.parent)) ? decl.parent.name?.text : undefined;
        const m = /\[Api set: ExcelApi (\d+\.\d+)\]/.exec(decl.getFullText());
        if (!owner || !m) continue;
        const key = `${owner}.${name}`;
        const prev = used.get(key);
        if (!prev || cmp(m[1], prev.version) > 0) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          used.set(key, { version: m[1], where: `${path.basename(file)}:${line + 1}` });
        }
      }
    };
    const visit = (node: ts.Node) => {
      // obj.member and obj.method(...)
      if (ts.isPropertyAccessExpression(node)) record(node, node.name.text, checker.getSymbolAtLocation(node.name));
      // { member: … } passed where Office.js expects an options object (protect, rules, zoom …)
      if ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) && ts.isIdentifier(node.name) && ts.isObjectLiteralExpression(node.parent)) {
        const type = checker.getContextualType(node.parent);
        if (type) record(node, node.name.text, checker.getPropertyOfType(checker.getNonNullableType(type), node.name.text));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return used;
}

const used = excelMembersUsed();

test('the scan finds the Office.js members the writer uses', () => {
  expect(used.size).toBeGreaterThan(40);
  for (const member of [
    'Range.formulas',
    'WorksheetCollection.add',
    'TableCollection.add',
    'Range.dataValidation',
    'Application.suspendApiCalculationUntilNextSync',
    // option-object members, found through their contextual type
    'WorksheetProtectionOptions.selectionMode',
    'ListDataValidation.inCellDropDown',
    'PageLayoutZoomOptions.horizontalFitToPages',
  ]) {
    expect(used.has(member)).toBe(true);
  }
  // …including the newer ones, with the version their declaration states.
  expect(used.get('Worksheet.pageLayout')?.version).toBe('1.9');
  expect(used.get('ChartSeries.setBubbleSizes')?.version).toBe('1.7');
  expect(used.get('Worksheet.notes')?.version).toBe('1.18');
});

test(`nothing above ExcelApi ${MIN_EXCEL_API} is used unless it is feature-detected`, () => {
  const above = [...used].filter(([, u]) => cmp(u.version, MIN_EXCEL_API) > 0);
  const undetected = above.filter(([member]) => !(member in FEATURE_DETECTED)).map(([m, u]) => `${m} (${u.version}) at ${u.where}`);
  expect(undetected).toEqual([]);
  for (const [member, u] of above) expect({ member, version: u.version }).toEqual({ member, version: FEATURE_DETECTED[member] });
});

test(`ExcelApi ${MIN_EXCEL_API} is really needed: some member that is not feature-detected requires it`, () => {
  const needing = [...used].filter(([member, u]) => !(member in FEATURE_DETECTED) && u.version === MIN_EXCEL_API).map(([m]) => m);
  expect(needing.length).toBeGreaterThan(0);
  expect(needing).toContain('Range.dataValidation');
});

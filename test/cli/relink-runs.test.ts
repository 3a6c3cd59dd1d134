/**
 * `relink` after a second ABC run was added with --into: the visit plan moves to the latest run
 * (docs/notes/links.md), and the visit log beside it, which reads nothing of an ABC result, is
 * neither relinked nor reported as out of shape.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { cli } from '../support/cli';
import { tempDir } from '../support/template-files';

const CUSTOMERS = ['华东精密机械有限公司', '杭州远景包装材料有限公司', '苏州恒达电子科技有限公司', '宁波海纳塑业有限公司'];

/** The formulas of the sheet named `name`, by cell reference. */
async function formulasOf(file: string, name: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const id = new RegExp(`<sheet name="${name}"[^>]*r:id="([^"]+)"`).exec(wb)![1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1];
  const xml = await zip.file(`xl/${target.replace(/^\/?xl\//, '')}`)!.async('string');
  return new Map([...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*><f>([^<]*)<\/f>/g)].map((m) => [m[1], m[2]]));
}

test('a second ABC run: relink points the visit plan at it and leaves the log alone', async () => {
  const dir = tempDir('ap-relink-runs-');
  const [first, second] = ['s1.csv', 's2.csv'].map((f) => path.join(dir, f));
  writeFileSync(first, ['客户,金额', ...CUSTOMERS.map((c, i) => `${c},${[50000, 30000, 12000, 5000][i]}`)].join('\n') + '\n');
  writeFileSync(second, ['客户,金额', ...CUSTOMERS.map((c, i) => `${c},${[1000, 30000, 12000, 50000][i]}`)].join('\n') + '\n');
  const book = path.join(dir, 'book.xlsx');
  for (const args of [
    ['abc', '--in', first, '--customer', '客户', '--value', '金额', '--out', book],
    ['template', 'visit-plan', '--example', '--into', book],
    ['abc', '--in', second, '--customer', '客户', '--value', '金额', '--into', book],
  ])
    expect(await cli(args)).toMatchObject({ code: 0 });
  const before = [...(await formulasOf(book, '拜访计划')).values()].join('\n');
  expect(before).toContain("'ABC分类'!");
  expect(before).not.toContain("'ABC分类 (2)'!");

  const run = await cli(['relink', book]);
  expect(run.code).toBe(0);
  expect(run.out + run.err).toContain('ABC分类 (2)');
  expect(run.out + run.err).not.toContain('拜访记录');
  const after = [...(await formulasOf(book, '拜访计划')).values()].join('\n');
  expect(after).toContain("'ABC分类 (2)'!");
  expect(after).not.toContain("'ABC分类'!");
  // Linked now: a second relink has nothing to do.
  const again = await cli(['relink', book]);
  expect(again.code).toBe(0);
  expect(again.out + again.err).not.toContain('已链接到');
}, 120_000);

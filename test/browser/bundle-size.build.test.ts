/**
 * Size budget of the task pane's first load in the production build: the scripts taskpane.html
 * loads (the initial chunks of the taskpane entry; lazy chunks are not counted) must stay at or
 * under 400 KB gzipped, and ExcelJS (only needed for preview uploads/downloads) and the IronCalc
 * engine (only needed once the preview writes a sheet) and the lunar calendar (only needed for the
 * occasion calendar) must not be in them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureDist } from './support/dist';

const BUDGET = 400 * 1024;

test('taskpane initial JavaScript ≤ 400 KB gzipped, ExcelJS, the file reader and IronCalc loaded lazily', async () => {
  const dist = await ensureDist();
  const html = readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
  // The build minifies the HTML, so attribute values may be unquoted.
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((src) => !/^https?:/.test(src));
  expect(scripts.length).toBeGreaterThan(0);
  let gz = 0;
  for (const src of scripts) {
    const code = readFileSync(path.join(dist, src));
    gz += gzipSync(code, { level: 9 }).length;
    const text = code.toString('utf8');
    // Markers of the lazy code: the workbook part path (ExcelJS's writer and our reader), Papa Parse's error text.
    expect({ src, exceljs: text.includes('xl/workbook.xml') }).toEqual({ src, exceljs: false });
    expect({ src, papaParse: text.includes('Quoted field unterminated') }).toEqual({ src, papaParse: false });
    // The lunar calendar behind the occasion calendar's festivals (lunar-typescript's SolarWeek class).
    expect({ src, lunar: text.includes('SolarWeek') }).toEqual({ src, lunar: false });
    // IronCalc's wasm-bindgen glue and its .wasm file.
    expect({ src, ironcalc: text.includes('__wbindgen_malloc') || text.includes('.wasm') }).toEqual({ src, ironcalc: false });
  }
  // The engine's chunk and .wasm are emitted for the preview to fetch.
  expect(readdirSync(dist).some((f) => f.endsWith('.wasm'))).toBe(true);
  console.log(
    `taskpane initial JS: ${scripts.join(', ')} = ${(gz / 1024).toFixed(1)} KB gzipped (budget ${BUDGET / 1024} KB)`,
  );
  expect(gz).toBeLessThanOrEqual(BUDGET);
}, 600_000);

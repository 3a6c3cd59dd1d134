import type { Options, Parser } from 'csv-parse';

export interface ParseHooks {
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

export type CsvParse = (text: string, options: Options, hooks?: ParseHooks) => Promise<string[][]>;

/** csv-parse's browser build, fetched only when a .csv is uploaded (tests substitute the Node build). */
export async function loadCsvParser(): Promise<CsvParse> {
  const { parse } = await import('csv-parse/browser/esm');
  return (text, options, hooks) => parseInChunks((o) => parse(o), text, options, hooks);
}

const CHUNK = 512 * 1024;

/**
 * Feeds the text to csv-parse's stream parser in chunks cut at line ends, yielding to the
 * browser between chunks so the progress bar moves and Cancel works on a 500,000-line file.
 */
export function parseInChunks(
  makeParser: (o: Options) => Parser,
  text: string,
  options: Options,
  hooks: ParseHooks = {},
): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const records: string[][] = [];
    const parser = makeParser(options);
    let failed = false;
    parser.on('readable', () => {
      let r: string[] | null;
      while ((r = parser.read() as string[] | null) !== null) records.push(r);
    });
    parser.on('error', (e) => {
      failed = true;
      reject(e);
    });
    parser.on('end', () => resolve(records));
    // Whatever throws while feeding the parser rejects the parse: a dropped promise would
    // leave the upload pending forever.
    (async () => {
      for (let i = 0; i < text.length && !failed;) {
        if (hooks.signal?.aborted) {
          failed = true;
          parser.destroy();
          reject(hooks.signal.reason ?? new DOMException('Aborted', 'AbortError'));
          return;
        }
        let end = Math.min(text.length, i + CHUNK);
        if (end < text.length) {
          const nl = text.lastIndexOf('\n', end);
          if (nl > i) end = nl + 1;
        }
        parser.write(text.slice(i, end));
        i = end;
        hooks.onProgress?.(i / text.length);
        await new Promise((r) => setTimeout(r, 0));
      }
      if (!failed) parser.end();
    })().catch((e: unknown) => {
      failed = true;
      parser.destroy();
      reject(e);
    });
  });
}

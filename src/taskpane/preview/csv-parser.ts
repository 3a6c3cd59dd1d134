/** csv-parse's browser build, loaded only when a .csv is uploaded (tests substitute the Node build). */
export async function loadCsvParser(): Promise<(text: string, options: Record<string, unknown>) => string[][]> {
  const { parse } = await import('csv-parse/browser/esm/sync');
  return (text, options) => parse(text, options) as string[][];
}

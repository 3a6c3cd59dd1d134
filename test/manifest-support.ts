import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');
/** The official XSDs, beside the clone (CI has ../shared next to the repository). */
export const XSD_DIR = path.resolve(ROOT, '..', 'shared', 'office-manifest-xsd');
export const MAIN_XSD = 'OfficeAppManifestV1_1.xsd';

export function hasSystemXmllint(): boolean {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Validates with the system xmllint: { valid, output }. */
export function xmllintValidate(file: string): { valid: boolean; output: string } {
  try {
    const out = execFileSync('xmllint', ['--noout', '--schema', path.join(XSD_DIR, MAIN_XSD), file], { encoding: 'utf8', stdio: 'pipe' });
    return { valid: true, output: out };
  } catch (e) {
    const err = e as { stderr?: string; stdout?: string };
    return { valid: false, output: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

/** Validates with xmllint-wasm (no system package needed), the schema's imports preloaded. */
export async function wasmValidate(xml: string, fileName = 'manifest.xml'): Promise<{ valid: boolean; errors: string[] }> {
  const { validateXML } = await import('xmllint-wasm');
  const files = readdirSync(XSD_DIR).filter((f) => f.endsWith('.xsd'));
  const result = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: [{ fileName: MAIN_XSD, contents: readFileSync(path.join(XSD_DIR, MAIN_XSD), 'utf8') }],
    preload: files.filter((f) => f !== MAIN_XSD).map((f) => ({ fileName: f, contents: readFileSync(path.join(XSD_DIR, f), 'utf8') })),
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}

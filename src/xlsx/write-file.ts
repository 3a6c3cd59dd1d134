import { promises as fs } from 'node:fs';
import path from 'node:path';

export class OutputExistsError extends Error {
  constructor(readonly file: string) {
    super(`${file} already exists`);
  }
}

/**
 * Writes bytes to a temporary name beside the target and renames it into place, so a failed
 * run never leaves a half-written file. Refuses to replace an existing file unless forced.
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array, force = false): Promise<void> {
  if (!force) {
    const exists = await fs
      .access(file)
      .then(() => true)
      .catch(() => false);
    if (exists) throw new OutputExistsError(file);
  }
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}

import { promises as fs } from 'node:fs';
import path from 'node:path';

export class OutputExistsError extends Error {
  constructor(readonly file: string) {
    super(`${file} already exists`);
  }
}

/**
 * Writes bytes to a temporary name beside the target and moves it into place, so a failed run
 * never leaves a half-written file. Without `force` the move is a hard link, which fails if the
 * target exists, even one created after the run started: an existing file is never replaced.
 */
const LINK_UNSUPPORTED = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

const exists = (file: string) =>
  fs.access(file).then(
    () => true,
    () => false,
  );

export async function writeFileAtomic(file: string, bytes: Uint8Array, force = false): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.writeFile(tmp, bytes, { flag: 'wx' });
    if (force) {
      await fs.rename(tmp, file);
    } else {
      await fs.link(tmp, file).catch(async (err: NodeJS.ErrnoException) => {
        if (err.code === 'EEXIST') throw new OutputExistsError(file);
        if (!LINK_UNSUPPORTED.has(err.code ?? '')) throw err;
        // A file system without hard links: check, then rename (a small window remains).
        if (await exists(file)) throw new OutputExistsError(file);
        await fs.rename(tmp, file);
      });
    }
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

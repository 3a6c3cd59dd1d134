import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { WorkbookSpec } from '../sheets/core/sheet-spec';
import type { RenderWarning } from './write/warnings';
import type { WriteWorkbookOptions } from './write/write-workbook';

export class OutputExistsError extends Error {
  constructor(readonly file: string) {
    super(`${file} already exists`);
  }
}

/**
 * Writes bytes to a temporary name beside the target and moves it into place, so a failed run
 * never leaves a half-written file. Without `force` the move is a hard link, which fails if the
 * target exists, even one created after the run started: an existing file is never replaced.
 * A run that was killed while writing leaves its temporary file behind; the next write into
 * the same folder removes it (see removeStaleTempFiles).
 */
const LINK_UNSUPPORTED = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

const exists = (file: string) =>
  fs.access(file).then(
    () => true,
    () => false,
  );

/** `.report.xlsx.4242-1767000000000.account-planner.tmp`: hidden, and says whose it is and which process wrote it. */
const TEMP_NAME = /^\..+\.(\d+)-(\d+)\.account-planner\.tmp$/;

export function tempPathFor(file: string, pid = process.pid): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${pid}-${Date.now()}.account-planner.tmp`);
}

/** A day: no write takes that long, so an older temporary file is stale even if its process id was reused. */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

function processIsGone(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Removes our temporary files in the folder whose writing process no longer runs (or that are
 * older than a day). Files of a write still going on — in this process or another — are kept.
 * Best effort: a folder that cannot be listed is left alone; the write reports its own error.
 */
export async function removeStaleTempFiles(folder: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m) continue;
    const [pid, time] = [Number(m[1]), Number(m[2])];
    if (!processIsGone(pid) && Date.now() - time < STALE_AFTER_MS) continue;
    const stale = path.join(folder, name);
    await fs.rm(stale, { force: true }).then(
      () => removed.push(stale),
      () => undefined,
    );
  }
  return removed;
}

export async function writeFileAtomic(file: string, bytes: Uint8Array, force = false): Promise<void> {
  await writeFileAtomicWith(file, force, (tmp) => fs.writeFile(tmp, bytes, { flag: 'wx' }));
}

/**
 * Like writeFileAtomic, for content produced as it is written: `write` creates the temporary
 * file it is given (flag 'wx') and fills it; it is moved into place only when `write` succeeds.
 */
export async function writeFileAtomicWith(file: string, force: boolean, write: (tmp: string) => Promise<void>): Promise<void> {
  await removeStaleTempFiles(path.dirname(file));
  const tmp = tempPathFor(file);
  try {
    await write(tmp);
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

/**
 * A workbook streamed to `file` through a temporary file: each part is compressed as its rows
 * are produced and written out a megabyte at a time, so a sheet of generated rows never exists
 * whole in memory. Returns the writer's warnings.
 */
export async function writeWorkbookFile(file: string, spec: WorkbookSpec, force = false, options?: WriteWorkbookOptions): Promise<RenderWarning[]> {
  // Loaded here, not at the top: every CLI command imports this module for its refusals, and
  // only those that write a workbook need the writer.
  const [{ writeWorkbook }, { nodeCompressor }] = await Promise.all([import('./write/write-workbook'), import('./node-compressor')]);
  let warnings: RenderWarning[] = [];
  await writeFileAtomicWith(file, force, async (tmp) => {
    const handle = await fs.open(tmp, 'wx');
    try {
      warnings = await writeWorkbook(spec, { write: async (chunk) => void (await handle.write(chunk)) }, { compressor: nodeCompressor, ...options });
    } finally {
      await handle.close();
    }
  });
  return warnings;
}

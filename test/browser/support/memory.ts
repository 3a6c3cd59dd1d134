/**
 * Peak memory of a headless Chromium page, two ways:
 * - the renderer process's peak resident set (VmHWM in /proc/<pid>/status): everything the page
 *   holds — the JavaScript heap, WebAssembly memory (the preview's spreadsheet engine), DOM,
 *   layout, the uploaded file's bytes — which is what "under 1 GiB" is about;
 * - the JavaScript heap in use (CDP Performance.getMetrics JSHeapUsedSize), sampled: the part
 *   our own code's objects take, which WebAssembly memory and array buffers are not counted in.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';

function parentOf(pid: number): number | undefined {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so split after ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

function descendsFrom(pid: number, ancestor: number): boolean {
  for (let p: number | undefined = pid, i = 0; p && p > 1 && i < 64; p = parentOf(p), i++)
    if (p === ancestor) return true;
  return false;
}

/** Chromium renderer processes started by this Node process (other people's browsers are not ours). */
export function ourRenderers(): number[] {
  const out: number[] = [];
  for (const e of readdirSync('/proc')) {
    const pid = Number(e);
    if (!Number.isInteger(pid)) continue;
    let cmd: string;
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (cmd.includes('--type=renderer') && descendsFrom(pid, process.pid)) out.push(pid);
  }
  return out;
}

/** Peak and current resident set of a process, bytes. */
export function rssOf(pid: number): { peak: number; now: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { peak: kb('VmHWM'), now: kb('VmRSS') };
}

export interface MemoryWatch {
  /** Stops sampling; the peaks seen. */
  stop(): Promise<{ rendererPeak: number; jsHeapPeak: number; renderers: number }>;
}

/**
 * Samples the page's JS heap every `everyMs` and reads the renderers' VmHWM at the end (the
 * kernel keeps that peak itself, so no spike between samples is missed). Start it on a fresh
 * browser whose only page is `page`, so the renderer's peak is this page's.
 */
export async function watchMemory(page: Page, everyMs = 250): Promise<MemoryWatch> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  let jsHeapPeak = 0;
  let stopped = false;
  const sample = async () => {
    try {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
      jsHeapPeak = Math.max(jsHeapPeak, used);
    } catch {
      // The page is busy navigating or closing: the next sample counts.
    }
  };
  const loop = (async () => {
    while (!stopped) {
      await sample();
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      await sample();
      const renderers = ourRenderers();
      const rendererPeak = Math.max(0, ...renderers.map((p) => rssOf(p).peak));
      await cdp.detach().catch(() => undefined);
      return { rendererPeak, jsHeapPeak, renderers: renderers.length };
    },
  };
}

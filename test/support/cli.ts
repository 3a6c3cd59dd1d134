/** Runs the CLI in-process, capturing what it prints. */
import { runCli } from '../../src/cli/run';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export async function cli(args: string[]): Promise<CliResult> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

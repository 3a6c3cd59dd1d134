import cliMessages from '../i18n/cli';
import { translator } from '../i18n/define';
import { processIO, type CliIO } from './io';
import { UsageError } from './usage-error';

const t = translator(cliMessages, 'en-US');

type Command = (argv: string[], io: CliIO) => Promise<void>;

/** Commands are loaded on demand, so a command pays only for the modules it uses. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  template: async () => (await import('./commands/template')).templateCommand,
  demo: async () => (await import('./commands/template')).demoCommand,
  abc: async () => (await import('./commands/abc')).abcCommand,
  bonus: async () => (await import('./commands/bonus')).bonusCommand,
  'share-safe': async () => (await import('./commands/share-safe')).shareSafeCommand,
};

/** Runs the CLI and returns its exit code: 0 done, 2 bad usage or unreadable input, 1 a bug. */
export async function runCli(argv: string[], io: CliIO = processIO): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(t('usage'));
    return command ? 0 : 2;
  }
  const load = COMMANDS[command];
  if (!load) {
    io.err(`${t('unknownCommand', { command })}\n${t('usage')}`);
    return 2;
  }
  try {
    await (await load())(rest, io);
    return 0;
  } catch (err) {
    if (err instanceof UsageError || isParseArgsError(err)) {
      io.err(`account-planner: ${(err as Error).message}\n`);
      return 2;
    }
    io.err(`account-planner: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return 1;
  }
}

function isParseArgsError(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

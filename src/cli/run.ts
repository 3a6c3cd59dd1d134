import cliMessages from '../i18n/cli';
import cliHelp from '../i18n/cli-help';
import { sentences, translator, type Lang } from '../i18n/define';
import { processIO, type CliIO } from './io';
import { outputLang } from './lang-option';
import { nearest } from './options';
import { UsageError } from './usage-error';

/** What every command is given: where to print, and the language of everything it prints and writes. */
export interface CommandContext {
  io: CliIO;
  lang: Lang;
}

type Command = (argv: string[], ctx: CommandContext) => Promise<void>;

/** Commands are loaded on demand, so a command pays only for the modules it uses. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  template: async () => (await import('./commands/template')).templateCommand,
  demo: async () => (await import('./commands/template')).demoCommand,
  abc: async () => (await import('./commands/abc')).abcCommand,
  bonus: async () => (await import('./commands/bonus')).bonusCommand,
  'share-safe': async () => (await import('./commands/share-safe')).shareSafeCommand,
  calendar: async () => (await import('./commands/calendar')).calendarCommand,
  relink: async () => (await import('./commands/relink')).relinkCommand,
  rollup: async () => (await import('./commands/rollup')).rollupCommand,
};

const HELP = new Set(['--help', '-h', 'help']);

/**
 * Runs the CLI and returns its exit code: 0 done, 2 bad usage or unreadable input, 1 a bug.
 * No arguments at all is bad usage: the usage goes to stderr. --help goes to stdout, exit 0.
 */
export async function runCli(argv: string[], io: CliIO = processIO): Promise<number> {
  let lang: Lang = 'zh-CN';
  try {
    lang = outputLang(argv);
    const usage = translator(cliHelp, lang)('usage');
    const t = translator(cliMessages, lang);
    // `account-planner --lang en-US abc …`: a leading language goes with the command's options.
    let first = 0;
    while (argv[first] === '--lang' || argv[first]?.startsWith('--lang=')) first += argv[first] === '--lang' ? 2 : 1;
    const command = argv[first];
    const rest = [...argv.slice(first + 1), ...argv.slice(0, first)];
    if (command === undefined) {
      io.err(usage);
      return 2;
    }
    if (HELP.has(command)) {
      io.out(usage);
      return 0;
    }
    const load = COMMANDS[command];
    if (!load) {
      const suggestion = nearest(command, Object.keys(COMMANDS));
      const line = sentences(lang, t('unknownCommand', { command }), suggestion ? t('suggestCommand', { suggestion }) : '');
      io.err(`account-planner: ${line}\n\n${usage}`);
      return 2;
    }
    await (await load())(rest, { io, lang });
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`account-planner: ${err.message}\n${err.usage ? `\n${err.usage}` : ''}`);
      return 2;
    }
    const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
    io.err(`account-planner: ${translator(cliMessages, lang)('internalError', { detail })}\n`);
    return 1;
  }
}

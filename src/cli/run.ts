/**
 * The spfkit command dispatcher: picks the command, turns input errors into one line and
 * exit code 2, and never lets a stack trace reach the user.
 */
import { t } from '../i18n/catalog.ts';
import { type Lang, type LocaleEnv, isLang, localeLang } from '../i18n/lang.ts';
import { type CliIo, EXIT, UsageError, oneLine } from './io.ts';
import { PLAIN, codeSpans } from './terminal.ts';

type Command = (args: string[], io: CliIo) => Promise<number>;

/** Commands by name, loaded on use. */
const COMMANDS = {
  check: async () => (await import('./check.ts')).checkCommand,
  add: async () => (await import('./add.ts')).addCommand,
  explain: async () => (await import('./explain.ts')).explainCommand,
  audit: async () => (await import('./audit.ts')).auditCommand,
  bulk: async () => (await import('./bulk.ts')).bulkCommand,
  policyd: async () => (await import('./policyd.ts')).policydCommand,
  monitor: async () => (await import('./monitor.ts')).monitorCommand,
  verdict: async () => (await import('./verdict.ts')).verdictCommand,
  message: async () => (await import('./message.ts')).messageCommand,
} satisfies Record<string, () => Promise<Command>>;

type CommandName = keyof typeof COMMANDS;

function isCommand(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}

/** `spfkit --help`: the commands with a line each. */
export function mainHelp(lang: Lang): string {
  const commands = (Object.keys(COMMANDS) as CommandName[]).map((name) => `  ${name.padEnd(10)} ${t(lang, `help.summary.${name}`)}`).join('\n');
  return t(lang, 'help.main', { commands }) + '\n';
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  const lang = langInArgs(args, io.env);
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(mainHelp(lang));
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout('spfkit 0.1.0\n');
    return EXIT.ok;
  }
  if (!isCommand(name)) {
    io.stderr(`spfkit: ${oneLine(t(lang, 'usage.unknown-command', { name }))}\n`);
    return EXIT.usage;
  }
  try {
    return await (await COMMANDS[name]())(args, io);
  } catch (error) {
    io.stderr(`spfkit ${name}: ${codeSpans(oneLine(describeError(error, lang, args)), PLAIN)}\n`);
    return EXIT.usage;
  }
}

/**
 * The `--lang` of a command line, found without parsing the rest, so that even an error in
 * the other options is worded in it (`--lang nl` or `--lang=nl`); without a usable one, the
 * locale's language (LC_ALL, LC_MESSAGES, LANG), else English.
 */
export function langInArgs(args: readonly string[], env: LocaleEnv = {}): Lang {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') break;
    const value = arg === '--lang' ? args[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value !== undefined) return isLang(value) ? value : localeLang(env);
  }
  return localeLang(env);
}

function describeError(error: unknown, lang: Lang, args: readonly string[]): string {
  if (error instanceof UsageError) return error.words(lang);
  if (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) return parseArgsError(String(error.code), error.message, lang, args);
  // By name, not instanceof: the lazy command table keeps src/spf out of the start-up path.
  if (error instanceof Error && error.name === 'SpfInputError' && 'words' in error && typeof error.words === 'function') return String(error.words(lang));
  return t(lang, 'usage.unexpected', { message: error instanceof Error ? error.message : String(error) });
}

/** The options that take a number (check, add, bulk and the DNS options). */
const NUMBER_OPTIONS: ReadonlySet<string> = new Set(['--timeout', '--deadline', '--ttl', '--concurrency']);

/**
 * node:util parseArgs errors in words: the code says what went wrong, the message names the
 * option (quoted: "Unknown option '--foo'"). A message of another shape is passed on as is.
 */
function parseArgsError(code: string, message: string, lang: Lang, args: readonly string[]): string {
  const firstLine = message.split('\n')[0] ?? message;
  const quoted = /'([^']+)'/.exec(firstLine)?.[1];
  if (quoted === undefined) return firstLine;
  const option = quoted.replace(/ <value>$/, '');
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return t(lang, 'usage.unknown-option', { option });
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      // "argument missing", or "argument is ambiguous" when the next word is another option.
      if (/argument (missing|is ambiguous)/.test(firstLine)) {
        // `--timeout -5`: parseArgs takes -5 for an option, but the user meant a number.
        const next = args[args.indexOf(option) + 1];
        if (NUMBER_OPTIONS.has(option) && next !== undefined && /^-\d/.test(next)) return t(lang, 'usage.option-positive', { option, text: next });
        return t(lang, 'usage.option-needs-value', { option });
      }
      return /does not take an argument/.test(firstLine) ? t(lang, 'usage.option-takes-no-value', { option }) : firstLine;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return t(lang, 'usage.unexpected-argument', { text: quoted });
    default:
      return firstLine;
  }
}

/**
 * The spfkit command dispatcher: picks the command, turns input errors into one line and
 * exit code 2, and never lets a stack trace reach the user.
 */
import { t } from '../i18n/catalog.ts';
import { type Lang, DEFAULT_LANG, isLang } from '../i18n/lang.ts';
import { type CliIo, EXIT, UsageError } from './io.ts';

type Command = (args: string[], io: CliIo) => Promise<number>;

/** Commands by name, loaded on use. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  check: { summary: 'evaluate the SPF policy for an IP and a sender', load: async () => (await import('./check.ts')).checkCommand },
  add: { summary: 'plan adding a sending service to an SPF record', load: async () => (await import('./add.ts')).addCommand },
  explain: { summary: 'explain an SPF record term by term (en, nl)', load: async () => (await import('./explain.ts')).explainCommand },
  audit: { summary: 'audit SPF, DKIM, DMARC and MX of a domain, with a grade (en, nl)', load: async () => (await import('./audit.ts')).auditCommand },
  bulk: { summary: "check a service's customer list: who must change their SPF record", load: async () => (await import('./bulk.ts')).bulkCommand },
};

export const HELP = () => `Usage: spfkit <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Run "spfkit <command> --help" for a command's options.`;

export async function run(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(HELP() + '\n');
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout('spfkit 0.1.0\n');
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  const lang = langInArgs(args);
  if (!command) {
    io.stderr(`spfkit: ${t(lang, 'usage.unknown-command', { name })}\n`);
    return EXIT.usage;
  }
  try {
    return await (await command.load())(args, io);
  } catch (error) {
    io.stderr(`spfkit ${name}: ${describeError(error, lang)}\n`);
    return EXIT.usage;
  }
}

/**
 * The `--lang` of a command line, found without parsing the rest, so that even an error in
 * the other options is worded in it (`--lang nl` or `--lang=nl`; otherwise English).
 */
export function langInArgs(args: readonly string[]): Lang {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') break;
    const value = arg === '--lang' ? args[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value !== undefined) return isLang(value) ? value : DEFAULT_LANG;
  }
  return DEFAULT_LANG;
}

function describeError(error: unknown, lang: Lang): string {
  if (error instanceof UsageError) return error.words(lang);
  if (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) return parseArgsError(String(error.code), error.message, lang);
  if (error instanceof Error && error.name === 'SpfInputError') return error.message;
  return t(lang, 'usage.unexpected', { message: error instanceof Error ? error.message : String(error) });
}

/**
 * node:util parseArgs errors in words: the code says what went wrong, the message names the
 * option (quoted: "Unknown option '--foo'"). A message of another shape is passed on as is.
 */
function parseArgsError(code: string, message: string, lang: Lang): string {
  const firstLine = message.split('\n')[0] ?? message;
  const quoted = /'([^']+)'/.exec(firstLine)?.[1];
  if (quoted === undefined) return firstLine;
  const option = quoted.replace(/ <value>$/, '');
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return t(lang, 'usage.unknown-option', { option });
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      // "argument missing", or "argument is ambiguous" when the next word is another option.
      if (/argument (missing|is ambiguous)/.test(firstLine)) return t(lang, 'usage.option-needs-value', { option });
      return /does not take an argument/.test(firstLine) ? t(lang, 'usage.option-takes-no-value', { option }) : firstLine;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return t(lang, 'usage.unexpected-argument', { text: quoted });
    default:
      return firstLine;
  }
}

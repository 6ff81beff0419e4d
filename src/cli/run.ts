/**
 * The spfkit command dispatcher: picks the command, turns input errors into one line and
 * exit code 2, and never lets a stack trace reach the user.
 */
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
  if (!command) {
    io.stderr(`spfkit: unknown command "${name}" (try "spfkit --help")\n`);
    return EXIT.usage;
  }
  try {
    return await (await command.load())(args, io);
  } catch (error) {
    io.stderr(`spfkit ${name}: ${describeError(error)}\n`);
    return EXIT.usage;
  }
}

function describeError(error: unknown): string {
  if (error instanceof UsageError) return error.message;
  // node:util parseArgs errors carry a code and a clear message.
  if (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) return error.message;
  if (error instanceof Error && error.name === 'SpfInputError') return error.message;
  return `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}

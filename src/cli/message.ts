/**
 * `spfkit message <file.eml>`: the verdict on a received message — DKIM, SPF for the client
 * given (or from the trace headers when asked), DMARC, our Authentication-Results. A thin
 * shell over src/app/message.ts.
 */
import { open } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { checkMessage, describeMessage, describeRefusal, MESSAGE_SIZE_LIMIT } from '../app/message.ts';
import { COMMAND_OPTIONS, DEADLINE_OPTION, SMTP_CLIENT_OPTIONS, deadlineExit, resolverFromOptions } from './dns-options.ts';
import { langOption } from './explain.ts';
import { type CliIo, EXIT, UsageError, helpText, usage } from './io.ts';
import { t } from '../i18n/catalog.ts';

/** Reads the message; a file over `limit` is refused without being read, standard input stops after `limit + 1` bytes. */
async function readLimited(path: string, limit: number): Promise<Buffer> {
  if (path === '-') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin) {
      const buffer = chunk as Buffer;
      chunks.push(buffer);
      size += buffer.length;
      if (size > limit) break;
    }
    return Buffer.concat(chunks);
  }
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    // Too big: refused by checkMessage with the real size, without reading it all.
    if (size > limit) throw new UsageError((lang) => t(lang, 'message.too-large', { bytes: size, limit }));
    const buffer = Buffer.alloc(size);
    await handle.read(buffer, 0, size, 0);
    return buffer;
  } finally {
    await handle.close();
  }
}

/**
 * `spfkit message` — resolves with the exit code.
 *
 * @example
 * await messageCommand(['mail.eml', '--ip', '192.0.2.1', '--mail-from', 'a@example.com'], io);
 */
export async function messageCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      ...SMTP_CLIENT_OPTIONS,
      'trace-headers': { type: 'boolean', default: false },
      'authserv-id': { type: 'string' },
      ...COMMAND_OPTIONS,
      ...DEADLINE_OPTION,
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    io.stdout(helpText('help.message', values.lang, io.env));
    return EXIT.ok;
  }
  const lang = langOption(values.lang, io.env);
  const [file, ...rest] = positionals;
  if (file === undefined || rest.length > 0) throw usage('usage.message.one-file');
  let raw: Buffer;
  try {
    raw = await readLimited(file, MESSAGE_SIZE_LIMIT);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw usage('usage.message.unreadable', { name: file, detail: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
  const dns = await resolverFromOptions(values, { deadline: values.deadline });
  try {
    const check = await checkMessage(
      raw,
      { ...(values.ip === undefined ? {} : { ip: values.ip }), ...(values.helo === undefined ? {} : { helo: values.helo }), ...(values['mail-from'] === undefined ? {} : { mailFrom: values['mail-from'] }) },
      { resolver: dns.resolver, now: Date.now(), traceHeaders: values['trace-headers'], ...(values['authserv-id'] === undefined ? {} : { authservId: values['authserv-id'] }) },
    );
    if (!check.ok) throw new UsageError((l) => describeRefusal(check, l));
    const evaluation = check.evaluation;
    io.stdout(values.json ? JSON.stringify(evaluation, null, 2) + '\n' : describeMessage(evaluation, lang).join('\n') + '\n');
    const passed = evaluation.dmarc.kind === 'evaluated' ? evaluation.dmarc.outcome.result === 'pass' : evaluation.dkim.length > 0 && evaluation.dkim.every((d) => d.result === 'pass');
    return deadlineExit(dns, io, lang, passed ? EXIT.ok : EXIT.notPass);
  } finally {
    await dns.finish();
  }
}

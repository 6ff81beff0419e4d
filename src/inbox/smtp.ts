/**
 * The test inbox's SMTP side (issue 13.4), on `smtp-server`: takes mail for
 * `test-<token>@<hostname>` only, records the connecting IP, HELO and MAIL FROM, has the
 * whole message evaluated (an injected `evaluate`, normally `evaluateMessage`) and keeps the
 * report in the store. Abuse limits, each answered with a clear SMTP reply:
 * - SIZE advertised (RFC 1870); a message over it gets 552 at the end of DATA and is not kept
 *   past the limit; one running past twice the limit is cut: 552 and the connection closed;
 * - an idle connection is closed after `socketTimeoutMs` (smtp-server's 421), a whole
 *   session after `sessionTimeoutMs` (421), so a client dribbling bytes cannot stay forever;
 * - at most `maxRecipients` recipients per session (452, RFC 5321 §4.5.3.1.10), and after
 *   `maxRecipients + RCPT_SLACK` RCPT commands in all the connection is closed (421), so a
 *   client pipelining 10 000 RCPTs is gone after a few dozen;
 * - ten unrecognised commands (binary garbage) close the connection (smtp-server's 421);
 * - at most `maxClients` connections at once.
 * No words here beyond the catalogue's (`inbox.smtp.*`, ASCII in every language).
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { t } from '../i18n/catalog.ts';
import type { Lang } from '../i18n/lang.ts';
import type { MessageClient, MessageEvaluation } from '../verdict/message.ts';
import { recipientToken } from './address.ts';
import type { InboxStore } from './store.ts';

export interface InboxLimits {
  /** Largest message in octets (the SIZE extension); default 10 MiB. */
  messageBytes: number;
  /** An idle connection is closed after this (ms); default 30 s. */
  socketTimeoutMs: number;
  /** A whole connection lasts at most this (ms); default 5 min. */
  sessionTimeoutMs: number;
  /** Recipients per session; default 5. */
  maxRecipients: number;
  /** Connections at once; default 100. */
  maxClients: number;
}

export const INBOX_LIMITS: InboxLimits = {
  messageBytes: 10 * 1024 * 1024,
  socketTimeoutMs: 30_000,
  sessionTimeoutMs: 5 * 60_000,
  maxRecipients: 5,
  maxClients: 100,
};

/** RCPT commands beyond `maxRecipients` answered (with 452/550) before the connection is closed. */
export const RCPT_SLACK = 10;

/** Evaluates a received message for its SMTP client; never rejects for anything in the message. */
export type EvaluateMessage = (raw: Uint8Array, client: Required<MessageClient>) => Promise<MessageEvaluation>;

export interface InboxServerOptions {
  store: InboxStore;
  /** The mail domain of the test addresses, also the name in the greeting. */
  hostname: string;
  evaluate: EvaluateMessage;
  /** The report page of a token, named in the 250 reply. */
  reportUrl: (token: string) => string;
  limits?: Partial<InboxLimits>;
  /** Language of the SMTP reply texts; default English. */
  lang?: Lang;
  now?: () => number;
  /** Where session events go (a line of text each); default nowhere. */
  log?: (event: InboxEvent) => void;
}

/** What happened in a session, for the operator's log (no message content). */
export type InboxEvent =
  | { kind: 'report'; token: string; ip: string; size: number }
  | { kind: 'refused'; ip: string; code: number; reason: string }
  | { kind: 'error'; ip: string; message: string };

export interface InboxServer {
  host: string;
  port: number;
  close(): Promise<void>;
}

interface SessionState {
  rcptCommands: number;
  timer?: NodeJS.Timeout;
}

/** An error smtp-server answers with its responseCode. */
function reply(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}

/** `::ffff:192.0.2.1` → `192.0.2.1`: SPF evaluates the IPv4 address (RFC 7208 §5). */
function clientIp(address: string): string {
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address) ? address.slice(7) : address;
}

function limitsOf(given: Partial<InboxLimits> = {}): InboxLimits {
  const limits = { ...INBOX_LIMITS, ...given };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`startInbox: limits.${name} must be a whole number ≥ 1, got ${String(value)}`);
  }
  return limits;
}

/** smtp-server's connections, by session: to answer and close from a handler (its API has no other way). */
interface Connection {
  session: SMTPServerSession;
  send(code: number, message: string): void;
  close(): void;
}

/**
 * Starts the inbox's SMTP server on `port`/`host` (0 = a free port).
 *
 * @example
 * const inbox = await startInbox({ store, hostname: 'inbox.example.net', evaluate, reportUrl: (t) => `https://inbox.example.net/report/${t}` }, { port: 2525, host: '0.0.0.0' });
 */
export async function startInbox(options: InboxServerOptions, listen: { port: number; host: string }): Promise<InboxServer> {
  const limits = limitsOf(options.limits);
  const lang = options.lang ?? 'en';
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const { store, hostname } = options;
  const states = new WeakMap<SMTPServerSession, SessionState>();
  /** Messages being received per token, so `maxMessages` holds for parallel sessions too. */
  const pending = new Map<string, number>();
  const rcptLimit = limits.maxRecipients + RCPT_SLACK;

  const stateOf = (session: SMTPServerSession): SessionState => {
    let state = states.get(session);
    if (state === undefined) {
      state = { rcptCommands: 0 };
      states.set(session, state);
    }
    return state;
  };
  const connectionOf = (session: SMTPServerSession): Connection | undefined => {
    for (const connection of server.connections as Set<Connection>) if (connection.session === session) return connection;
    return undefined;
  };
  const refuse = (session: SMTPServerSession, code: number, reason: string, message: string): Error => {
    log({ kind: 'refused', ip: clientIp(session.remoteAddress), code, reason });
    return reply(code, message);
  };

  const server: SMTPServer = new SMTPServer({
    name: hostname,
    banner: 'spfkit test inbox',
    size: limits.messageBytes,
    rejectOversized: true,
    socketTimeout: limits.socketTimeoutMs,
    closeTimeout: 1000,
    maxClients: limits.maxClients,
    // No AUTH or TLS: anyone may send a test message to an address they were given.
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    // The reverse lookup would ask the system's DNS for every client; spfkit's resolver does SPF.
    disableReverseLookup: true,
    logger: false,
    onConnect(session, callback) {
      const state = stateOf(session);
      state.timer = setTimeout(() => {
        const connection = connectionOf(session);
        // 421 closes the connection (smtp-server's send).
        connection?.send(421, t(lang, 'inbox.smtp.session-too-long', { seconds: Math.round(limits.sessionTimeoutMs / 1000) }));
      }, limits.sessionTimeoutMs);
      state.timer.unref();
      callback();
    },
    onClose(session) {
      clearTimeout(states.get(session)?.timer);
    },
    onRcptTo(address, session, callback) {
      const state = stateOf(session);
      state.rcptCommands += 1;
      if (state.rcptCommands > rcptLimit) return callback(refuse(session, 421, 'rcpt-commands', t(lang, 'inbox.smtp.too-many-rcpt-commands', { limit: rcptLimit })));
      if (session.envelope.rcptTo.length >= limits.maxRecipients) {
        return callback(refuse(session, 452, 'recipients', t(lang, 'inbox.smtp.too-many-recipients', { limit: limits.maxRecipients })));
      }
      const recipient = recipientToken(address.address, hostname);
      if (!recipient.ok) {
        return callback(
          recipient.code === 'other-domain'
            ? refuse(session, 550, recipient.code, t(lang, 'inbox.smtp.other-domain', { name: hostname }))
            : refuse(session, 550, recipient.code, t(lang, 'inbox.smtp.not-a-test-address', { name: hostname })),
        );
      }
      const acceptance = store.accepts(recipient.token, pending.get(recipient.token) ?? 0);
      switch (acceptance) {
        case 'ok':
          return callback();
        case 'unknown':
          return callback(refuse(session, 550, 'unknown-token', t(lang, 'inbox.smtp.unknown-token')));
        case 'full':
          return callback(refuse(session, 552, 'token-full', t(lang, 'inbox.smtp.token-full', { count: store.maxMessages })));
        default: {
          const never: never = acceptance;
          throw new Error(`unhandled acceptance ${String(never)}`);
        }
      }
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      const tokens = [...new Set(session.envelope.rcptTo.map((r) => recipientToken(r.address, hostname)).flatMap((r) => (r.ok ? [r.token] : [])))];
      for (const token of tokens) pending.set(token, (pending.get(token) ?? 0) + 1);
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        for (const token of tokens) {
          const left = (pending.get(token) ?? 1) - 1;
          if (left <= 0) pending.delete(token);
          else pending.set(token, left);
        }
      };
      const chunks: Buffer[] = [];
      let bytes = 0;
      let cut = false;
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        // Nothing past the limit is kept: the message is refused anyway.
        if (bytes <= limits.messageBytes) chunks.push(chunk);
        if (bytes > 2 * limits.messageBytes && !cut) {
          cut = true;
          release();
          const connection = connectionOf(session);
          log({ kind: 'refused', ip: clientIp(session.remoteAddress), code: 552, reason: 'too-large-cut' });
          connection?.send(552, t(lang, 'inbox.smtp.too-large-cut', { limit: limits.messageBytes }));
          connection?.close();
        }
      });
      stream.on('error', () => release());
      stream.on('end', () => {
        if (cut) return release();
        if (stream.sizeExceeded) {
          release();
          return callback(refuse(session, 552, 'too-large', t(lang, 'inbox.smtp.too-large', { limit: limits.messageBytes })));
        }
        const raw = Buffer.concat(chunks);
        const mailFrom = session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address;
        const client = { ip: clientIp(session.remoteAddress), helo: session.hostNameAppearsAs, mailFrom };
        options.evaluate(raw, client).then(
          (evaluation) => {
            release();
            const kept = tokens.filter((token) => store.add(token, { receivedAt: now(), client, size: raw.length, evaluation }));
            for (const token of kept) log({ kind: 'report', token, ip: client.ip, size: raw.length });
            // Expired (or filled by a parallel session) while the message came in.
            if (kept.length === 0) return callback(refuse(session, 550, 'unknown-token', t(lang, 'inbox.smtp.unknown-token')));
            callback(null, t(lang, 'inbox.smtp.accepted', { url: options.reportUrl(kept[0] as string) }));
          },
          (error: unknown) => {
            release();
            log({ kind: 'error', ip: client.ip, message: error instanceof Error ? error.message : String(error) });
            callback(reply(451, t(lang, 'inbox.smtp.evaluation-failed')));
          },
        );
      });
    },
  });
  server.on('error', (error) => log({ kind: 'error', ip: '', message: error.message }));

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(listen.port, listen.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address() as AddressInfo;
  return {
    host: address.address,
    port: address.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The test inbox as one use case (issue 13.4), shared by `spfkit inbox` and the HTTP server's
 * SPFKIT_INBOX_PORT option: the store, the SMTP server, and `evaluateMessage` on spfkit's
 * resolver with a per-message DNS budget and deadline. The report page and its API are the
 * HTTP server's (src/server/inbox-routes.ts), reading the same store.
 */
import type { Resolver } from '../dns/resolver.ts';
import { budgetResolver } from '../dns/budget.ts';
import { evaluateMessage } from '../verdict/message.ts';
import { inboxAddress } from '../inbox/address.ts';
import { type EvaluateMessage, type InboxEvent, type InboxLimits, type InboxServer, startInbox } from '../inbox/smtp.ts';
import { type InboxStore, type InboxStoreOptions, inboxStore } from '../inbox/store.ts';
import type { Lang } from '../i18n/lang.ts';

/** DNS queries one message may cause: SPF's worst case (134, as the server's check budget), DKIM keys, DMARC's tree walks. */
export const MESSAGE_MAX_QUERIES = 200;
/** Milliseconds one message's evaluation may take for DNS. */
export const MESSAGE_DEADLINE_MS = 15_000;

/**
 * `evaluateMessage` for the inbox: a fresh DNS budget per message, the inbox's host name as
 * authserv-id, the clock read when the message is in.
 */
export function inboxEvaluator(resolver: Resolver, options: { authservId: string; now?: () => number }): EvaluateMessage {
  const now = options.now ?? Date.now;
  return (raw, client) =>
    evaluateMessage(raw, client, { resolver: budgetResolver(resolver, { maxQueries: MESSAGE_MAX_QUERIES, deadlineMs: MESSAGE_DEADLINE_MS }), now: now(), authservId: options.authservId });
}

/** The report page of a token under the page's public address (`https://inbox.example.net/`). */
export function reportUrl(publicUrl: string, token: string): string {
  return new URL(`report/${token}`, publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`).href;
}

/** What the HTTP server needs to hand out addresses and show reports. */
export interface InboxSite {
  store: InboxStore;
  hostname: string;
}

export interface TestInboxOptions {
  resolver: Resolver;
  /** The mail domain of the test addresses (its MX must point here). */
  hostname: string;
  smtp: { port: number; host: string };
  /** Where the report page is served, for the 250 reply. */
  publicUrl: string;
  store?: InboxStoreOptions;
  limits?: Partial<InboxLimits>;
  lang?: Lang;
  log?: (event: InboxEvent) => void;
}

export interface TestInbox extends InboxSite {
  smtp: InboxServer;
  /** A fresh test address and its report page, or undefined when the store is full. */
  issue(): { token: string; address: string; reportUrl: string } | undefined;
  close(): Promise<void>;
}

/**
 * Starts the store and the SMTP server.
 *
 * @example
 * const inbox = await startTestInbox({ resolver, hostname: 'inbox.example.net', smtp: { port: 25, host: '0.0.0.0' }, publicUrl: 'https://inbox.example.net/' });
 * createServer({ inbox }); // /api/inbox and /report/<token>
 */
export async function startTestInbox(options: TestInboxOptions): Promise<TestInbox> {
  const store = inboxStore(options.store);
  const smtp = await startInbox(
    {
      store,
      hostname: options.hostname,
      evaluate: inboxEvaluator(options.resolver, { authservId: options.hostname }),
      reportUrl: (token) => reportUrl(options.publicUrl, token),
      ...(options.limits === undefined ? {} : { limits: options.limits }),
      ...(options.lang === undefined ? {} : { lang: options.lang }),
      ...(options.log === undefined ? {} : { log: options.log }),
    },
    options.smtp,
  );
  return {
    store,
    hostname: options.hostname,
    smtp,
    issue() {
      const issued = store.issue();
      if (!issued.ok) return undefined;
      const { token } = issued.entry;
      return { token, address: inboxAddress(token, options.hostname), reportUrl: reportUrl(options.publicUrl, token) };
    },
    close: () => smtp.close(),
  };
}

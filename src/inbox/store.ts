/**
 * The test inbox's memory (issue 13.4): the tokens handed out, and for each at most
 * `maxMessages` reports, all forgotten `ttlMs` after the token was issued. Nothing else is
 * kept — not the raw messages, not the sessions that were refused. In memory on purpose: a
 * report is for the person looking at it now, and a restart forgets them all (docs: README).
 * The clock comes in as an option.
 */
import { randomBytes } from 'node:crypto';
import type { MessageClient, MessageEvaluation } from '../verdict/message.ts';

/** One message received for a token: what the SMTP session said and what we found. */
export interface InboxReport {
  /** Milliseconds since the epoch. */
  receivedAt: number;
  /** The SMTP client: connecting IP, HELO/EHLO name, MAIL FROM ("" for the null sender). */
  client: Required<MessageClient>;
  /** The message's size in octets, as received. */
  size: number;
  evaluation: MessageEvaluation;
}

export interface InboxEntry {
  token: string;
  issuedAt: number;
  expiresAt: number;
  reports: InboxReport[];
}

export interface InboxStoreOptions {
  /** How long a token and its reports live, from issue (default 1 hour). */
  ttlMs?: number;
  /** Reports per token (default 5); later messages are refused at RCPT. */
  maxMessages?: number;
  /** Live tokens at once (default 10 000); `issue` answers `full` beyond. */
  maxTokens?: number;
  now?: () => number;
  /** Random octets (tests may fix them); default node:crypto. */
  random?: (bytes: number) => Uint8Array;
}

export const INBOX_DEFAULTS = { ttlMs: 60 * 60 * 1000, maxMessages: 5, maxTokens: 10_000 } as const;

/** A token: 20 lowercase base-32 characters (100 bits), safe in a local part whatever the case-folding. */
export const TOKEN_PATTERN = /^[a-z2-7]{20}$/;

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

function encodeToken(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < 20; i++) out += ALPHABET[(bytes[i] ?? 0) & 31];
  return out;
}

/** Whether a token may still receive: the answer of `accepts`. */
export type Acceptance = 'ok' | 'unknown' | 'full';

export interface InboxStore {
  readonly ttlMs: number;
  readonly maxMessages: number;
  /** A fresh token, or `full` when `maxTokens` are live. */
  issue(): { ok: true; entry: InboxEntry } | { ok: false; code: 'full' };
  /** The live entry of a token (expired ones are gone). */
  get(token: string): InboxEntry | undefined;
  /** Whether a message for `token` may be taken now (`pending` counts messages being received). */
  accepts(token: string, pending?: number): Acceptance;
  /** Keeps a report; false when the token expired or is full meanwhile. */
  add(token: string, report: InboxReport): boolean;
  /** Live tokens (after dropping expired ones). */
  size(): number;
}

/**
 * An in-memory store with expiry.
 *
 * @example
 * const store = inboxStore({ ttlMs: 600_000 });
 * const issued = store.issue(); // { ok: true, entry: { token: 'k3…', … } }
 */
export function inboxStore(options: InboxStoreOptions = {}): InboxStore {
  const ttlMs = options.ttlMs ?? INBOX_DEFAULTS.ttlMs;
  const maxMessages = options.maxMessages ?? INBOX_DEFAULTS.maxMessages;
  const maxTokens = options.maxTokens ?? INBOX_DEFAULTS.maxTokens;
  for (const [name, value] of Object.entries({ ttlMs, maxMessages, maxTokens })) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`inboxStore: ${name} must be a whole number ≥ 1, got ${String(value)}`);
  }
  const now = options.now ?? Date.now;
  const random = options.random ?? ((n: number) => randomBytes(n));
  // Insertion order is issue order, and every entry lives equally long: the oldest are first.
  const entries = new Map<string, InboxEntry>();

  function sweep(): void {
    const at = now();
    for (const [token, entry] of entries) {
      if (entry.expiresAt > at) break;
      entries.delete(token);
    }
  }

  function live(token: string): InboxEntry | undefined {
    sweep();
    return entries.get(token.toLowerCase());
  }

  return {
    ttlMs,
    maxMessages,
    issue() {
      sweep();
      if (entries.size >= maxTokens) return { ok: false, code: 'full' };
      let token = encodeToken(random(20));
      while (entries.has(token)) token = encodeToken(random(20));
      const issuedAt = now();
      const entry: InboxEntry = { token, issuedAt, expiresAt: issuedAt + ttlMs, reports: [] };
      entries.set(token, entry);
      return { ok: true, entry };
    },
    get: live,
    accepts(token, pending = 0) {
      const entry = live(token);
      if (entry === undefined) return 'unknown';
      return entry.reports.length + pending >= maxMessages ? 'full' : 'ok';
    },
    add(token, report) {
      const entry = live(token);
      if (entry === undefined || entry.reports.length >= maxMessages) return false;
      entry.reports.push(report);
      return true;
    },
    size() {
      sweep();
      return entries.size;
    },
  };
}
